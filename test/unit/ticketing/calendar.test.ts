import type { BusinessCalendar } from '../../../ticketing/config/ticketing-config-types.js';
import { ROUND_THE_CLOCK, addBusinessMinutes, businessMinutesBetween, isOpen, nextOpening } from '../../../ticketing/calendar/business-calendar.js';

// Instants are written with the offset Madrid shows at that moment (+01:00 in winter, +02:00 in summer).
const at = (iso: string) => new Date(iso);

const weekdays = ['08:00-20:00'];
const office: BusinessCalendar = {
  id: 'office',
  timeZone: 'Europe/Madrid',
  week: { '1': weekdays, '2': weekdays, '3': weekdays, '4': weekdays, '5': weekdays },
  holidays: ['2026-12-25'],
};

/** A night desk whose Monday shift runs past midnight into Tuesday. */
const nights: BusinessCalendar = {
  id: 'nights',
  timeZone: 'Europe/Madrid',
  week: { '1': ['22:00-24:00'], '2': ['00:00-06:00'] },
  holidays: [],
};

/** Weekend cover, all day Saturday and Sunday: DST Sundays have 23 and 25 hours. */
const weekends: BusinessCalendar = {
  id: 'weekends',
  timeZone: 'Europe/Madrid',
  week: { '0': ['00:00-24:00'], '6': ['00:00-24:00'] },
  holidays: [],
};

describe('business calendar: open or closed', () => {
  it.each([
    ['a weekday morning', '2026-06-10T08:00:00+02:00', true],
    ['a weekday just before closing', '2026-06-10T19:59:59+02:00', true],
    ['a weekday at closing time', '2026-06-10T20:00:00+02:00', false],
    ['a weekday before opening', '2026-06-10T07:59:00+02:00', false],
    ['a Saturday', '2026-06-13T11:00:00+02:00', false],
    ['a Sunday', '2026-06-14T11:00:00+02:00', false],
    ['Christmas day, a Friday holiday', '2026-12-25T10:00:00+01:00', false],
    ['the day after Christmas is a Saturday', '2026-12-26T10:00:00+01:00', false],
    ['the Monday after Christmas', '2026-12-28T10:00:00+01:00', true],
  ])('office hours on %s', (_label, iso, open) => {
    expect(isOpen(office, at(iso))).toBe(open);
  });

  it.each([
    ['Monday before the shift', '2026-06-08T21:59:00+02:00', false],
    ['Monday late evening', '2026-06-08T23:59:00+02:00', true],
    ['midnight between Monday and Tuesday', '2026-06-09T00:00:00+02:00', true],
    ['Tuesday early morning', '2026-06-09T05:59:00+02:00', true],
    ['Tuesday when the shift ends', '2026-06-09T06:00:00+02:00', false],
    ['Tuesday late evening (no shift starts on Tuesday)', '2026-06-09T23:00:00+02:00', false],
  ])('a night shift across midnight: %s', (_label, iso, open) => {
    expect(isOpen(nights, at(iso))).toBe(open);
  });

  it('reads holidays as dates in the calendar\'s own time zone', () => {
    const tokyo: BusinessCalendar = { ...ROUND_THE_CLOCK, id: 'tokyo', timeZone: 'Asia/Tokyo', holidays: ['2027-01-01'] };
    expect(isOpen(tokyo, at('2026-12-31T23:30:00+09:00'))).toBe(true);
    expect(isOpen(tokyo, at('2027-01-01T00:30:00+09:00'))).toBe(false);
    expect(isOpen(tokyo, at('2027-01-02T00:00:00+09:00'))).toBe(true);
  });

  it('the round-the-clock calendar is always open', () => {
    expect(ROUND_THE_CLOCK.id).toBe('24x7');
    for (const iso of ['2026-03-29T02:30:00Z', '2026-12-25T00:00:00Z', '2026-06-13T23:59:59Z']) {
      expect(isOpen(ROUND_THE_CLOCK, at(iso))).toBe(true);
    }
  });
});

