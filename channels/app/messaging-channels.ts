import type { ChannelPlugin } from '../contract.js';
import { slackChannel } from '../slack/slack-channel.js';
import { teamsChannel } from '../teams/teams-channel.js';
import { whatsappChannel } from '../whatsapp/whatsapp-channel.js';

/** Teams, Slack and WhatsApp: each plugs in here, one line, and reads its own settings. */
export const messagingChannels: ChannelPlugin[] = [teamsChannel, slackChannel, whatsappChannel()];
