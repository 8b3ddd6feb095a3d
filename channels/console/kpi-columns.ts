import type { Translate } from '../../bot/i18n/translator.js';
import type { KpiFigures, KpiTicket, Ratio } from '../../ticketing/reports/kpi-figures.js';

/** A console string for a column: the KPI labels have their own namespace, ticket columns are the console's. */
export const labelOf = (t: Translate, key: string): string => t(key.startsWith('kpi_') ? `kpi:${key}` : `console:${key}`);

/** One column of a KPI table: its label key (console strings) and how a figure reads in it. */
export interface KpiColumn {
  key: string;
  value(figures: KpiFigures): number | null;
  /** Shares are shown as percentages. */
  percent?: boolean;
}

const share = (pick: (figures: KpiFigures) => Ratio) => (figures: KpiFigures): number | null => pick(figures).rate;

/** The columns of every KPI table, CSV export and the monthly report, in reading order. */
export const KPI_COLUMNS: KpiColumn[] = [
  { key: 'kpi_ticketsOpened', value: (f) => f.ticketsOpened },
  { key: 'kpi_ticketsResolved', value: (f) => f.ticketsResolved },
  { key: 'kpi_firstContactResolution', value: share((f) => f.firstContactResolution), percent: true },
  { key: 'kpi_resolvedWithoutEscalation', value: share((f) => f.resolvedWithoutEscalation), percent: true },
  { key: 'kpi_selfServiceContainment', value: share((f) => f.selfServiceContainment), percent: true },
  { key: 'kpi_solvedWithArticle', value: (f) => f.solvedWithArticle },
  { key: 'kpi_csatAverage', value: (f) => f.csat.average },
  { key: 'kpi_csatAnswered', value: (f) => f.csat.answered },
  { key: 'kpi_abandonment', value: share((f) => f.abandonment), percent: true },
  { key: 'kpi_responseSla', value: share((f) => f.responseSla), percent: true },
  { key: 'kpi_resolutionSla', value: share((f) => f.resolutionSla), percent: true },
  { key: 'kpi_responseBreaches', value: (f) => f.responseBreaches },
  { key: 'kpi_resolutionBreaches', value: (f) => f.resolutionBreaches },
  { key: 'kpi_averageWaitMinutes', value: (f) => f.averageWaitMinutes },
  { key: 'kpi_averageHandleMinutes', value: (f) => f.averageHandleMinutes },
  { key: 'kpi_reopenRate', value: share((f) => f.reopenRate), percent: true },
  { key: 'kpi_complaints', value: (f) => f.complaints },
  { key: 'kpi_backlogOpen', value: (f) => f.backlog.open },
  { key: 'kpi_backlogOverAWeek', value: (f) => f.backlog.overAWeek },
];

/** The columns of a drill-down list of tickets. */
export const TICKET_COLUMNS: Array<{ key: string; value(ticket: KpiTicket): string }> = [
  { key: 'colTicket', value: (ticket) => ticket.number },
  { key: 'colStatus', value: (ticket) => ticket.status },
  { key: 'colQueue', value: (ticket) => ticket.queueId },
  { key: 'ctxChannel', value: (ticket) => ticket.channel },
  { key: 'colLanguage', value: (ticket) => ticket.language },
  { key: 'colCategory', value: (ticket) => ticket.category },
  { key: 'colCreated', value: (ticket) => ticket.createdAt.toISOString() },
];

/** A figure as a table cell shows it: percentages with one decimal, other numbers as they are, none as empty. */
export function cellText(column: Pick<KpiColumn, 'percent'>, value: number | null): string {
  if (value === null) return '';
  return column.percent ? `${(value * 100).toFixed(1)}%` : String(value);
}
