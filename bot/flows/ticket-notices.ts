import type { TicketStatus } from '../core/help-desk.js';
import type { OutboundMessage } from '../core/messages.js';
import type { TicketNotice } from '../core/ticket-notice.js';
import type { Translate } from '../i18n/translator.js';
import { ticketIds } from './ticket-ids.js';
import { surveyActions } from './survey-steps.js';

const HOURS_PER_DAY = 24;

/** How the bot tells the user what happened to their ticket, in their language, with the buttons to answer. */
export function renderTicketNotice(notice: TicketNotice, t: Translate): OutboundMessage {
  const { number } = notice;
  const about = (status: TicketStatus) => ({ ticket: { number, status } });
  switch (notice.kind) {
    case 'claimed':
      return { text: t('bot:notice.claimed', { name: notice.analystName, number }), ...about('assigned') };
    case 'transferred':
      // Where it lands decides its status (waiting in the queue or taken at once): not known here.
      return { text: t('bot:notice.transferred', { number, queue: notice.queueName }) };
    case 'pending_user':
      return { text: t('bot:notice.pending_user', { number }), ...about('pending_user') };
    case 'resumed':
      return { text: t('bot:notice.resumed', { number }), ...about('in_progress') };
    case 'resolved':
      return {
        text: `${t('bot:notice.resolved', { number, resolution: notice.resolution })} ${autoClose(t, notice.autoCloseHours)}`,
        ...about('resolved'),
        actions: [
          { id: ticketIds.confirm(number), label: t('bot:ticket.confirm_button') },
          { id: ticketIds.reject(number), label: t('bot:ticket.reject_button') },
        ],
      };
    case 'reopened':
      return { text: t('bot:notice.reopened', { number }), ...about('reopened') };
    case 'closed':
      return { text: t(`bot:notice.closed.${notice.reason}`, { number }), ...about('closed') };
    case 'survey':
      return { text: t('bot:survey.prompt', { number }), ...about('closed'), actions: surveyActions(t, number) };
    case 'handed_back':
      return { text: t('bot:notice.handed_back', { number }) };
    case 'queue_open':
      return { text: t('bot:notice.queue_open', { number }) };
  }
}

function autoClose(t: Translate, hours: number): string {
  // Whole days read naturally ("3 days"); under two days, hours are more honest than "1 day".
  if (hours >= 2 * HOURS_PER_DAY && hours % HOURS_PER_DAY === 0) return t('bot:notice.resolved_close_days', { days: hours / HOURS_PER_DAY });
  return t('bot:notice.resolved_close_hours', { hours });
}
