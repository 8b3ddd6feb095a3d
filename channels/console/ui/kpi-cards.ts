import type { KpiFiguresJson as KpiFigures, RatioJson as Ratio } from '../kpi-wire.js';

/** The cards of the dashboard: label key, how the figure reads, and the drill-down behind it (if any). */
export const KPI_CARDS: Array<{ key: string; read(figures: KpiFigures): number | Ratio | null; figure?: string }> = [
  { key: 'kpi_ticketsOpened', read: (f) => f.ticketsOpened, figure: 'opened' },
  { key: 'kpi_firstContactResolution', read: (f) => f.firstContactResolution, figure: 'first_contact_resolved' },
  { key: 'kpi_selfServiceContainment', read: (f) => f.selfServiceContainment },
  { key: 'kpi_solvedWithArticle', read: (f) => f.solvedWithArticle },
  { key: 'kpi_csatAverage', read: (f) => f.csat.average, figure: 'low_csat' },
  { key: 'kpi_abandonment', read: (f) => f.abandonment, figure: 'abandoned' },
  { key: 'kpi_responseSla', read: (f) => f.responseSla, figure: 'response_breached' },
  { key: 'kpi_resolutionSla', read: (f) => f.resolutionSla, figure: 'resolution_breached' },
  { key: 'kpi_resolvedWithoutEscalation', read: (f) => f.resolvedWithoutEscalation, figure: 'escalated' },
  { key: 'kpi_reopenRate', read: (f) => f.reopenRate, figure: 'reopened' },
  { key: 'kpi_averageWaitMinutes', read: (f) => f.averageWaitMinutes },
  { key: 'kpi_averageHandleMinutes', read: (f) => f.averageHandleMinutes, figure: 'resolved' },
  { key: 'kpi_complaints', read: (f) => f.complaints, figure: 'complaints' },
  { key: 'kpi_backlogOpen', read: (f) => f.backlog.open, figure: 'backlog' },
];
