import type { BusinessCalendar } from '../../../ticketing/config/ticketing-config-types.js';
import { ROUND_THE_CLOCK } from '../../../ticketing/calendar/business-calendar.js';
import type { SlaTimerInput } from '../../../ticketing/sla/sla-clock.js';
import { slaClock } from '../../../ticketing/sla/sla-clock.js';

const at = (iso: string) => new Date(iso);
const weekdays = ['08:00-20:00'];
const office: BusinessCalendar = {
  id: 'office',
  timeZone: 'Europe/Madrid',
  week: { '1': weekdays, '2': weekdays, '3': weekdays, '4': weekdays, '5': weekdays },
  holidays: [],
};

/** A priority-2 response timer (30 minutes, round the clock) opened at 10:00 UTC. */
function timer(overrides: Partial<SlaTimerInput>): SlaTimerInput {
  return {
    startedAt: at('2026-06-10T10:00:00Z'),
    stoppedAt: null,
    pauses: [],
    targetMinutes: 30,
    warningAt: 0.8,
    calendar: ROUND_THE_CLOCK,
    now: at('2026-06-10T10:10:00Z'),
    ...overrides,
  };
}

describe('SLA clock', () => {
  it('runs, and says when it will breach', () => {
    expect(slaClock(timer({}))).toEqual({ targetMinutes: 30, elapsedMinutes: 10, state: 'running', dueAt: at('2026-06-10T10:30:00Z') });
  });

  it('warns at 80 % of the target', () => {
    expect(slaClock(timer({ now: at('2026-06-10T10:23:59Z') })).state).toBe('running');
    const warned = slaClock(timer({ now: at('2026-06-10T10:24:00Z') }));
    expect(warned.state).toBe('warning');
    expect(warned.dueAt).toEqual(at('2026-06-10T10:30:00Z'));
  });

  it('breaches once the target is passed, and no longer has a due time', () => {
    expect(slaClock(timer({ now: at('2026-06-10T10:30:00Z') })).state).toBe('warning');
    expect(slaClock(timer({ now: at('2026-06-10T10:30:01Z') }))).toMatchObject({ state: 'breached', dueAt: null });
  });

  it('is met when stopped in time, with the minutes it took', () => {
    const met = slaClock(timer({ stoppedAt: at('2026-06-10T10:20:00Z'), now: at('2026-06-11T09:00:00Z') }));
    expect(met).toEqual({ targetMinutes: 30, elapsedMinutes: 20, state: 'met', dueAt: null });
  });

  it('stays breached when met late', () => {
    const late = slaClock(timer({ stoppedAt: at('2026-06-10T10:45:00Z'), now: at('2026-06-11T09:00:00Z') }));
    expect(late).toMatchObject({ elapsedMinutes: 45, state: 'breached', dueAt: null });
  });

  it('pauses while the ticket is pending the user', () => {
    const pending = slaClock(timer({ pauses: [{ from: at('2026-06-10T10:05:00Z'), to: null }], now: at('2026-06-10T14:00:00Z') }));
    expect(pending).toEqual({ targetMinutes: 30, elapsedMinutes: 5, state: 'paused', dueAt: null });
  });

  it('resumes after the user answers, leaving the pending time out', () => {
    const resumed = slaClock(timer({
      pauses: [{ from: at('2026-06-10T10:05:00Z'), to: at('2026-06-10T14:00:00Z') }],
      now: at('2026-06-10T14:10:00Z'),
    }));
    expect(resumed).toEqual({ targetMinutes: 30, elapsedMinutes: 15, state: 'running', dueAt: at('2026-06-10T14:25:00Z') });
  });

  it('is breached, not paused, when the target passed before the pause', () => {
    const clock = slaClock(timer({ pauses: [{ from: at('2026-06-10T10:40:00Z'), to: null }], now: at('2026-06-10T11:00:00Z') }));
    expect(clock).toMatchObject({ elapsedMinutes: 40, state: 'breached', dueAt: null });
  });

  it('counts only office hours on an office calendar, and falls due after the weekend', () => {
    // Priority 3 response: 60 office minutes, opened Friday 19:40 Madrid.
    const clock = slaClock(timer({
      calendar: office,
      targetMinutes: 60,
      startedAt: at('2026-06-12T19:40:00+02:00'),
      now: at('2026-06-13T12:00:00+02:00'),
    }));
    expect(clock).toEqual({ targetMinutes: 60, elapsedMinutes: 20, state: 'running', dueAt: at('2026-06-15T08:40:00+02:00') });
  });

  it('does not subtract a pause twice when pauses overlap or outlast the stop', () => {
    const clock = slaClock(timer({
      stoppedAt: at('2026-06-10T10:25:00Z'),
      pauses: [
        { from: at('2026-06-10T10:05:00Z'), to: at('2026-06-10T10:15:00Z') },
        { from: at('2026-06-10T10:10:00Z'), to: at('2026-06-10T10:20:00Z') },
        { from: at('2026-06-10T10:22:00Z'), to: null },
      ],
      now: at('2026-06-10T12:00:00Z'),
    }));
    // 25 minutes to the stop, minus 10:05–10:20 and 10:22–10:25.
    expect(clock).toMatchObject({ elapsedMinutes: 7, state: 'met' });
  });
});
