import type { TurnContext } from 'botbuilder';
import type { UserProfile } from '../../bot/core/conversation-repository.js';
import { isLanguage, type Language } from '../../bot/core/language.js';
import type { Logger } from '../../bot/logger.js';
import type { InboundActivity } from './inbound-activity.js';
import type { RosterLookup } from './roster-lookup.js';

/**
 * Who wrote, as Teams vouches for it: the Entra object id comes on every activity; the UPN and email only from
 * the roster (TeamsInfo.getMember), which can fail (permissions, a guest, a throttled roster) and then is
 * simply left out.
 */
export async function teamsUser(context: TurnContext, activity: InboundActivity, roster: RosterLookup, logger: Logger): Promise<UserProfile> {
  const { from } = activity;
  const verified: NonNullable<UserProfile['verified']> = {};
  if (from.aadObjectId) verified.aadObjectId = from.aadObjectId;
  const member = await roster.lookUp(context, from.id, (error) => logger.debug({ err: error }, 'Teams roster lookup failed; the user goes on without UPN or email'));
  if (member.upn) verified.upn = member.upn;
  if (member.email) verified.email = member.email;
  const email = member.email;
  return {
    externalId: from.id,
    ...(from.name ? { name: from.name } : {}),
    ...(email ? { email } : {}),
    ...(Object.keys(verified).length > 0 ? { verified } : {}),
  };
}

/** The activity's locale when Mesa speaks it ("es-ES" → "es"). */
export function activityLanguage(activity: InboundActivity): Language | undefined {
  const primary = activity.locale?.split('-')[0]?.toLowerCase();
  return isLanguage(primary) ? primary : undefined;
}
