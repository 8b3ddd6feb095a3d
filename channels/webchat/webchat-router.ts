import { Router, type Request, type RequestHandler } from 'express';
import type { ConversationService } from '../../bot/core/conversation-service.js';
import { MesaError } from '../../bot/core/errors.js';
import type { StoredMessage } from '../../bot/core/messages.js';
import { isLanguage } from '../../bot/core/language.js';
import type { Translator } from '../../bot/i18n/translator.js';
import { webchatAuthenticator, WEBCHAT_CHANNEL, type WebchatReference } from './authenticate.js';
import { IDENTITY_HEADER, verifiedIdentity } from './user-identity.js';
import { toMessageJson } from './message-json.js';
import type { MessageAcceptedJson, MessagesPageJson, SessionCreatedJson } from './wire.js';
import type { ConnectionLimits } from './connection-limits.js';
import type { RateLimiter } from './rate-limiter.js';
import { parseWith } from '../http/parse-with.js';
import { createSessionBody, messagesQuery, parsePostMessageBody, streamQuery } from './schemas.js';
import { hashToken, newSessionToken } from './session-token.js';
import { streamConversation } from './event-stream.js';

export interface WebchatRouterOptions {
  conversations: ConversationService;
  translator: Translator;
  rateLimiter: RateLimiter;
  /** New sessions: per client address and for everyone together (creating one needs no sign-in). */
  sessionLimits: { perAddress: RateLimiter; overall: RateLimiter };
  /** Open streams and waiting long polls, per session and per address. */
  connectionLimits: ConnectionLimits;
  /** Aborted when Mesa shuts down: long polls answer and streams end. */
  shutdown: AbortSignal;
  /** Origins allowed to embed the widget; '*' for any. */
  allowedOrigins: string[];
  /** When set, `user.id` must come with its signature in the X-Mesa-Identity header. */
  identitySecret?: string;
}

function cors(allowedOrigins: string[]): RequestHandler {
  return (request, response, next) => {
    const origin = request.get('origin');
    if (origin && (allowedOrigins.includes('*') || allowedOrigins.includes(origin))) {
      response.set('Access-Control-Allow-Origin', allowedOrigins.includes('*') ? '*' : origin);
      response.set('Access-Control-Allow-Headers', 'Authorization, Content-Type, X-Mesa-Identity');
      response.set('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      response.set('Vary', 'Origin');
    }
    if (request.method === 'OPTIONS') {
      response.status(204).end();
      return;
    }
    next();
  };
}

/** The web chat API of design.md §4, plus the push stream and the widget's UI strings. */
const addressOf = (request: Request): string => request.ip ?? request.socket.remoteAddress ?? 'unknown';

export function webchatRouter({ conversations, translator, rateLimiter, sessionLimits, connectionLimits, shutdown, allowedOrigins, identitySecret }: WebchatRouterOptions): Router {
  const router = Router();
  const authenticate = webchatAuthenticator(conversations);
  router.use(cors(allowedOrigins));

  router.post('/sessions', async (request, response) => {
    const body = parseWith(createSessionBody, request.body ?? {}, 'request body');
    const verified = verifiedIdentity(identitySecret, body.user?.id, body.user?.email, request.get(IDENTITY_HEADER));
    // The address first, so that one busy client does not use up everyone's share.
    if (!sessionLimits.perAddress.allow(addressOf(request)) || !sessionLimits.overall.allow('all')) {
      throw new MesaError('too_many_sessions', 'Too many new chat sessions; try again in a minute.');
    }
    const token = newSessionToken();
    const conversation = await conversations.start({
      channel: WEBCHAT_CHANNEL,
      ...(body.locale ? { locale: body.locale } : {}),
      ...(body.user ? { user: { ...(body.user.id ? { externalId: body.user.id } : {}), ...(body.user.name ? { name: body.user.name } : {}), ...(body.user.email ? { email: body.user.email } : {}), ...(verified ? { verified } : {}) } } : {}),
      reference: { tokenHash: hashToken(token) } satisfies WebchatReference,
    });
    response.status(201).json({ sessionId: conversation.id, token } satisfies SessionCreatedJson);
  });

  router.post('/sessions/:sessionId/messages', async (request, response) => {
    if (shutdown.aborted) throw new MesaError('shutting_down', 'Mesa is restarting.');
    const conversation = await authenticate(request);
    const body = parsePostMessageBody(request.body);
    if (!rateLimiter.allow(conversation.id)) throw new MesaError('rate_limited', 'Too many messages.');
    const stored = await conversations.accept(conversation, 'text' in body ? { text: body.text } : { actionId: body.action.id });
    response.status(202).json({ id: stored.id } satisfies MessageAcceptedJson);
  });

  // Not in design.md §4: lets an analyst in a live chat see that the user is writing. Best effort, never an error for being frequent.
  router.post('/sessions/:sessionId/typing', async (request, response) => {
    const conversation = await authenticate(request);
    conversations.userTyping(conversation.id);
    response.status(204).end();
  });

  router.get('/sessions/:sessionId/messages', async (request, response) => {
    const conversation = await authenticate(request);
    const query = parseWith(messagesQuery, request.query, 'query');
    const answer = (messages: StoredMessage[]): void => {
      response.json({ messages: messages.map(toMessageJson), cursor: messages.at(-1)?.id ?? query.after ?? '0' } satisfies MessagesPageJson);
    };
    // Most polls ask for a reply that is already there: answer without setting up the wait.
    const ready = await conversations.messagesAfter(conversation.id, query.after ?? null);
    if (ready.length > 0 || query.waitMs === 0 || shutdown.aborted) return answer(ready);
    const release = connectionLimits.acquire(conversation.id, addressOf(request));
    const abort = new AbortController();
    const onAbort = (): void => abort.abort();
    request.on('close', onAbort);
    shutdown.addEventListener('abort', onAbort, { once: true });
    try {
      answer(await conversations.waitForMessages(conversation.id, query.after ?? null, query.waitMs, abort.signal));
    } finally {
      release();
      request.off('close', onAbort);
      shutdown.removeEventListener('abort', onAbort);
    }
  });

  router.get('/sessions/:sessionId/stream', async (request, response) => {
    const conversation = await authenticate(request);
    const query = parseWith(streamQuery, request.query, 'query');
    const release = connectionLimits.acquire(conversation.id, addressOf(request));
    response.once('close', release);
    streamConversation(request, response, conversations, conversation.id, query.after ?? null, shutdown);
  });

  router.get('/i18n/:lang', (request, response) => {
    const language = request.params.lang;
    if (!isLanguage(language)) throw new MesaError('not_found', 'Unknown language.');
    response.set('Cache-Control', 'public, max-age=300');
    response.json(translator.namespace(language, 'widget'));
  });

  return router;
}
