import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import type { ConversationRecord } from '../../bot/core/conversation-repository.js';
import type { ConversationService } from '../../bot/core/conversation-service.js';
import { MesaError } from '../../bot/core/errors.js';
import { RecentlyUsed } from '../../bot/core/recently-used.js';
import { tokenMatches } from './session-token.js';

export const WEBCHAT_CHANNEL = 'webchat';

/** What the web chat keeps with a session's address: the sha256 of its bearer token, never the token. */
export interface WebchatReference {
  tokenHash: string;
}

const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Sessions whose token was checked recently: as many as there are conversations kept in memory. */
const VERIFIED_SESSIONS = 20_000;

/** Finds the web chat session named in a request's path and checks the caller's bearer token against it. */
export type WebchatAuthenticator = (request: Request) => Promise<ConversationRecord>;

function sameToken(a: string, b: string): boolean {
  // Tokens have one fixed length, so only the comparison of contents needs to be constant-time. Lengths are
  // compared in bytes: a header may carry non-ASCII characters, and timingSafeEqual throws on unequal buffers.
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * A widget sends its token with every message and every long poll. Hashing it each time cost more than the
 * rest of the check, so a token that matched its session's hash is remembered and later compared directly.
 */
export function webchatAuthenticator(conversations: ConversationService): WebchatAuthenticator {
  // A session's token never changes, so the one that matched its stored hash can be compared directly later.
  const verified = new RecentlyUsed<string, string>(VERIFIED_SESSIONS);
  const tokenIsRight = async (conversation: ConversationRecord, token: string): Promise<boolean> => {
    if (!token) return false;
    const known = verified.get(conversation.id);
    if (known !== undefined && sameToken(known, token)) return true;
    const hash = ((await conversations.addressOf(conversation.id))?.reference as WebchatReference | undefined)?.tokenHash;
    if (!hash || !tokenMatches(token, hash)) return false;
    verified.set(conversation.id, token);
    return true;
  };
  return async (request) => {
    const sessionId = String(request.params.sessionId ?? '');
    const conversation = SESSION_ID.test(sessionId) ? await conversations.find(sessionId) : null;
    if (!conversation || conversation.channel !== WEBCHAT_CHANNEL) {
      throw new MesaError('session_not_found', 'This chat session does not exist.');
    }
    const header = request.get('authorization') ?? '';
    const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
    if (!(await tokenIsRight(conversation, token))) {
      throw new MesaError('invalid_token', 'The session token is missing or wrong.');
    }
    return conversation;
  };
}
