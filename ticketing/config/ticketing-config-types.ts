import type { Language } from '../../bot/core/language.js';
import type { Level } from '../../bot/core/help-desk.js';

/** Opening hours of a team, in its own time zone. Days: 0 = Sunday … 6 = Saturday. */
export interface BusinessCalendar {
  id: string;
  timeZone: string;
  /** Open intervals per weekday as "HH:MM-HH:MM"; a day absent or empty is closed; "00:00-24:00" is all day. */
  week: Partial<Record<'0' | '1' | '2' | '3' | '4' | '5' | '6', string[]>>;
  /** Closed dates (YYYY-MM-DD, in the calendar's time zone). */
  holidays: string[];
}

export interface QueueConfig {
  id: string;
  name: string;
  /** 1 = first line (L1), 2 = second line (L2)…; escalation moves a ticket to the next tier. */
  tier: number;
  /** Staff roles that work this queue (admins always may). */
  roles: Array<'l1_analyst' | 'l2_analyst' | 'coordinator'>;
  /** Skills: tickets in these languages and categories route here; '*' matches any. */
  languages: Array<Language | '*'>;
  categories: string[];
  calendar: string;
  /** pull: analysts claim; push: Mesa assigns the next ticket to the least-busy analyst on shift. */
  assignment: 'pull' | 'push';
}

export interface SlaTarget {
  /** Minutes of calendar time to the first analyst response. */
  responseMinutes: number;
  resolutionMinutes: number;
  /** Which calendar counts the time ('24x7' for round-the-clock). */
  calendar: string;
}

export interface TicketingConfig {
  /** Prefix of ticket numbers: SD → SD-000123. */
  numberPrefix: string;
  /** matrix[impact][urgency] = priority 1…5. */
  priorityMatrix: Record<Level, Record<Level, number>>;
  calendars: BusinessCalendar[];
  queues: QueueConfig[];
  /** SLA targets per priority ("1"…"5"). */
  sla: Record<string, SlaTarget>;
  /** Fraction of a target after which a warning is raised (0.8 = at 80 %). */
  slaWarningAt: number;
  /** Simultaneous conversations per analyst unless their profile says otherwise. */
  defaultCapacity: number;
  /** Resolved tickets the user does not answer are closed after this many hours. */
  autoCloseHours: number;
  /** A user who left their channel this long while their ticket still waited in a queue has abandoned it. */
  abandonAfterMinutes: number;
  /** Assumed minutes per waiting ticket when a queue has no recent history for the estimate. */
  defaultWaitMinutes: number;
}
