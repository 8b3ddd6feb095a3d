import type { CloseReason } from './help-desk.js';

/**
 * Something about a ticket the user must hear in their own channel and language, even when they are away.
 * The service desk decides what happened; the bot decides how to say it (bot/flows/ticket-notices.ts).
 */
export type TicketNotice =
  | { kind: 'claimed'; number: string; analystName: string }
  | { kind: 'transferred'; number: string; queueName: string }
  | { kind: 'pending_user'; number: string }
  | { kind: 'resumed'; number: string }
  /** Asks the user to confirm, with "fixed" / "not fixed" buttons. */
  | { kind: 'resolved'; number: string; resolution: string; autoCloseHours: number }
  | { kind: 'reopened'; number: string }
  | { kind: 'closed'; number: string; reason: CloseReason }
  /** The 1–5 rating buttons. */
  | { kind: 'survey'; number: string }
  | { kind: 'handed_back'; number: string }
  /** Outside business hours the queue opened: someone will answer now. */
  | { kind: 'queue_open'; number: string };
