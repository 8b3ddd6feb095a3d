import type { z } from 'zod';
import type { ConfigProblem } from './check-ticketing-config.js';
import { ticketingFileSchema } from './ticketing-config-schema.js';

const TOP_LEVEL = '(top level)';

function pathOf(path: readonly PropertyKey[]): string {
  return path.map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`)).join('') || TOP_LEVEL;
}

/** A schema issue as a field path and a sentence. */
export function describeIssue(issue: z.core.$ZodIssue): ConfigProblem {
  const path = pathOf(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const unknown = `unknown setting ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
    return { path, message: path === TOP_LEVEL ? `${unknown}; the settings are ${ticketingFileSchema.keyof().options.join(', ')}` : unknown };
  }
  return { path, message: issue.message };
}

const TYPE_NAMES: Record<string, string> = { array: 'a list', object: 'an object', number: 'a number', string: 'a text', boolean: 'true or false' };

/** Zod's default wording says what type it wanted; say it as a person would, and mention missing fields. */
export function plainErrorMap(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type') {
    const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
    return issue.input === undefined ? `is required (${expected})` : `must be ${expected}, not ${JSON.stringify(issue.input)}`;
  }
  if (issue.code === 'invalid_value') {
    return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}, not ${JSON.stringify(issue.input)}`;
  }
  return undefined;
}
