import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../../bot/core/config-error.js';
import { ROUND_THE_CLOCK, isOpen } from '../../../ticketing/calendar/business-calendar.js';
import { calendarOf, defaultTicketingConfig, loadTicketingConfig } from '../../../ticketing/config/load-ticketing-config.js';

const fixtures = join(process.cwd(), 'test/fixtures/ticketing-config');
const example = join(process.cwd(), 'ticketing/config/example-ticketing.json');
const scratch = mkdtempSync(join(tmpdir(), 'mesa-ticketing-config-'));

let files = 0;
function fileWith(content: unknown): string {
  const path = join(scratch, `config-${(files += 1)}.json`);
  writeFileSync(path, JSON.stringify(content, null, 2));
  return path;
}

function problemsOf(path: string): string {
  try {
    loadTicketingConfig(path);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`${path} was accepted`);
}

const l1 = { id: 'l1', name: 'Service Desk L1', tier: 1, roles: ['l1_analyst'], languages: ['*'], categories: ['*'], calendar: '24x7', assignment: 'pull' };
const l2 = { ...l1, id: 'l2', name: 'Service Desk L2', tier: 2, roles: ['l2_analyst'], calendar: 'office' };

describe('ticketing configuration: defaults', () => {
  it('without a file: L1 round the clock, L2 in Madrid office hours, ITIL matrix, SLA per priority', () => {
    const config = loadTicketingConfig(undefined);
    expect(config).toEqual(defaultTicketingConfig());
    expect(config.numberPrefix).toBe('SD');
    expect(config.priorityMatrix).toEqual({
      high: { high: 1, medium: 2, low: 3 },
      medium: { high: 2, medium: 3, low: 4 },
      low: { high: 3, medium: 4, low: 5 },
    });
    expect(config.queues).toEqual([l1, l2]);
    expect(config.sla['1']).toEqual({ responseMinutes: 15, resolutionMinutes: 240, calendar: '24x7' });
    expect(config.sla['5']).toEqual({ responseMinutes: 480, resolutionMinutes: 7200, calendar: 'office' });
    expect(config).toMatchObject({ slaWarningAt: 0.8, defaultCapacity: 3, autoCloseHours: 72, defaultWaitMinutes: 5 });
  });

  it('the office calendar is open on a Madrid weekday at 19:00 and closed at 20:00 and on Saturdays', () => {
    const office = calendarOf(defaultTicketingConfig(), 'office');
    expect(isOpen(office, new Date('2026-06-10T19:00:00+02:00'))).toBe(true);
    expect(isOpen(office, new Date('2026-06-10T20:00:00+02:00'))).toBe(false);
    expect(isOpen(office, new Date('2026-06-13T10:00:00+02:00'))).toBe(false);
  });

  it('each call gives a fresh copy, so one caller cannot change another\'s', () => {
    const mine = defaultTicketingConfig();
    mine.queues.pop();
    mine.calendars[0]?.week['6']?.splice(0, 1, '10:00-12:00');
    expect(defaultTicketingConfig().queues).toHaveLength(2);
    expect(defaultTicketingConfig().calendars[0]?.week['6']).toEqual(['00:00-24:00']);
    expect(ROUND_THE_CLOCK.week['6']).toEqual(['00:00-24:00']);
  });
});

