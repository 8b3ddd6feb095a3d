/*
 * The web chat API's JSON as it travels (design.md §4). The server's serialisers return these types, and the
 * widget and the consoles read them, so a field changed on one side fails the build of the others. Types
 * only, no imports: browser builds include this file as it is, without pulling in server code.
 */

/** The languages Mesa speaks. */
export type LanguageJson = 'en' | 'es' | 'pt' | 'it';

/** Who wrote a message. */
export type MessageRoleJson = 'user' | 'bot' | 'agent' | 'system';

/** The contract's Message object. */
export interface MessageJson {
  id: string;
  role: MessageRoleJson;
  text: string;
  locale: string;
  /** ISO-8601. */
  createdAt: string;
  actions?: { id: string; label: string }[];
  /** KB articles this message offers. */
  articles?: { id: string; title: string; language: string }[];
  /** The ticket this message is about. */
  ticket?: { number: string; status: string };
}

/** Body of POST /api/chat/sessions. */
export interface CreateSessionJson {
  locale?: LanguageJson;
  user?: { id?: string; name?: string; email?: string };
}

/** 201 of POST /api/chat/sessions. */
export interface SessionCreatedJson {
  sessionId: string;
  token: string;
}

/** Body of POST /api/chat/sessions/:sessionId/messages. */
export type PostMessageJson = { text: string } | { action: { id: string } };

/** 202 of POST /api/chat/sessions/:sessionId/messages. */
export interface MessageAcceptedJson {
  id: string;
}

/** 200 of GET /api/chat/sessions/:sessionId/messages. */
export interface MessagesPageJson {
  messages: MessageJson[];
  cursor: string;
}
