import type { BusinessCalendar } from '../config/ticketing-config-types.js';
import type { SlaClock } from '../desk/analyst-desk.js';
import { addBusinessMinutes, businessMinutesBetween } from '../calendar/business-calendar.js';

/** One SLA timer's history: when it started, stopped (first response / resolution) and paused (pending user). */
export interface SlaTimerInput {
  startedAt: Date;
  stoppedAt: Date | null;
  /** Pending-user spans; `to: null` is still paused and runs to `now`. */
  pauses: Array<{ from: Date; to: Date | null }>;
  targetMinutes: number;
  /** Fraction of the target that raises a warning (0.8). */
  warningAt: number;
  calendar: BusinessCalendar;
  now: Date;
}

interface Span {
  from: number;
  to: number;
}

/** Pauses clipped to the running time and joined where they overlap, so no minute is subtracted twice. */
function pausedSpans(input: SlaTimerInput, end: number): Span[] {
  const spans = input.pauses
    .map((pause) => ({ from: Math.max(pause.from.getTime(), input.startedAt.getTime()), to: Math.min((pause.to ?? input.now).getTime(), end) }))
    .filter((span) => span.to > span.from)
    .sort((a, b) => a.from - b.from);
  const joined: Span[] = [];
  for (const span of spans) {
    const last = joined[joined.length - 1];
    if (last && span.from <= last.to) last.to = Math.max(last.to, span.to);
    else joined.push(span);
  }
  return joined;
}

function elapsedMinutes(input: SlaTimerInput): number {
  const end = (input.stoppedAt ?? input.now).getTime();
  const counted = businessMinutesBetween(input.calendar, input.startedAt, new Date(end));
  const paused = pausedSpans(input, end).reduce(
    (sum, span) => sum + businessMinutesBetween(input.calendar, new Date(span.from), new Date(span.to)),
    0,
  );
  return Math.max(0, counted - paused);
}

function stateOf(input: SlaTimerInput, elapsed: number): SlaClock['state'] {
  // A target missed stays missed, even once the response or resolution finally happens.
  if (elapsed > input.targetMinutes) return 'breached';
  if (input.stoppedAt) return 'met';
  if (input.pauses.some((pause) => pause.to === null)) return 'paused';
  if (elapsed >= input.warningAt * input.targetMinutes) return 'warning';
  return 'running';
}

/** The timer as of `now`: business minutes counted, state, and when it breaches if nothing changes. */
export function slaClock(input: SlaTimerInput): SlaClock {
  const elapsed = elapsedMinutes(input);
  const state = stateOf(input, elapsed);
  const ticking = state === 'running' || state === 'warning';
  return {
    targetMinutes: input.targetMinutes,
    elapsedMinutes: elapsed,
    dueAt: ticking ? addBusinessMinutes(input.calendar, input.now, input.targetMinutes - elapsed) : null,
    state,
  };
}
