import type { Language } from '../../../bot/core/language.js';
import type { TicketNotice } from '../../../bot/core/ticket-notice.js';
import { renderTicketNotice } from '../../../bot/flows/ticket-notices.js';
import type { Translate } from '../../../bot/i18n/translator.js';
import { expectedTexts } from '../../helpers/expected-text.js';

let text: (language: Language) => Translate;
beforeAll(async () => {
  text = await expectedTexts();
});

const number = 'SD-000042';

describe.each(['en', 'es'] as const)('ticket notices in %s', (language) => {
  const render = (notice: TicketNotice) => renderTicketNotice(notice, text(language));

  it('an analyst joining is announced by name', () => {
    const t = text(language);
    expect(render({ kind: 'claimed', number, analystName: 'Ana' })).toEqual({ text: t('bot:notice.claimed', { name: 'Ana', number }), ticket: { number, status: 'assigned' } });
  });

  it('a resolution asks "did this fix it?" with both answers and says when it closes by itself', () => {
    const t = text(language);
    const message = render({ kind: 'resolved', number, resolution: 'VPN profile reinstalled.', autoCloseHours: 72 });
    expect(message.text).toBe(`${t('bot:notice.resolved', { number, resolution: 'VPN profile reinstalled.' })} ${t('bot:notice.resolved_close_days', { days: 3 })}`);
    expect(message.ticket).toEqual({ number, status: 'resolved' });
    expect(message.actions).toEqual([
      { id: `ticket.confirm.${number}`, label: t('bot:ticket.confirm_button') },
      { id: `ticket.reject.${number}`, label: t('bot:ticket.reject_button') },
    ]);
    expect(render({ kind: 'resolved', number, resolution: 'Done.', autoCloseHours: 36 }).text).toContain(t('bot:notice.resolved_close_hours', { hours: 36 }));
  });

  it('each way of closing is worded for what happened', () => {
    const t = text(language);
    const reasons = ['confirmed', 'auto_closed', 'cancelled', 'duplicate', 'spam'] as const;
    const texts = reasons.map((reason) => render({ kind: 'closed', number, reason }));
    expect(texts.map((message) => message.text)).toEqual(reasons.map((reason) => t(`bot:notice.closed.${reason}`, { number })));
    expect(new Set(texts.map((message) => message.text)).size).toBe(reasons.length);
    expect(texts.every((message) => message.ticket?.status === 'closed')).toBe(true);
  });

  it('the survey offers five ratings about the closed ticket', () => {
    const message = render({ kind: 'survey', number });
    expect(message.ticket).toEqual({ number, status: 'closed' });
    expect(message.actions?.map((action) => action.id)).toEqual([1, 2, 3, 4, 5].map((score) => `survey.${number}.${score}`));
  });

  it('every other kind has its own words and mentions the ticket or the way back to the menu', () => {
    const t = text(language);
    const notices: TicketNotice[] = [
      { kind: 'transferred', number, queueName: 'L2 Network' },
      { kind: 'pending_user', number },
      { kind: 'resumed', number },
      { kind: 'reopened', number },
      { kind: 'handed_back', number },
      { kind: 'queue_open', number },
    ];
    for (const notice of notices) {
      const message = render(notice);
      expect(message.text).toBe(t(`bot:notice.${notice.kind}`, { number, ...(notice.kind === 'transferred' ? { queue: 'L2 Network' } : {}) }));
      expect(message.text).not.toMatch(/{{|bot:notice/);
    }
    expect(render({ kind: 'pending_user', number }).ticket).toEqual({ number, status: 'pending_user' });
    expect(render({ kind: 'reopened', number }).ticket).toEqual({ number, status: 'reopened' });
  });
});
