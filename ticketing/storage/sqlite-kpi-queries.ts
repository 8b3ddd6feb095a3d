import type { KpiDimension, KpiDrilldown } from '../reports/kpi-figures.js';

/*
 * The KPI read model over the embedded database. Every figure is counted from what was recorded when it
 * happened (timeline entries, SLA marks, survey answers, complaints, knowledge-base events), never from
 * counters kept on the side. Parameters: @from, @to (ISO strings, [from, to)) and one per dimension (null = any).
 * Every column is a count or a sum, never an average, so the groups of a breakdown add up to the totals.
 */

/** The tickets column each dimension slices by. */
export const TICKET_COLUMN: Record<KpiDimension, string> = {
  channel: 't.channel',
  language: 't.language',
  queue: 't.queue_id',
  analyst: 't.assignee_id',
  category: 't.category',
};

/** Keeps the tickets of the filter's slice. */
export const TICKET_SLICE = (Object.keys(TICKET_COLUMN) as KpiDimension[]).map((dimension) => `(@${dimension} IS NULL OR ${TICKET_COLUMN[dimension]} = @${dimension})`).join(' AND ');

const inPeriod = (column: string): string => `${column} >= @from AND ${column} < @to`;
const hasEntry = (kinds: string): string => `EXISTS (SELECT 1 FROM ticket_timeline x WHERE x.ticket_seq = t.seq AND x.kind IN (${kinds}))`;
const minutesBetween = (from: string, to: string): string => `(julianday(${to}) - julianday(${from})) * 1440`;

/**
 * Each query groups by `k`: the dimension's column, or one group for the totals. The unary plus keeps SQLite
 * from walking a dimension's own index for the grouping order (tickets_assignee for the analyst view read every
 * ticket ever, 190 ms at a million events) instead of the period's range.
 */
export function kpiQueries(column: string): Record<string, string> {
  const group = `+${column}`;
  return {
    // One look at the ticket's marks for both SLA breaches: bit 1 the response target, bit 2 the resolution one.
    // MATERIALIZED: flattened, SQLite would run the per-ticket subquery once for every use of its result.
    opened: `WITH o AS MATERIALIZED (SELECT ${group} AS k, ${hasEntry("'abandoned'")} AS abandoned,
          (SELECT COALESCE(MAX(m.mark = 'sla_breach:response'), 0) + 2 * COALESCE(MAX(m.mark = 'sla_breach:resolution'), 0) FROM ticket_marks m WHERE m.ticket_seq = t.seq) AS marks
        FROM tickets t WHERE ${inPeriod('t.created_at')} AND ${TICKET_SLICE})
      SELECT k, COUNT(*) AS opened, SUM(abandoned) AS abandoned, SUM((marks & 1) <> 0) AS responseBreached, SUM((marks & 2) <> 0) AS resolutionBreached
      FROM o GROUP BY k`,
    // One look at the ticket's transfers and reopenings per resolution: bit 1 transferred, bit 2 reopened ever,
    // bit 4 escalated, bit 8 reopened after this resolution.
    resolved: `WITH r AS MATERIALIZED (SELECT ${group} AS k,
          (SELECT COALESCE(MAX(x.kind = 'transferred'), 0) + 2 * COALESCE(MAX(x.kind = 'reopened'), 0)
              + 4 * COALESCE(MAX(x.kind = 'transferred' AND json_extract(x.data, '$.escalation') = 1), 0) + 8 * COALESCE(MAX(x.kind = 'reopened' AND x.id > e.id), 0)
            FROM ticket_timeline x WHERE x.ticket_seq = t.seq AND x.kind IN ('transferred', 'reopened')) AS history,
          CASE WHEN t.first_response_at IS NOT NULL AND t.first_response_at <= e.at THEN ${minutesBetween('t.first_response_at', 'e.at')} END AS handle
        FROM ticket_timeline e JOIN tickets t ON t.seq = e.ticket_seq
        WHERE e.kind = 'resolved' AND ${inPeriod('e.at')} AND ${TICKET_SLICE})
      SELECT k, COUNT(*) AS resolved, SUM((history & 3) = 0) AS firstContact, SUM((history & 4) = 0) AS withoutEscalation,
        SUM((history & 8) <> 0) AS reopened, SUM(handle) AS handleMinutes, COUNT(handle) AS handled
      FROM r GROUP BY k`,
    answered: `SELECT ${group} AS k, SUM(${minutesBetween('t.created_at', 't.first_response_at')}) AS waitMinutes, COUNT(*) AS answered
      FROM tickets t WHERE ${inPeriod('t.first_response_at')} AND ${TICKET_SLICE} GROUP BY k`,
    breaches: `SELECT ${group} AS k, SUM(m.mark = 'sla_breach:response') AS response, SUM(m.mark = 'sla_breach:resolution') AS resolution
      FROM ticket_marks m JOIN tickets t ON t.seq = m.ticket_seq
      WHERE m.mark IN ('sla_breach:response', 'sla_breach:resolution') AND ${inPeriod('m.at')} AND ${TICKET_SLICE} GROUP BY k`,
    csat: `SELECT ${group} AS k, COUNT(*) AS answered, SUM(s.score) AS scores,
        SUM(s.score = 1) AS s1, SUM(s.score = 2) AS s2, SUM(s.score = 3) AS s3, SUM(s.score = 4) AS s4, SUM(s.score = 5) AS s5
      FROM ticket_surveys s JOIN tickets t ON t.seq = s.ticket_seq
      WHERE s.score IS NOT NULL AND ${inPeriod('s.answered_at')} AND ${TICKET_SLICE} GROUP BY k`,
    complaints: `SELECT ${group} AS k, COUNT(*) AS complaints FROM ticket_complaints c JOIN tickets t ON t.seq = c.ticket_seq
      WHERE ${inPeriod('c.created_at')} AND ${TICKET_SLICE} GROUP BY k`,
    backlog: `SELECT ${group} AS k, COUNT(*) AS open,
        SUM(${minutesBetween('t.created_at', '@to')} < 1440) AS d0,
        SUM(${minutesBetween('t.created_at', '@to')} >= 1440 AND ${minutesBetween('t.created_at', '@to')} < 4320) AS d1,
        SUM(${minutesBetween('t.created_at', '@to')} >= 4320 AND ${minutesBetween('t.created_at', '@to')} < 10080) AS d3,
        SUM(${minutesBetween('t.created_at', '@to')} >= 10080) AS d7
      FROM tickets t WHERE t.created_at < @to AND (t.closed_at IS NULL OR t.closed_at >= @to) AND ${TICKET_SLICE} GROUP BY k`,
  };
}

