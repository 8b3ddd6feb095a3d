import { api } from './api.js';
import type { DeskAlerts } from './desk-alerts.js';
import type { DeskFeed } from './desk-feed.js';
import type { Analyst, QueueSummary } from '../desk-wire.js';
import { language } from './i18n.js';

/** What every desk view needs: who is signed in, the live feed, the alerts, and how to report a failure. */
export interface DeskSession {
  me: Analyst;
  feed: DeskFeed;
  alerts: DeskAlerts;
  reportError: (error: unknown) => void;
}

/** Staff roles that work the desk (admins always may). */
export const DESK_ROLES = ['l1_analyst', 'l2_analyst', 'coordinator'] as const;

export function hasRole(roles: readonly string[], allowed: readonly string[]): boolean {
  return roles.includes('admin') || roles.some((role) => allowed.includes(role));
}

/** Calls /api/console/desk with the console's language, so errors come back in it. */
export function deskApi<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
  return api<T>(method, `/desk${path}`, body, language());
}

export async function loadQueues(): Promise<QueueSummary[]> {
  return (await deskApi<{ queues: QueueSummary[] }>('GET', '/queues')).queues;
}

export function ticketPath(number: string): string {
  return `/tickets/${encodeURIComponent(number)}`;
}
