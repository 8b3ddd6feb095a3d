import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES, type Language } from '../../../bot/core/language.js';
import { createNlu } from '../../../bot/nlu/create-nlu.js';
import { CONFIDENT_LANGUAGE_GUESS } from '../../../bot/nlu/language-detector.js';
import { localesDir, projectRoot } from '../../../bot/paths.js';

type DetectionSet = Record<Language | 'none', string[]>;

const set = JSON.parse(readFileSync(join(projectRoot(), 'test/fixtures/nlu/language-detection.json'), 'utf8')) as DetectionSet;
const nlu = await createNlu({ localesDir: localesDir() });

const results = LANGUAGES.map((language) => {
  const wrong = set[language].filter((text) => nlu.detectLanguage(text)?.language !== language);
  const accuracy = 1 - wrong.length / set[language].length;
  return { language, wrong, accuracy, label: `${(accuracy * 100).toFixed(1)}% of ${set[language].length}` };
});

describe.each(results)('language detection of $language: $label correct', ({ language, wrong, accuracy }) => {
  it('recognises at least 95% of messages, from one-word greetings to full sentences', () => {
    expect(set[language].length).toBeGreaterThanOrEqual(25);
    expect({ atLeast95Percent: accuracy >= 0.95, wrong }).toMatchObject({ atLeast95Percent: true });
  });
});

describe('language detection', () => {
  it.each([
    ['hola', 'es'],
    ['buenas', 'es'],
    ['gracias', 'es'],
    ['oi', 'pt'],
    ['olá', 'pt'],
    ['bom dia', 'pt'],
    ['obrigado', 'pt'],
    ['ciao', 'it'],
    ['buongiorno', 'it'],
    ['grazie', 'it'],
    ['hello', 'en'],
    ['thanks', 'en'],
  ] as const)('is confident that "%s" is %s', (text, language) => {
    const guess = nlu.detectLanguage(text);
    expect(guess?.language).toBe(language);
    expect(guess?.confidence).toBeGreaterThanOrEqual(CONFIDENT_LANGUAGE_GUESS);
  });

  it.each([
    ['não funciona', 'pt'],
    ['no funciona', 'es'],
    ['non funziona', 'it'],
    ['sono bloccato', 'it'],
    ['soy nuevo', 'es'],
    ['sou novo', 'pt'],
    ['obrigada pela ajuda', 'pt'],
    ['gracias por la ayuda', 'es'],
    ['grazie per l’aiuto', 'it'],
  ] as const)('tells close Romance phrasings apart: "%s" is %s', (text, language) => {
    expect(nlu.detectLanguage(text)?.language).toBe(language);
  });

  it('returns null when the text carries no language signal', () => {
    for (const text of set.none) expect({ text, guess: nlu.detectLanguage(text) }).toEqual({ text, guess: null });
  });

  it('is not confident about a word several languages share', () => {
    for (const text of ['si', 'humano', 'claro']) {
      expect(nlu.detectLanguage(text)?.confidence ?? 0).toBeLessThan(CONFIDENT_LANGUAGE_GUESS);
    }
  });

  it('reports confidence between 0 and 1', () => {
    for (const text of Object.values(set).flat()) {
      const confidence = nlu.detectLanguage(text)?.confidence ?? 0;
      expect(confidence).toBeGreaterThanOrEqual(0);
      expect(confidence).toBeLessThanOrEqual(1);
    }
  });
});
