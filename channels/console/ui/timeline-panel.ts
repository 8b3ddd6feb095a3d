import { h } from './dom.js';
import type { Analyst, TicketView, TimelineEntry } from '../desk-wire.js';
import { hasString, language, t } from './i18n.js';

/** Data fields worth a line under an entry, in the order a reader wants them; other fields are internal. */
const SHOWN_FIELDS = ['reason', 'resolution', 'comment', 'score', 'status'] as const;

function actorName(entry: TimelineEntry, me: Analyst, ticket: TicketView): string {
  if (entry.actor === 'user' || entry.actor === 'bot' || entry.actor === 'system') return t(`role_${entry.actor}`);
  if (entry.actor === me.id) return me.name;
  if (entry.actor === ticket.assigneeId && ticket.assigneeName) return ticket.assigneeName;
  const named = entry.data.actorName ?? entry.data.analystName ?? entry.data.name;
  return typeof named === 'string' ? named : t('actorStaff');
}

/** Codes the console has words for (escalation reasons, statuses) read as words; free text stays as written. */
const LABEL_PREFIXES: Record<string, string[]> = { reason: ['reason_', 'closeReason_'], status: ['ticket_'], move: ['ticket_'] };

function label(field: string, value: string): string {
  const key = (LABEL_PREFIXES[field] ?? []).map((prefix) => `${prefix}${value}`).find(hasString);
  return key ? t(key) : value;
}

function details(entry: TimelineEntry): Array<HTMLElement | null> {
  const data = entry.data;
  const from = data.fromQueue ?? data.from;
  const to = data.toQueue ?? data.to;
  const move = typeof from === 'string' && typeof to === 'string' ? h('p', { class: 'move', text: `${label('move', from)} → ${label('move', to)}` }) : null;
  const fields = SHOWN_FIELDS.filter((key) => typeof data[key] === 'string' || typeof data[key] === 'number')
    .map((key) => h('p', { class: `field-${key}`, text: `${t(`timelineField_${key}`)}: ${label(key, String(data[key]))}` }));
  return [move, ...fields];
}

/**
 * What happened to the ticket, newest first. Internal notes are set apart and labelled as such:
 * they are for the team and never reach the user.
 */
export function timelinePanel(entries: TimelineEntry[], me: Analyst, ticket: TicketView): HTMLElement {
  const when = new Intl.DateTimeFormat(language(), { dateStyle: 'short', timeStyle: 'short' });
  const items = [...entries].reverse().map((entry) => {
    const note = entry.kind === 'note';
    return h('li', { class: `entry kind-${entry.kind}${note ? ' internal-note' : ''}`, attrs: { 'data-kind': entry.kind } },
      h('div', { class: 'meta' },
        h('strong', { text: note ? t('internalNote') : t(`timeline_${entry.kind}`) }),
        h('span', { text: actorName(entry, me, ticket) }),
        h('time', { text: when.format(new Date(entry.at)), attrs: { datetime: entry.at } })),
      note && typeof entry.data.text === 'string' ? h('p', { class: 'note-text', text: entry.data.text }) : null,
      ...(note ? [] : details(entry)));
  });
  return h('section', { class: 'timeline card', attrs: { 'aria-label': t('timelineTitle') } },
    h('h2', { text: t('timelineTitle') }),
    items.length > 0 ? h('ol', { class: 'timeline-list' }, ...items) : h('p', { class: 'empty', text: t('timelineEmpty') }));
}
