import type { Lang } from './widget-config.js';

const STORAGE_KEY = 'mesa.session';

/** The chat session as kept in localStorage, so a reload resumes it. */
export interface StoredSession {
  base: string;
  sessionId: string;
  token: string;
  cursor?: string;
  /** Newest message id the user has had on screen; newer bot/agent messages mark the launcher unread. */
  lastRead?: string;
  /** The conversation's language as last seen, so a reload keeps a language the user switched to. */
  locale?: Lang;
  /** Whose session this is; another signed-in user on the same browser starts their own. */
  userId?: string;
}

/** localStorage is read on each call: even touching it throws where the browser disables storage. */
export const sessionStore = {
  load(base: string): StoredSession | null {
    try {
      const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as StoredSession | null;
      // A session belongs to one Mesa server; a page that switched servers starts afresh.
      return stored && stored.base === base && stored.sessionId && stored.token ? stored : null;
    } catch {
      return null; // storage disabled or corrupted: the widget still works, it just won't resume
    }
  },
  save(session: StoredSession): void {
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    } catch {
      // Private mode or a full quota: resuming after reload is a convenience, not a requirement.
    }
  },
  clear(): void {
    try {
      localStorage.removeItem(STORAGE_KEY);
    } catch {
      // See save().
    }
  },
};