describe('business calendar: next opening', () => {
  it('is the instant itself while open', () => {
    expect(nextOpening(office, at('2026-06-10T12:34:56+02:00'))).toEqual(at('2026-06-10T12:34:56+02:00'));
  });

  it('is Monday 08:00 from a Friday evening', () => {
    expect(nextOpening(office, at('2026-06-12T20:00:00+02:00'))).toEqual(at('2026-06-15T08:00:00+02:00'));
  });

  it('skips a holiday', () => {
    expect(nextOpening(office, at('2026-12-24T21:00:00+01:00'))).toEqual(at('2026-12-28T08:00:00+01:00'));
  });

  it('refuses to search forever in a calendar that never opens', () => {
    const never: BusinessCalendar = { id: 'never', timeZone: 'UTC', week: {}, holidays: [] };
    expect(() => nextOpening(never, at('2026-06-10T12:00:00Z'))).toThrow('Calendar "never" never opens');
  });

  it('is next Monday 22:00 after a night shift ends', () => {
    expect(nextOpening(nights, at('2026-06-09T06:00:00+02:00'))).toEqual(at('2026-06-15T22:00:00+02:00'));
  });
});

describe('business calendar: counting minutes', () => {
  it('counts only office hours across a weekend', () => {
    // Friday 18:00 → Monday 10:00: two hours on Friday, two on Monday.
    expect(businessMinutesBetween(office, at('2026-06-12T18:00:00+02:00'), at('2026-06-15T10:00:00+02:00'))).toBe(240);
  });

  it('counts nothing while closed, and nothing backwards', () => {
    expect(businessMinutesBetween(office, at('2026-06-13T09:00:00+02:00'), at('2026-06-14T19:00:00+02:00'))).toBe(0);
    expect(businessMinutesBetween(office, at('2026-06-15T10:00:00+02:00'), at('2026-06-15T09:00:00+02:00'))).toBe(0);
  });

  it('returns exact fractional minutes', () => {
    expect(businessMinutesBetween(office, at('2026-06-10T08:00:30+02:00'), at('2026-06-10T08:01:00+02:00'))).toBe(0.5);
  });

  it('counts a night shift through midnight', () => {
    expect(businessMinutesBetween(nights, at('2026-06-08T21:00:00+02:00'), at('2026-06-09T07:00:00+02:00'))).toBe(480);
  });

  it('counts a whole year of office weeks (52 × 5 × 12 h, minus Christmas)', () => {
    expect(businessMinutesBetween(office, at('2026-01-05T00:00:00+01:00'), at('2027-01-04T00:00:00+01:00'))).toBe(52 * 5 * 720 - 720);
  });

  it('counts every minute round the clock', () => {
    expect(businessMinutesBetween(ROUND_THE_CLOCK, at('2026-03-23T00:00:00Z'), at('2026-03-30T00:00:00Z'))).toBe(7 * 1440);
  });
});

describe('business calendar: adding minutes', () => {
  it('stays within the day when there is time left', () => {
    expect(addBusinessMinutes(office, at('2026-06-10T09:00:00+02:00'), 90)).toEqual(at('2026-06-10T10:30:00+02:00'));
  });

  it('ends at closing time when the minutes use up the day exactly', () => {
    expect(addBusinessMinutes(office, at('2026-06-12T19:30:00+02:00'), 30)).toEqual(at('2026-06-12T20:00:00+02:00'));
  });

  it('carries what is left of Friday over to Monday morning', () => {
    expect(addBusinessMinutes(office, at('2026-06-12T19:30:00+02:00'), 60)).toEqual(at('2026-06-15T08:30:00+02:00'));
  });

  it('starts counting at the next opening when added on a weekend', () => {
    expect(addBusinessMinutes(office, at('2026-06-13T10:00:00+02:00'), 30)).toEqual(at('2026-06-15T08:30:00+02:00'));
  });

  it('spans weekends: two office days from Thursday 14:00 end on Monday 14:00, ten a fortnight later', () => {
    expect(addBusinessMinutes(office, at('2026-06-11T14:00:00+02:00'), 1440)).toEqual(at('2026-06-15T14:00:00+02:00'));
    expect(addBusinessMinutes(office, at('2026-06-11T14:00:00+02:00'), 7200)).toEqual(at('2026-06-25T14:00:00+02:00'));
  });

  it('undoes businessMinutesBetween', () => {
    const from = at('2026-06-11T17:12:34+02:00');
    const to = addBusinessMinutes(office, from, 1234.5);
    expect(businessMinutesBetween(office, from, to)).toBe(1234.5);
  });
});

