import { ratio, type KpiFigures } from './kpi-figures.js';




const num = (value: number | string | null | undefined): number => (typeof value === 'number' ? value : Number(value ?? 0) || 0);
const mean = (sum: number, count: number): number | null => (count > 0 ? Math.round((sum / count) * 10) / 10 : null);

/** Adds groups' counts column by column: the counts of a breakdown's rows make its totals. */
export function addCounts(groups: Array<Map<string, Record<string, number | string | null>>>): Map<string, Record<string, number>> {
  const total = new Map<string, Record<string, number>>();
  for (const group of groups) {
    for (const [query, columns] of group) {
      const into = total.get(query) ?? {};
      for (const [column, value] of Object.entries(columns)) if (column !== 'k') into[column] = (into[column] ?? 0) + num(value);
      total.set(query, into);
    }
  }
  return total;
}

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
      average: mean(get('csat', 'scores'), answered),
      answered,
      distribution: { '1': get('csat', 's1'), '2': get('csat', 's2'), '3': get('csat', 's3'), '4': get('csat', 's4'), '5': get('csat', 's5') },
    },
    abandonment: ratio(get('opened', 'abandoned'), opened),
    responseSla: ratio(opened - get('opened', 'responseBreached'), opened),
    resolutionSla: ratio(opened - get('opened', 'resolutionBreached'), opened),
    responseBreaches: get('breaches', 'response'),
    resolutionBreaches: get('breaches', 'resolution'),
    averageWaitMinutes: mean(get('answered', 'waitMinutes'), get('answered', 'answered')),
    averageHandleMinutes: mean(get('resolved', 'handleMinutes'), get('resolved', 'handled')),
    reopenRate: ratio(get('resolved', 'reopened'), resolved),
    complaints: get('complaints', 'complaints'),
    backlog: { open: get('backlog', 'open'), underADay: get('backlog', 'd0'), oneToThreeDays: get('backlog', 'd1'), threeToSevenDays: get('backlog', 'd3'), overAWeek: get('backlog', 'd7') },
  };
}
