import { readFileSync } from 'node:fs';
import { ConfigError } from '../../bot/core/config-error.js';
import { MesaError } from '../../bot/core/errors.js';
import { ROUND_THE_CLOCK } from '../calendar/business-calendar.js';
import { copyCalendar } from '../calendar/copy-calendar.js';
import { checkTicketingConfig } from './check-ticketing-config.js';
import { describeIssue, plainErrorMap } from './config-issues.js';
import { defaultTicketingConfig } from './default-ticketing-config.js';
import type { TicketingFile } from './ticketing-config-schema.js';
import { ticketingFileSchema } from './ticketing-config-schema.js';
import type { BusinessCalendar, TicketingConfig } from './ticketing-config-types.js';

export { defaultTicketingConfig } from './default-ticketing-config.js';

function fail(path: string, problems: string[]): never {
  throw new ConfigError(`Invalid ticketing configuration ${path} (MESA_TICKETING_CONFIG):\n  ${problems.join('\n  ')}\nSee ticketing/config/example-ticketing.json.`);
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file does not exist' : (error as Error).message;
    throw new ConfigError(`Cannot read the ticketing configuration ${path} (MESA_TICKETING_CONFIG): ${reason}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`The ticketing configuration ${path} (MESA_TICKETING_CONFIG) is not valid JSON: ${(error as Error).message}${whereInText(text, (error as Error).message)}`);
  }
}

/** V8 names a character offset; people look for a line. */
function whereInText(text: string, message: string): string {
  const position = /at position (\d+)/.exec(message);
  if (!position) return '';
  const before = text.slice(0, Number(position[1])).split('\n');
  return ` (line ${before.length}, column ${(before[before.length - 1]?.length ?? 0) + 1})`;
}

/** Keys the file sets replace the defaults whole; the rest keep them. */
function mergeOverDefaults(file: TicketingFile): TicketingConfig {
  const defined = Object.fromEntries(Object.entries(file).filter(([, value]) => value !== undefined));
  const config: TicketingConfig = { ...defaultTicketingConfig(), ...(defined as Partial<TicketingConfig>) };
  // '24x7' always exists, so a file listing only its own calendars still offers it to consoles and checks.
  if (!config.calendars.some((calendar) => calendar.id === ROUND_THE_CLOCK.id)) {
    config.calendars = [copyCalendar(ROUND_THE_CLOCK), ...config.calendars];
  }
  return config;
}

/**
 * The service desk's queues, calendars, SLA targets and priority matrix: the defaults, or a JSON file merged
 * over them. Throws one ConfigError listing every problem with its field path and what is expected.
 */
export function loadTicketingConfig(path: string | undefined): TicketingConfig {
  if (path === undefined) return defaultTicketingConfig();
  const parsed = ticketingFileSchema.safeParse(readJson(path), { error: plainErrorMap });
  if (!parsed.success) fail(path, parsed.error.issues.map(describeIssue).map((problem) => `${problem.path}: ${problem.message}`));
  const config = mergeOverDefaults(parsed.data);
  const problems = checkTicketingConfig(config);
  if (problems.length > 0) fail(path, problems.map((problem) => `${problem.path}: ${problem.message}`));
  return config;
}

/** A calendar by id; '24x7' exists even when the configuration does not list it. */
export function calendarOf(config: TicketingConfig, id: string): BusinessCalendar {
  const calendar = config.calendars.find((candidate) => candidate.id === id) ?? (id === ROUND_THE_CLOCK.id ? ROUND_THE_CLOCK : undefined);
  if (!calendar) throw new MesaError('internal', `Unknown calendar "${id}"; defined calendars: ${config.calendars.map((candidate) => candidate.id).join(', ')}`);
  return calendar;
}
