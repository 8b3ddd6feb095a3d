import { ROUND_THE_CLOCK } from '../calendar/business-calendar.js';
import { copyCalendar } from '../calendar/copy-calendar.js';
import type { TicketingConfig } from './ticketing-config-types.js';

const OFFICE_DAY = ['08:00-20:00'];

/**
 * The desk Mesa fronts out of the box: L1 round the clock in every language, L2 in Madrid office hours,
 * the ITIL impact × urgency matrix, and response/resolution targets that relax with priority.
 * A fresh object each call, so callers may change their copy.
 */
export function defaultTicketingConfig(): TicketingConfig {
  return {
    numberPrefix: 'SD',
    priorityMatrix: {
      high: { high: 1, medium: 2, low: 3 },
      medium: { high: 2, medium: 3, low: 4 },
      low: { high: 3, medium: 4, low: 5 },
    },
    calendars: [
      copyCalendar(ROUND_THE_CLOCK),
      {
        id: 'office',
        timeZone: 'Europe/Madrid',
        week: { '1': [...OFFICE_DAY], '2': [...OFFICE_DAY], '3': [...OFFICE_DAY], '4': [...OFFICE_DAY], '5': [...OFFICE_DAY] },
        holidays: [],
      },
    ],
    queues: [
      { id: 'l1', name: 'Service Desk L1', tier: 1, roles: ['l1_analyst'], languages: ['*'], categories: ['*'], calendar: '24x7', assignment: 'pull' },
      { id: 'l2', name: 'Service Desk L2', tier: 2, roles: ['l2_analyst'], languages: ['*'], categories: ['*'], calendar: 'office', assignment: 'pull' },
    ],
    sla: {
      '1': { responseMinutes: 15, resolutionMinutes: 240, calendar: '24x7' },
      '2': { responseMinutes: 30, resolutionMinutes: 480, calendar: '24x7' },
      '3': { responseMinutes: 60, resolutionMinutes: 1440, calendar: 'office' },
      '4': { responseMinutes: 240, resolutionMinutes: 2880, calendar: 'office' },
      '5': { responseMinutes: 480, resolutionMinutes: 7200, calendar: 'office' },
    },
    slaWarningAt: 0.8,
    defaultCapacity: 3,
    autoCloseHours: 72,
    abandonAfterMinutes: 15,
    defaultWaitMinutes: 5,
  };
}
