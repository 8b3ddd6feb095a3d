import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES } from '../../bot/core/language.js';
import { INTENTS } from '../../bot/nlu/nlu.js';
import { localesDir } from '../../bot/paths.js';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

function read(language: string, file: string): unknown {
  return JSON.parse(readFileSync(join(localesDir(), language, file), 'utf8'));
}

const translationFiles = readdirSync(join(localesDir(), 'en')).filter((file) => file.endsWith('.json') && file !== 'intents.json');

describe('every string a person sees exists in all four languages', () => {
  it('has translation files to check', () => {
    expect(translationFiles).toEqual(expect.arrayContaining(['bot.json', 'errors.json']));
  });

  describe.each(translationFiles)('%s', (file) => {
    const english = keysOf(read('en', file)).sort();

    it.each(LANGUAGES.filter((language) => language !== 'en'))('%s has exactly the English keys', (language) => {
      const keys = keysOf(read(language, file)).sort();
      expect({ missing: english.filter((key) => !keys.includes(key)), extra: keys.filter((key) => !english.includes(key)) }).toEqual({ missing: [], extra: [] });
    });

    it.each([...LANGUAGES])('%s has no empty strings', (language) => {
      const flat = keysOf(read(language, file));
      const empty = flat.filter((key) => {
        const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], read(language, file));
        return typeof value !== 'string' || value.trim() === '';
      });
      expect(empty).toEqual([]);
    });
  });

  it.each([...LANGUAGES])('%s has training utterances for every intent', (language) => {
    const intents = read(language, 'intents.json') as Record<string, string[]>;
    const thin = INTENTS.filter((intent) => !Array.isArray(intents[intent]) || intents[intent].length < 20);
    expect(thin).toEqual([]);
  });
});
