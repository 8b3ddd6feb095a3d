import { h } from './dom.js';
import { t } from './i18n.js';
import type { SlaClock, TicketView } from '../desk-wire.js';

/** Below this share of the target left, a running clock shows as a warning even before the server says so. */
const WARNING_SHARE = 0.2;

/** The clock that matters now: the response target until someone answered, then the resolution target. */
export function currentClock(ticket: TicketView): { kind: 'response' | 'resolution'; clock: SlaClock } {
  return ticket.sla.response.state === 'met' ? { kind: 'resolution', clock: ticket.sla.resolution } : { kind: 'response', clock: ticket.sla.response };
}

/** 75 → "1:15", 3725 → "1:02:05": compact, and it reads the same in all four languages. */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.floor(Math.abs(totalSeconds));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = String(seconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** An SLA countdown; it ticks from its own dueAt (see tickClocks), so lists never refetch just to count. */
export function slaBadge(ticket: TicketView): HTMLElement {
  const { kind, clock } = currentClock(ticket);
  const badge = h('span', { class: `sla sla-${clock.state}`, attrs: {
    'data-kind': kind,
    'data-state': clock.state,
    'data-target': String(clock.targetMinutes),
    ...(clock.dueAt && (clock.state === 'running' || clock.state === 'warning' || clock.state === 'breached') ? { 'data-due': clock.dueAt } : {}),
  } });
  paintSla(badge, Date.now());
  return badge;
}

function paintSla(badge: HTMLElement, now: number): void {
  const kind = badge.dataset.kind === 'resolution' ? 'slaResolution' : 'slaResponse';
  const due = badge.dataset.due ? Date.parse(badge.dataset.due) : NaN;
  let state = badge.dataset.state ?? 'running';
  let text: string;
  if (Number.isNaN(due)) text = t(state === 'met' ? 'slaMet' : 'slaPaused');
  else {
    const left = (due - now) / 1000;
    const targetSeconds = Number(badge.dataset.target ?? '0') * 60;
    if (left <= 0) state = 'breached';
    else if (state === 'running' && left <= targetSeconds * WARNING_SHARE) state = 'warning';
    text = left <= 0 ? t('slaOverdue', { time: formatDuration(left) }) : t('slaLeft', { time: formatDuration(left) });
  }
  badge.className = `sla sla-${state}`;
  badge.textContent = `${t(kind)} · ${text}`;
}

/** "Waiting 4:12" since a ticket was opened. */
export function waitingBadge(since: string): HTMLElement {
  const badge = h('span', { class: 'waiting', attrs: { 'data-since': since } });
  badge.textContent = formatDuration((Date.now() - Date.parse(since)) / 1000);
  return badge;
}

/** Repaints every countdown and waiting time under `root` once a second; returns the stop function. */
export function tickClocks(root: HTMLElement): () => void {
  const timer = window.setInterval(() => {
    if (!root.isConnected) return window.clearInterval(timer);
    const now = Date.now();
    root.querySelectorAll<HTMLElement>('.sla[data-due]').forEach((badge) => paintSla(badge, now));
    root.querySelectorAll<HTMLElement>('.waiting[data-since]').forEach((badge) => {
      badge.textContent = formatDuration((now - Date.parse(badge.dataset.since ?? '')) / 1000);
    });
  }, 1000);
  return () => window.clearInterval(timer);
}
