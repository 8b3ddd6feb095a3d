import type { CreateSessionJson, MessageAcceptedJson, PostMessageJson, SessionCreatedJson } from '../wire.js';
import type { StoredSession } from './session-store.js';
import type { Strings } from './strings-cache.js';
import type { Lang, PageUser } from './widget-config.js';

/** A 4xx/5xx from Mesa, with the error code of its JSON body when it has one. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string) {
    super(`${status} ${code}`);
  }
}

/** The server no longer knows the session (expired, data reset): start a new one. */
export function isSessionGone(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 401 || (error.status === 404 && error.code === 'session_not_found'));
}

/** Reads a failed response into an ApiError. */
export async function toApiError(response: Response): Promise<ApiError> {
  let code = `http_${response.status}`;
  try {
    const body = (await response.json()) as { error?: { code?: unknown } };
    if (typeof body.error?.code === 'string') code = body.error.code;
  } catch {
    // Not our JSON error shape (a proxy page, an empty body): the status alone has to do.
  }
  return new ApiError(response.status, code);
}

/** The API path of one chat session. */
export function sessionPath(session: StoredSession): string {
  return `/api/chat/sessions/${encodeURIComponent(session.sessionId)}`;
}

interface RequestOptions {
  token?: string;
  body?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

/** The web chat API of design.md §4 on one Mesa server. */
export class Api {
  constructor(readonly base: string) {}

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    const response = await fetch(this.base + path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      cache: 'no-store',
    });
    if (!response.ok) throw await toApiError(response);
    return (await response.json()) as T;
  }

  strings(lang: Lang): Promise<Strings> {
    return this.request<Strings>('GET', `/api/chat/i18n/${lang}`);
  }

  createSession(locale: Lang, user: PageUser): Promise<SessionCreatedJson> {
    const { signature, ...profile } = user;
    const body: CreateSessionJson = { locale, ...(Object.keys(profile).length ? { user: profile } : {}) };
    return this.request('POST', '/api/chat/sessions', {
      body,
      ...(signature ? { headers: { 'X-Mesa-Identity': signature } } : {}),
    });
  }

  async typing(session: StoredSession): Promise<void> {
    await fetch(`${this.base}${sessionPath(session)}/typing`, { method: 'POST', headers: { Authorization: `Bearer ${session.token}` }, cache: 'no-store' });
  }

  post(session: StoredSession, body: PostMessageJson): Promise<MessageAcceptedJson> {
    return this.request('POST', `${sessionPath(session)}/messages`, { token: session.token, body });
  }
}
