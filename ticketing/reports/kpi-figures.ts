import type { Language } from '../../bot/core/language.js';

/** What a KPI view can be broken down by. */
export const KPI_DIMENSIONS = ['channel', 'language', 'queue', 'analyst', 'category'] as const;
export type KpiDimension = (typeof KPI_DIMENSIONS)[number];

/** A period [from, to) and, optionally, one value per dimension to keep. */
export interface KpiFilter {
  from: Date;
  to: Date;
  channel?: string;
  language?: Language;
  queue?: string;
  analyst?: string;
  category?: string;
}

/** A share: how many of how many; `rate` is null when there is nothing to divide by. */
export interface Ratio {
  count: number;
  of: number;
  rate: number | null;
}

export const ratio = (count: number, of: number): Ratio => ({ count, of, rate: of > 0 ? count / of : null });

/**
 * The service desk's figures for one period (and one slice of it), each computed from what was recorded:
 * ticket timelines, SLA marks, survey answers, complaints and the knowledge base's events.
 */
export interface KpiFigures {
  ticketsOpened: number;
  ticketsResolved: number;
  /** Resolutions of tickets never transferred and never reopened: fixed at the first contact. */
  firstContactResolution: Ratio;
  /** Resolutions by the first tier, without escalation to higher-level support. */
  resolvedWithoutEscalation: Ratio;
  /** Problems the bot solved with an article and no ticket, of all problems (those plus tickets opened). */
  selfServiceContainment: Ratio;
  /** Conversations where a knowledge-base article fixed the problem. */
  solvedWithArticle: number;
  csat: { average: number | null; answered: number; distribution: Record<'1' | '2' | '3' | '4' | '5', number> };
  /** Tickets the user left (or silently abandoned) before an analyst answered, of tickets opened. */
  abandonment: Ratio;
  /** Tickets opened in the period whose response / resolution target was met so far, of those opened. */
  responseSla: Ratio;
  resolutionSla: Ratio;
  responseBreaches: number;
  resolutionBreaches: number;
  /** From queueing to the first analyst answer, over tickets answered in the period. */
  averageWaitMinutes: number | null;
  /** From the first analyst answer to the resolution, over resolutions in the period. */
  averageHandleMinutes: number | null;
  /** Resolutions later reopened by the user, of resolutions in the period. */
  reopenRate: Ratio;
  complaints: number;
  /** Tickets not closed at the period's end, by age. */
  backlog: { open: number; underADay: number; oneToThreeDays: number; threeToSevenDays: number; overAWeek: number };
}

/** One line of a broken-down view; `key` is the dimension's value (null: none, e.g. bot-solved for a queue). */
export interface KpiRow {
  key: string | null;
  figures: KpiFigures;
}

/** Ticket-level figures a coordinator can open to see the tickets behind them. */
export const KPI_DRILLDOWNS = ['opened', 'resolved', 'first_contact_resolved', 'escalated', 'abandoned', 'reopened', 'response_breached', 'resolution_breached', 'low_csat', 'complaints', 'backlog'] as const;
export type KpiDrilldown = (typeof KPI_DRILLDOWNS)[number];

/** What stands behind a figure: the tickets, newest first. */
export interface KpiTicket {
  number: string;
  status: string;
  queueId: string;
  channel: string;
  language: string;
  category: string;
  createdAt: Date;
}
