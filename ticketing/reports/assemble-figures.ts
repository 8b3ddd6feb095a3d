import { ratio, type KpiFigures } from './kpi-figures.js';

/** The raw counts of one group, by query name (opened, resolved, answered, breaches, csat, complaints, backlog, selfService). */
export type KpiCounts = Record<string, Record<string, number | string | null>>;

const num = (value: number | string | null | undefined): number => (typeof value === 'number' ? value : Number(value ?? 0) || 0);
const mean = (value: number | string | null | undefined): number | null => (value === null || value === undefined ? null : Math.round(Number(value) * 10) / 10);

/** Turns one group's raw counts into the figures a coordinator reads. */
export function assembleFigures(counts: Map<string, Record<string, number | string | null>>): KpiFigures {
  const get = (query: string, column: string): number => num(counts.get(query)?.[column]);
  const opened = get('opened', 'opened');
  const resolved = get('resolved', 'resolved');
  const contained = get('selfService', 'contained');
  const answered = get('csat', 'answered');
  return {
    ticketsOpened: opened,
    ticketsResolved: resolved,
    firstContactResolution: ratio(get('resolved', 'firstContact'), resolved),
    resolvedWithoutEscalation: ratio(get('resolved', 'withoutEscalation'), resolved),
    selfServiceContainment: ratio(contained, contained + opened),
    solvedWithArticle: get('selfService', 'solved'),
    csat: {
      average: answered > 0 ? mean(counts.get('csat')?.average) : null,
      answered,
      distribution: { '1': get('csat', 's1'), '2': get('csat', 's2'), '3': get('csat', 's3'), '4': get('csat', 's4'), '5': get('csat', 's5') },
    },
    abandonment: ratio(get('opened', 'abandoned'), opened),
    responseSla: ratio(opened - get('opened', 'responseBreached'), opened),
    resolutionSla: ratio(opened - get('opened', 'resolutionBreached'), opened),
    responseBreaches: get('breaches', 'response'),
    resolutionBreaches: get('breaches', 'resolution'),
    averageWaitMinutes: mean(counts.get('answered')?.waitMinutes),
    averageHandleMinutes: mean(counts.get('resolved')?.handleMinutes),
    reopenRate: ratio(get('resolved', 'reopened'), resolved),
    complaints: get('complaints', 'complaints'),
    backlog: { open: get('backlog', 'open'), underADay: get('backlog', 'd0'), oneToThreeDays: get('backlog', 'd1'), threeToSevenDays: get('backlog', 'd3'), overAWeek: get('backlog', 'd7') },
  };
}
