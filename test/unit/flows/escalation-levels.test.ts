import type { Level } from '../../../bot/core/help-desk.js';
import type { Language } from '../../../bot/core/language.js';
import { readLevel, type LevelQuestion } from '../../../bot/flows/escalation-levels.js';
import type { Translate } from '../../../bot/i18n/translator.js';
import { expectedTexts } from '../../helpers/expected-text.js';

let text: (language: Language) => Translate;
beforeAll(async () => {
  text = await expectedTexts();
});

// How people answer "who is affected?" and "how much does it stop you?" in their own words.
const answers: [Language, LevelQuestion, string, Level | null][] = [
  ['en', 'impact', '2', 'medium'],
  ['en', 'impact', 'only me I think', 'low'],
  ['en', 'urgency', "it's not urgent", 'low'],
  ['en', 'urgency', 'I cannot work at all!', 'high'],
  ['en', 'urgency', '1', 'high'],
  ['en', 'impact', 'just me, but everyone will be soon', null],
  ['es', 'impact', 'solo a mí', 'low'],
  ['es', 'urgency', 'puedo trabajar pero lento', 'medium'],
  ['pt', 'impact', 'o escritório todo', 'high'],
  ['pt', 'urgency', 'não consigo trabalhar', 'high'],
  ['pt', 'urgency', 'sem pressa', 'low'],
  ['it', 'impact', 'il mio team', 'medium'],
  ['it', 'urgency', 'può aspettare', 'low'],
  ['it', 'urgency', 'non riesco a lavorare', 'high'],
  ['it', 'impact', 'boh', null],
];

describe('reading how bad it is', () => {
  it.each(answers)('%s %s: "%s" is %s', (language, question, answer, level) => {
    expect(readLevel(text(language), question, { text: answer })).toBe(level);
  });

  it('the button labels themselves are understood when typed', () => {
    const t = text('pt');
    expect(readLevel(t, 'impact', { text: t('bot:escalate.impact.medium') })).toBe('medium');
    expect(readLevel(t, 'urgency', { text: t('bot:escalate.urgency.medium') })).toBe('medium');
  });

  it('a button of the other question is not an answer', () => {
    expect(readLevel(text('en'), 'impact', { text: 'It can wait', actionId: 'escalate.urgency.low' })).toBeNull();
  });
});
