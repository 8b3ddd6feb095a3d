import type { HelpDesk } from '../core/help-desk.js';
import type { FlowContext } from '../core/flow.js';
import type { Action } from '../core/messages.js';
import type { Translate } from '../i18n/translator.js';
import { deskRefusal } from './desk-refusal.js';
import { ticketIds } from './ticket-ids.js';

// Surveys are only ever asked about closed tickets.
const surveyed = (number: string) => ({ number, status: 'closed' });
// A comment asked for and not given within this long is not waited for any more.
const COMMENT_WAIT_MS = 60 * 60 * 1000;

export const SCORES = [1, 2, 3, 4, 5] as const;

export function surveyActions(t: Translate, number: string): Action[] {
  return SCORES.map((score) => ({ id: ticketIds.score(number, score), label: t(`bot:survey.score.${score}`) }));
}

/** Records the rating at once, then offers the optional comment; a low rating is acknowledged as a complaint. */
export async function recordScore(context: FlowContext, desk: HelpDesk, number: string, score: number): Promise<void> {
  const { t } = context;
  let complaint: boolean;
  try {
    ({ complaint } = await desk.answerSurvey({ number, userId: context.inbound.userId, score, at: context.now }));
  } catch (error) {
    const refusal = deskRefusal(error, ['survey_closed', 'survey_out_of_range', 'ticket_not_found'] as const);
    if (refusal === 'survey_out_of_range') return askAgain(context, number);
    const key = refusal === 'survey_closed' ? 'bot:survey.already_answered' : 'bot:ticket.not_found';
    context.say({ text: t(key, { number }), ...(refusal === 'survey_closed' ? { ticket: surveyed(number) } : {}) });
    return;
  }
  const text = [t('bot:survey.thanks', { number }), ...(complaint ? [t('bot:survey.complaint', { number })] : []), t('bot:survey.ask_comment')].join(' ');
  context.say({ text, ticket: surveyed(number), actions: [{ id: ticketIds.skipComment(number), label: t('bot:survey.no_comment_button') }] });
  context.remember({ surveyComment: { number, askedAt: context.now.toISOString() } });
}

/** A rating outside 1–5: the scale again, kindly. */
export function askAgain(context: FlowContext, number: string): void {
  context.say({ text: context.t('bot:survey.out_of_range', { number }), ticket: surveyed(number), actions: surveyActions(context.t, number) });
}

/** The survey whose comment the user's next words are, if the bot asked for one recently. */
export function awaitedComment(context: FlowContext): string | null {
  const wanted = context.memory.surveyComment;
  if (!wanted) return null;
  return context.now.getTime() - Date.parse(wanted.askedAt) <= COMMENT_WAIT_MS ? wanted.number : null;
}

export async function recordComment(context: FlowContext, desk: HelpDesk, number: string, comment: string): Promise<void> {
  context.remember({ surveyComment: undefined });
  let complaint: boolean;
  try {
    ({ complaint } = await desk.commentSurvey({ number, userId: context.inbound.userId, comment, at: context.now }));
  } catch (error) {
    deskRefusal(error, ['survey_closed', 'ticket_not_found'] as const);
    context.say({ text: context.t('bot:survey.already_answered', { number }), ticket: surveyed(number) });
    return;
  }
  context.say({ text: context.t(complaint ? 'bot:survey.comment_complaint' : 'bot:survey.comment_thanks'), ticket: surveyed(number) });
}

export function skipComment(context: FlowContext, number: string): void {
  context.remember({ surveyComment: undefined });
  context.say({ text: context.t('bot:survey.no_comment'), ticket: surveyed(number) });
}
