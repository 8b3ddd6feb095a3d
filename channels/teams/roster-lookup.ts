import { TeamsInfo, type TurnContext } from 'botbuilder';
import { RecentlyUsed } from '../../bot/core/recently-used.js';

/** What the Teams roster says about a user beyond the activity itself. */
export interface RosterEntry {
  upn?: string;
  email?: string;
}

/** How long a roster answer is trusted before Mesa asks again (a renamed or re-homed account shows up then). */
const FRESH_FOR_MS = 60 * 60 * 1000;

/**
 * TeamsInfo.getMember, remembered per user for an hour: every message would otherwise cost a roster call
 * (throttled by Teams, and added to each message's answer time). A failed lookup is remembered as empty too,
 * so a guest or a missing permission is not retried on every message.
 */
export class RosterLookup {
  private readonly known = new RecentlyUsed<string, { entry: RosterEntry; at: number }>(10_000);

  constructor(private readonly clock: () => Date) {}

  async lookUp(context: TurnContext, userId: string, onError: (error: unknown) => void): Promise<RosterEntry> {
    const now = this.clock().getTime();
    const cached = this.known.get(userId);
    if (cached && now - cached.at < FRESH_FOR_MS) return cached.entry;
    let entry: RosterEntry = {};
    try {
      const member = await TeamsInfo.getMember(context, userId);
      entry = { ...(member.userPrincipalName ? { upn: member.userPrincipalName } : {}), ...(member.email ? { email: member.email } : {}) };
    } catch (error) {
      onError(error);
    }
    this.known.set(userId, { entry, at: now });
    return entry;
  }
}
