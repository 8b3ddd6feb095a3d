import { ApiError } from './api.js';
import { h, replaceChildren } from './dom.js';
import { deskApi, type DeskSession } from './desk-session.js';
import type { Complaint } from '../desk-wire.js';
import { language, t } from './i18n.js';

const STATUSES = ['open', 'in_review', 'closed'] as const;

/** The coordinators' complaints: low survey scores and comments that read as complaints, with their status. */
export function complaintsView(root: HTMLElement, session: DeskSession): () => void {
  const heading = h('h1', { text: t('navComplaints'), attrs: { tabindex: '-1' } });
  const status = h('p', { class: 'notice', attrs: { role: 'status' } });
  const list = h('div', { attrs: { 'aria-live': 'polite' } });
  replaceChildren(root, heading, h('p', { class: 'intro', text: t('complaintsIntro') }), status, list);
  const when = new Intl.DateTimeFormat(language(), { dateStyle: 'medium', timeStyle: 'short' });

  const setStatus = (complaint: Complaint, select: HTMLSelectElement): void => {
    select.disabled = true;
    deskApi<{ complaint: Complaint }>('POST', `/complaints/${encodeURIComponent(complaint.id)}`, { status: select.value }).then((saved) => {
      status.textContent = t('complaintSaved', { number: saved.complaint.ticketNumber, status: t(`complaint_${saved.complaint.status}`) });
    }, (error: unknown) => {
      status.textContent = error instanceof ApiError ? error.message : t('errorGeneric');
      select.value = complaint.status;
    }).finally(() => {
      select.disabled = false;
    });
  };
  const rowOf = (complaint: Complaint): HTMLElement => {
    const select = h('select', { attrs: { 'aria-label': t('complaintStatusFor', { number: complaint.ticketNumber }) } },
      ...STATUSES.map((value) => h('option', { text: t(`complaint_${value}`), attrs: { value } })));
    select.value = complaint.status;
    select.addEventListener('change', () => setStatus(complaint, select));
    return h('tr', { attrs: { 'data-complaint': complaint.id } },
      h('td', {}, h('a', { text: complaint.ticketNumber, attrs: { href: `#/tickets/${encodeURIComponent(complaint.ticketNumber)}` } })),
      h('td', { text: complaint.queueId }),
      h('td', { class: 'score', text: complaint.score === null ? '—' : `${complaint.score}/5` }),
      h('td', { class: 'comment', text: complaint.comment ?? '' }),
      h('td', { text: when.format(new Date(complaint.createdAt)) }),
      h('td', {}, select));
  };
  const reload = (): void => {
    deskApi<{ complaints: Complaint[] }>('GET', '/complaints').then(({ complaints }) => {
      replaceChildren(list, complaints.length === 0 ? h('p', { class: 'empty', text: t('noComplaints') }) : h('table', { class: 'list complaints' },
        h('thead', {}, h('tr', {}, ...['colTicket', 'colQueue', 'colScore', 'colComment', 'colCreated', 'colStatus'].map((key) => h('th', { text: t(key), attrs: { scope: 'col' } })))),
        h('tbody', {}, ...complaints.map(rowOf))));
    }, session.reportError);
  };
  const unsubscribe = session.feed.subscribe((event) => {
    if (event.type === 'complaint' || event.type === 'resync') reload();
  });
  reload();
  return unsubscribe;
}
