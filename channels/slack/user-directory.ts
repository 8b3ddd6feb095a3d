import { z } from 'zod';
import type { Language } from '../../bot/core/language.js';
import { RecentlyUsed } from '../../bot/core/recently-used.js';
import type { Logger } from '../../bot/logger.js';
import { languageOfSlackLocale } from './slack-locale.js';
import { timeout } from './timeout.js';

/** What Slack vouches for about a user: the workspace's verified email and the language of their Slack client. */
export interface SlackPerson {
  name?: string;
  email?: string;
  language?: Language;
}

/** The part of the Web API the directory calls. */
export interface UsersApi {
  users: { info(arguments_: { user: string; include_locale: boolean }): Promise<unknown> };
}

const usersInfo = z.object({
  user: z.object({
    real_name: z.string().optional(),
    locale: z.string().optional(),
    profile: z.object({ email: z.string().optional(), real_name: z.string().optional(), display_name: z.string().optional() }).optional(),
  }),
});

export interface UserDirectoryOptions {
  client: UsersApi;
  clock: () => Date;
  logger: Logger;
  /** How long a lookup is reused: a user's messages come in bursts, and users.info is rate limited. */
  ttlMs?: number;
  capacity?: number;
  /** Slack is acknowledged after the lookup, so a slow one is not waited for past this (it still fills the cache). */
  timeoutMs?: number;
}

/**
 * Looks Slack users up (users.info, needs users:read and users:read.email). A failed lookup is not fatal:
 * the message is still answered, just without a verified email or language hint.
 */
export class UserDirectory {
  private readonly cache: RecentlyUsed<string, { person: SlackPerson; at: number }>;
  private readonly ttlMs: number;

  constructor(private readonly options: UserDirectoryOptions) {
    this.cache = new RecentlyUsed(options.capacity ?? 5000);
    this.ttlMs = options.ttlMs ?? 10 * 60_000;
  }

  async lookUp(userId: string): Promise<SlackPerson> {
    const now = this.options.clock().getTime();
    const cached = this.cache.get(userId);
    if (cached && now - cached.at < this.ttlMs) return cached.person;
    const gaveUp = timeout(this.options.timeoutMs ?? 1000, undefined);
    const person = await Promise.race([this.fetch(userId, now), gaveUp.promise]);
    gaveUp.cancel();
    if (person) return person;
    this.options.logger.warn({ slackUser: userId }, 'users.info is slow; answering without the Slack profile for now');
    return cached?.person ?? {};
  }

  private async fetch(userId: string, now: number): Promise<SlackPerson | undefined> {
    try {
      const parsed = usersInfo.safeParse(await this.options.client.users.info({ user: userId, include_locale: true }));
      if (!parsed.success) throw new Error('users.info answered without a user');
      const { user } = parsed.data;
      const name = user.real_name || user.profile?.real_name || user.profile?.display_name;
      const language = languageOfSlackLocale(user.locale);
      const person: SlackPerson = { ...(name ? { name } : {}), ...(user.profile?.email ? { email: user.profile.email } : {}), ...(language ? { language } : {}) };
      this.cache.set(userId, { person, at: now });
      return person;
    } catch (error) {
      this.options.logger.warn({ err: error, slackUser: userId }, 'users.info failed; answering without the Slack profile');
      return this.cache.get(userId)?.person ?? {};
    }
  }
}
