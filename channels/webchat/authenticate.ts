import type { Request } from 'express';
import type { ConversationRecord } from '../../bot/core/conversation-repository.js';
import type { ConversationService } from '../../bot/core/conversation-service.js';
import { MesaError } from '../../bot/core/errors.js';
import { tokenMatches } from './session-token.js';

export const WEBCHAT_CHANNEL = 'webchat';

const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Finds the web chat session named in the path and checks the caller's bearer token against it. */
export async function authenticate(request: Request, conversations: ConversationService): Promise<ConversationRecord> {
  const sessionId = String(request.params.sessionId ?? '');
  const conversation = SESSION_ID.test(sessionId) ? await conversations.find(sessionId) : null;
  if (!conversation || conversation.channel !== WEBCHAT_CHANNEL) {
    throw new MesaError('session_not_found', 'This chat session does not exist.');
  }
  const header = request.get('authorization') ?? '';
  const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
  if (!tokenMatches(token, conversation.tokenHash)) {
    throw new MesaError('invalid_token', 'The session token is missing or wrong.');
  }
  return conversation;
}