describe('business calendar across the Europe/Madrid DST changes', () => {
  it('opens at 08:00 local on both sides of the spring change (29 March 2026)', () => {
    expect(nextOpening(office, at('2026-03-27T20:00:00+01:00'))).toEqual(at('2026-03-30T08:00:00+02:00'));
    expect(isOpen(office, at('2026-03-30T06:00:00Z'))).toBe(true);
    expect(isOpen(office, at('2026-03-30T05:59:00Z'))).toBe(false);
  });

  it('opens at 08:00 local on both sides of the autumn change (25 October 2026)', () => {
    expect(nextOpening(office, at('2026-10-23T20:00:00+02:00'))).toEqual(at('2026-10-26T08:00:00+01:00'));
    expect(isOpen(office, at('2026-10-26T07:00:00Z'))).toBe(true);
    expect(isOpen(office, at('2026-10-26T06:59:00Z'))).toBe(false);
  });

  it.each([
    ['spring', '2026-03-23T00:00:00+01:00', '2026-03-30T00:00:00+02:00'],
    ['autumn', '2026-10-19T00:00:00+02:00', '2026-10-26T00:00:00+01:00'],
  ])('the %s DST week still has five 12-hour office days', (_season, from, to) => {
    expect(businessMinutesBetween(office, at(from), at(to))).toBe(5 * 720);
  });

  it('a weekend desk works 23 hours on the spring Sunday and 25 on the autumn one', () => {
    expect(businessMinutesBetween(weekends, at('2026-03-29T00:00:00+01:00'), at('2026-03-30T00:00:00+02:00'))).toBe(23 * 60);
    expect(businessMinutesBetween(weekends, at('2026-10-25T00:00:00+02:00'), at('2026-10-26T00:00:00+01:00'))).toBe(25 * 60);
  });

  it('adds minutes across a DST weekend in local hours', () => {
    expect(addBusinessMinutes(office, at('2026-03-27T19:00:00+01:00'), 120)).toEqual(at('2026-03-30T09:00:00+02:00'));
    expect(addBusinessMinutes(office, at('2026-10-23T19:00:00+02:00'), 120)).toEqual(at('2026-10-26T09:00:00+01:00'));
    expect(addBusinessMinutes(weekends, at('2026-10-25T01:00:00+02:00'), 120)).toEqual(at('2026-10-25T02:00:00+01:00'));
  });

  it('an interval over the skipped hour is an hour shorter', () => {
    const earlySunday: BusinessCalendar = { id: 'early', timeZone: 'Europe/Madrid', week: { '0': ['01:00-04:00'] }, holidays: [] };
    expect(businessMinutesBetween(earlySunday, at('2026-03-29T00:00:00+01:00'), at('2026-03-29T12:00:00+02:00'))).toBe(120);
    expect(isOpen(earlySunday, at('2026-03-29T03:30:00+02:00'))).toBe(true);
    expect(businessMinutesBetween(earlySunday, at('2026-10-25T00:00:00+02:00'), at('2026-10-25T12:00:00+01:00'))).toBe(240);
  });
});
