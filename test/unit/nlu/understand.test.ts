import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LANGUAGES } from '../../../bot/core/language.js';
import { createNlu } from '../../../bot/nlu/create-nlu.js';
import { localesDir } from '../../../bot/paths.js';

const nlu = await createNlu({ localesDir: localesDir() });

describe('understand', () => {
  it.each(['banana pancakes recipe', 'asdfgh', 'the weather in Rome', 'purple elephants dancing on the moon', ''])(
    'does not guess an intent for off-topic "%s"',
    async (text) => {
      const understanding = await nlu.understand(text, 'en');
      expect(understanding.intent).toBeNull();
      expect(understanding.alternatives.length).toBeLessThanOrEqual(3);
    },
  );

  it('offers at most three candidates, best first, for a clarifying question', async () => {
    for (const text of ['the weather in Rome', 'my pc', 'hello, password', 'ticket']) {
      const { alternatives, score } = await nlu.understand(text, 'en');
      expect(alternatives.length).toBeLessThanOrEqual(3);
      const scores = alternatives.map((alternative) => alternative.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(score).toBe(scores[0] ?? 0);
    }
  });

  it.each(LANGUAGES)('reads a bare ticket number as a status question in %s', async (language) => {
    for (const text of ['SD-000123?', 'SD-004711', 'sd-42']) {
      expect((await nlu.understand(text, language)).intent).toBe('ticket_status');
    }
  });

  it.each([
    ['heyyyy', 'en', 'greeting'],
    ['graciaaaas', 'es', 'thanks'],
    ['valeuuuu', 'pt', 'thanks'],
    ['ciaooooo', 'it', 'greeting'],
    ['i forgot my pasword', 'en', 'reset_password'],
    ['olvide mi contrasena', 'es', 'reset_password'],
    ['esqueci minha senah', 'pt', 'reset_password'],
    ['account bloccatto', 'it', 'unlock_account'],
  ] as const)('copes with stretched words and typos: "%s" (%s) is %s', async (text, language, intent) => {
    expect((await nlu.understand(text, language)).intent).toBe(intent);
  });

  it.each([
    ['agent', 'en'],
    ['humano', 'es'],
    ['quiero hablar con alguien', 'es'],
    ['atendente', 'pt'],
    ['operatore', 'it'],
  ] as const)('hands "%s" (%s) to a person', async (text, language) => {
    expect((await nlu.understand(text, language)).intent).toBe('human');
  });

  it('reads a message asked again the same way, even after a caller tried to change the first reading', async () => {
    const first = await nlu.understand('i forgot my password', 'en');
    expect(() => {
      (first as { intent: string | null }).intent = 'greeting';
    }).toThrow(TypeError);
    expect(() => first.alternatives.push({ intent: 'help', score: 1 })).toThrow(TypeError);
    const again = await nlu.understand('i forgot my password', 'en');
    expect(again.intent).toBe('reset_password');
    expect((await nlu.understand('i forgot my password', 'es')).intent).toBe('reset_password');
  });

  it('understands a message written in another language than the conversation', async () => {
    expect((await nlu.understand('my laptop is very slow since yesterday', 'it')).intent).toBe('report_problem');
    expect((await nlu.understand('muchas gracias, adiós', 'pt')).intent).toBe('thanks');
  });
});

describe('createNlu', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mesa-nlu-'));
    for (const language of LANGUAGES) mkdirSync(join(dir, language));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses training data with an intent name nothing handles', async () => {
    for (const language of LANGUAGES) {
      writeFileSync(join(dir, language, 'intents.json'), JSON.stringify({ greeting: ['hi'], reset_pasword: ['x'] }));
    }
    await expect(createNlu({ localesDir: dir })).rejects.toThrow(/unknown intent "reset_pasword"/);
  });

  it('refuses training data that leaves an intent without examples', async () => {
    for (const language of LANGUAGES) writeFileSync(join(dir, language, 'intents.json'), JSON.stringify({ greeting: ['hi'] }));
    await expect(createNlu({ localesDir: dir })).rejects.toThrow(/no utterances for intent "help"/);
  });
});
