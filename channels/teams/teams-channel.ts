import { CloudAdapter } from 'botbuilder';
import type { ChannelAdapter, ChannelPlugin } from '../contract.js';
import { RosterLookup } from './roster-lookup.js';
import { SendLimiter } from './send-limiter.js';
import { teamsAuthentication } from './teams-authentication.js';
import { teamsRouter } from './teams-router.js';
import { teamsSender } from './teams-sender.js';
import { readTeamsSettings } from './teams-settings.js';
import { turnHandler } from './turn-handler.js';

/** The channel's name in conversations, tickets and reports. */
export const TEAMS_CHANNEL = 'teams';

/**
 * Microsoft Teams through the Bot Framework SDK (botbuilder), which stays inside this folder: the Microsoft
 * 365 Agents SDK speaks the same Activity protocol, so moving to it changes only channels/teams/.
 */
export const teamsChannel: ChannelPlugin = {
  name: TEAMS_CHANNEL,
  async create({ env, conversations, translator, logger, clock, shutdown }): Promise<ChannelAdapter | { disabled: string }> {
    const settings = readTeamsSettings(env);
    if (!settings) return { disabled: 'MicrosoftAppId is unset' };
    const adapter = new CloudAdapter(teamsAuthentication(settings));
    const handle = turnHandler({ channel: TEAMS_CHANNEL, conversations, translator, logger, roster: new RosterLookup(clock) });
    const sender = teamsSender({ adapter, appId: settings.appId, translator, limiter: new SendLimiter(clock), clock, shutdown });
    return {
      name: TEAMS_CHANNEL,
      capabilities: { buttons: true, maxButtons: 6, cards: true, typing: true, edits: false, markdown: true },
      routes: [{ path: '/api/messages', router: teamsRouter(adapter, handle) }],
      // An installed bot may write to its users at any time.
      reachForMs: Number.POSITIVE_INFINITY,
      start: async () => undefined,
      stop: async () => undefined,
      ...sender,
    };
  },
};