/** The bot's own fixes: conversations where an article solved the problem, and those that then needed no ticket. */
export function selfServiceQuery(column: string): string {
  return `SELECT +${column} AS k, COUNT(DISTINCT ke.conversation_id) AS solved,
      COUNT(DISTINCT CASE WHEN NOT EXISTS (SELECT 1 FROM tickets t WHERE t.conversation_id = ke.conversation_id AND t.created_at >= ke.at) THEN ke.conversation_id END) AS contained
    FROM kb_events ke JOIN conversations c ON c.id = ke.conversation_id
    WHERE ke.event = 'solved' AND ${inPeriod('ke.at')}
      AND (@channel IS NULL OR c.channel = @channel) AND (@language IS NULL OR json_extract(c.state, '$.language') = @language)
      AND @queue IS NULL AND @analyst IS NULL AND @category IS NULL
    GROUP BY k`;
}

/** What groups the bot's fixes per dimension: only channel and language apply to a conversation without a ticket. */
export const CONVERSATION_COLUMN: Record<KpiDimension, string> = {
  channel: 'c.channel',
  language: "json_extract(c.state, '$.language')",
  queue: 'NULL',
  analyst: 'NULL',
  category: 'NULL',
};

/** Which tickets stand behind each drill-down figure. */
export const DRILLDOWN_WHERE: Record<KpiDrilldown, string> = {
  opened: inPeriod('t.created_at'),
  resolved: `EXISTS (SELECT 1 FROM ticket_timeline e WHERE e.ticket_seq = t.seq AND e.kind = 'resolved' AND ${inPeriod('e.at')})`,
  first_contact_resolved: `EXISTS (SELECT 1 FROM ticket_timeline e WHERE e.ticket_seq = t.seq AND e.kind = 'resolved' AND ${inPeriod('e.at')}) AND NOT ${hasEntry("'transferred', 'reopened'")}`,
  escalated: `EXISTS (SELECT 1 FROM ticket_timeline x WHERE x.ticket_seq = t.seq AND x.kind = 'transferred' AND json_extract(x.data, '$.escalation') = 1 AND ${inPeriod('x.at')})`,
  abandoned: `${inPeriod('t.created_at')} AND ${hasEntry("'abandoned'")}`,
  reopened: `EXISTS (SELECT 1 FROM ticket_timeline x WHERE x.ticket_seq = t.seq AND x.kind = 'reopened' AND ${inPeriod('x.at')})`,
  response_breached: `EXISTS (SELECT 1 FROM ticket_marks m WHERE m.ticket_seq = t.seq AND m.mark = 'sla_breach:response' AND ${inPeriod('m.at')})`,
  resolution_breached: `EXISTS (SELECT 1 FROM ticket_marks m WHERE m.ticket_seq = t.seq AND m.mark = 'sla_breach:resolution' AND ${inPeriod('m.at')})`,
  low_csat: `EXISTS (SELECT 1 FROM ticket_surveys s WHERE s.ticket_seq = t.seq AND s.score <= 2 AND ${inPeriod('s.answered_at')})`,
  complaints: `EXISTS (SELECT 1 FROM ticket_complaints c WHERE c.ticket_seq = t.seq AND ${inPeriod('c.created_at')})`,
  backlog: 't.created_at < @to AND (t.closed_at IS NULL OR t.closed_at >= @to)',
};
