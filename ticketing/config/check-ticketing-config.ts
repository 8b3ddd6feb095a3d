import { LANGUAGES } from '../../bot/core/language.js';
import { LEVELS } from '../../bot/core/help-desk.js';
import { ROUND_THE_CLOCK } from '../calendar/business-calendar.js';
import type { TicketingConfig } from './ticketing-config-types.js';

/** One thing wrong with a configuration: where (e.g. `queues[1].calendar`) and what is expected. */
export interface ConfigProblem {
  path: string;
  message: string;
}

const ALL_DAY = '00:00-24:00';
const PRIORITIES = ['1', '2', '3', '4', '5'];

function calendarProblems(config: TicketingConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const seen = new Set<string>();
  config.calendars.forEach((calendar, index) => {
    const path = `calendars[${index}]`;
    if (seen.has(calendar.id)) problems.push({ path: `${path}.id`, message: `"${calendar.id}" is defined twice` });
    seen.add(calendar.id);
    const days = Object.values(calendar.week);
    if (!days.some((intervals) => intervals && intervals.length > 0)) {
      problems.push({ path: `${path}.week`, message: 'has no opening hours; a calendar must open on at least one weekday' });
    }
    // Queues and targets on '24x7' rely on it counting every minute, so it cannot be redefined with other hours.
    const roundTheClock = Object.keys(ROUND_THE_CLOCK.week).every((day) => calendar.week[day as keyof typeof calendar.week]?.includes(ALL_DAY));
    if (calendar.id === ROUND_THE_CLOCK.id && (!roundTheClock || calendar.holidays.length > 0)) {
      problems.push({ path, message: `"24x7" is the built-in round-the-clock calendar (every day ${ALL_DAY}, no holidays); give other hours another id` });
    }
  });
  return problems;
}

function queueProblems(config: TicketingConfig, calendarIds: string[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const seen = new Set<string>();
  config.queues.forEach((queue, index) => {
    if (seen.has(queue.id)) problems.push({ path: `queues[${index}].id`, message: `"${queue.id}" is used by another queue; queue ids must be unique` });
    seen.add(queue.id);
    if (!calendarIds.includes(queue.calendar)) {
      problems.push({ path: `queues[${index}].calendar`, message: `unknown calendar "${queue.calendar}"; defined calendars: ${calendarIds.join(', ')}` });
    }
  });
  const firstLine = config.queues.filter((queue) => queue.tier === 1);
  if (firstLine.length === 0) {
    problems.push({ path: 'queues', message: 'needs at least one tier-1 (first line) queue: every ticket starts there' });
    return problems;
  }
  // Routing falls back to a catch-all first-line queue per language; without one, tickets would have nowhere to go.
  for (const language of LANGUAGES) {
    const catchAll = firstLine.some((queue) => (queue.languages.includes(language) || queue.languages.includes('*')) && queue.categories.includes('*'));
    if (!catchAll) {
      problems.push({ path: 'queues', message: `no tier-1 queue takes every category in "${language}"; give one tier-1 queue languages ["${language}"] or ["*"] and categories ["*"]` });
    }
  }
  return problems;
}

function slaProblems(config: TicketingConfig, calendarIds: string[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const [priority, target] of Object.entries(config.sla)) {
    if (!PRIORITIES.includes(priority)) {
      problems.push({ path: `sla.${priority}`, message: `unknown priority "${priority}"; priorities are 1 to 5` });
      continue;
    }
    if (!calendarIds.includes(target.calendar)) {
      problems.push({ path: `sla.${priority}.calendar`, message: `unknown calendar "${target.calendar}"; defined calendars: ${calendarIds.join(', ')}` });
    }
    if (target.responseMinutes > target.resolutionMinutes) {
      problems.push({ path: `sla.${priority}.responseMinutes`, message: `must not be more than resolutionMinutes (${target.resolutionMinutes})` });
    }
  }
  const cellsByPriority = new Map<number, string[]>();
  for (const impact of LEVELS) {
    for (const urgency of LEVELS) {
      const priority = config.priorityMatrix[impact][urgency];
      cellsByPriority.set(priority, [...(cellsByPriority.get(priority) ?? []), `priorityMatrix.${impact}.${urgency}`]);
    }
  }
  for (const [priority, cells] of cellsByPriority) {
    if (!config.sla[String(priority)]) problems.push({ path: 'sla', message: `missing a target for priority ${priority} (used by ${cells.join(', ')})` });
  }
  return problems;
}

/** The checks across sections a schema cannot express: references, uniqueness, coverage. */
export function checkTicketingConfig(config: TicketingConfig): ConfigProblem[] {
  const calendarIds = [...new Set([ROUND_THE_CLOCK.id, ...config.calendars.map((calendar) => calendar.id)])];
  return [...calendarProblems(config), ...queueProblems(config, calendarIds), ...slaProblems(config, calendarIds)];
}