describe('ticketing configuration: files', () => {
  it('accepts the example file, which adds a Spanish first-line queue to the defaults', () => {
    const config = loadTicketingConfig(example);
    expect(config.queues.map((queue) => queue.id)).toEqual(['l1-es', 'l1', 'l2']);
    expect(config.queues[0]).toMatchObject({ tier: 1, languages: ['es'], calendar: '24x7' });
    const { queues: _queues, ...rest } = config;
    const { queues: _defaultQueues, ...defaults } = defaultTicketingConfig();
    expect(rest).toEqual(defaults);
  });

  it('merges a partial file over the defaults, top-level key by key', () => {
    const config = loadTicketingConfig(join(fixtures, 'partial.json'));
    expect(config.numberPrefix).toBe('HD');
    expect(config.autoCloseHours).toBe(24);
    expect(config.queues).toEqual(defaultTicketingConfig().queues);
    expect(config.sla).toEqual(defaultTicketingConfig().sla);
    const office = calendarOf(config, 'office');
    expect(isOpen(office, new Date('2026-06-10T14:30:00+02:00'))).toBe(false);
    expect(isOpen(office, new Date('2027-01-06T10:00:00+01:00'))).toBe(false);
  });

  it('always has the round-the-clock calendar, even when the file lists only its own', () => {
    const config = loadTicketingConfig(join(fixtures, 'partial.json'));
    expect(config.calendars.map((calendar) => calendar.id)).toEqual(['24x7', 'office']);
    expect(calendarOf({ ...config, calendars: [] }, '24x7')).toBe(ROUND_THE_CLOCK);
    expect(() => calendarOf(config, 'night')).toThrow('Unknown calendar "night"');
  });

  it('lists every problem of a file at once, each with its field path', () => {
    const message = problemsOf(join(fixtures, 'many-problems.json'));
    expect(message).toContain('many-problems.json');
    for (const expected of [
      'numberPrefix: must be 1 to 10 capital letters or digits',
      'slaWarningAt: must be a fraction between 0 and 1',
      'calendars[0].timeZone: "Europe/Madird" is not an IANA time zone',
      'calendars[0].week.1[0]: "22:00-06:00" ends before it starts',
      'calendars[0].holidays[0]: "25/12/2026" is not a date like "2026-12-25"',
      'queues[1].languages[0]: must be one of "en", "es", "pt", "it", "*", not "fr"',
      'queues[1].assignment: must be one of "pull", "push", not "round-robin"',
      'unknown setting "queus"',
    ]) {
      expect(message).toContain(expected);
    }
  });

  it('says so when the file is missing', () => {
    expect(problemsOf(join(scratch, 'nowhere.json'))).toMatch(/nowhere\.json.*does not exist/);
  });

  it('says where the JSON is broken', () => {
    expect(problemsOf(join(fixtures, 'invalid.json'))).toMatch(/invalid\.json.*not valid JSON.*line 4/);
  });
});

describe('ticketing configuration: checks across sections', () => {
  it.each([
    ['a queue on an unknown calendar', { queues: [l1, { ...l2, calendar: 'night' }] },
      'queues[1].calendar: unknown calendar "night"; defined calendars: 24x7, office'],
    ['an SLA target on an unknown calendar', { sla: { ...defaultTicketingConfig().sla, '3': { responseMinutes: 60, resolutionMinutes: 1440, calendar: 'weekend' } } },
      'sla.3.calendar: unknown calendar "weekend"'],
    ['a priority the matrix uses without a target', { sla: { '1': { responseMinutes: 15, resolutionMinutes: 240, calendar: '24x7' } } },
      'sla: missing a target for priority 5 (used by priorityMatrix.low.low)'],
    ['a target for a priority that does not exist', { sla: { ...defaultTicketingConfig().sla, '6': { responseMinutes: 15, resolutionMinutes: 240, calendar: '24x7' } } },
      'sla.6: unknown priority "6"; priorities are 1 to 5'],
    ['a priority outside 1..5 in the matrix', { priorityMatrix: { ...defaultTicketingConfig().priorityMatrix, low: { high: 3, medium: 4, low: 6 } } },
      'priorityMatrix.low.low: must be 1 to 5'],
    ['a fractional priority', { priorityMatrix: { ...defaultTicketingConfig().priorityMatrix, high: { high: 1.5, medium: 2, low: 3 } } },
      'priorityMatrix.high.high: must be a whole number from 1 to 5'],
    ['two queues with one id', { queues: [l1, { ...l2, id: 'l1' }] },
      'queues[1].id: "l1" is used by another queue'],
    ['no first-line queue', { queues: [l2] },
      'queues: needs at least one tier-1 (first line) queue'],
    ['a language no first-line queue takes', { queues: [{ ...l1, languages: ['es', 'en', 'it'] }, l2] },
      'no tier-1 queue takes every category in "pt"'],
    ['a calendar that never opens', { calendars: [{ id: 'office', timeZone: 'Europe/Madrid', week: { '1': [] }, holidays: [] }] },
      'calendars[1].week: has no opening hours'],
    ['24x7 redefined with office hours', { calendars: [{ id: '24x7', timeZone: 'UTC', week: { '1': ['08:00-20:00'] } }, defaultTicketingConfig().calendars[1]] },
      'calendars[0]: "24x7" is the built-in round-the-clock calendar'],
    ['a queue missing its calendar', { queues: [l1, { ...l2, calendar: undefined }] },
      'queues[1].calendar: is required (a text)'],
  ])('refuses %s, naming the field', (_label, content, expected) => {
    expect(problemsOf(fileWith(content))).toContain(expected);
  });
});
