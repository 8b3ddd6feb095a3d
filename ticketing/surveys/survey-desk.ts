import { MesaError } from '../../bot/core/errors.js';
import { readsAsComplaint } from '../complaints/reads-as-complaint.js';
import type { DeskDeps } from '../desk/desk-deps.js';
import { ownTicket } from '../desk/user-tickets.js';
import type { SurveyWrite } from '../tickets/ticket-repository.js';

/** A rating this low is treated as a complaint, as the desk's complaints unit does. */
export const COMPLAINT_SCORE = 2;
const MAX_COMMENT = 4000;

function surveyClosed(number: string): MesaError {
  return new MesaError('survey_closed', `The survey for ticket ${number} is not open.`, { params: { number } });
}

function announce(deps: DeskDeps, number: string, write: SurveyWrite): { complaint: boolean } {
  if (write.complaint?.created) deps.events.emit({ type: 'complaint', id: write.complaint.id, ticketNumber: number });
  return { complaint: write.complaint !== null };
}

/** Stores the 1–5 rating the moment it is given; once per ticket, and only where the survey was asked. */
export async function answerSurvey(deps: DeskDeps, input: { number: string; userId: string; score: number; at: Date }): Promise<{ complaint: boolean }> {
  if (!Number.isInteger(input.score) || input.score < 1 || input.score > 5) {
    throw new MesaError('survey_out_of_range', 'The rating must be a whole number from 1 to 5.', { params: { score: String(input.score) } });
  }
  const ticket = await ownTicket(deps, input.userId, input.number);
  const write = await deps.repository.answerSurvey({ ticketId: ticket.id, at: input.at, actor: 'user', score: input.score, openComplaint: input.score <= COMPLAINT_SCORE });
  if (!write.accepted) throw surveyClosed(input.number);
  return announce(deps, input.number, write);
}

/** The optional comment after the rating; one that reads as a complaint opens one (or joins the one the rating opened). */
export async function commentSurvey(deps: DeskDeps, input: { number: string; userId: string; comment: string; at: Date }): Promise<{ complaint: boolean }> {
  const ticket = await ownTicket(deps, input.userId, input.number);
  const comment = input.comment.trim().slice(0, MAX_COMMENT);
  if (comment.length === 0) throw new MesaError('empty_text', 'The comment is empty.');
  const write = await deps.repository.commentSurvey({ ticketId: ticket.id, at: input.at, actor: 'user', comment, openComplaint: readsAsComplaint(comment) });
  if (!write.accepted) throw surveyClosed(input.number);
  return announce(deps, input.number, write);
}

export async function pendingSurvey(deps: DeskDeps, conversationId: string): Promise<string | null> {
  return deps.repository.pendingSurvey(conversationId);
}
