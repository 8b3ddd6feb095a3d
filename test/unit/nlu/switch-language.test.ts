import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES, type Language } from '../../../bot/core/language.js';
import { createNlu } from '../../../bot/nlu/create-nlu.js';
import { localesDir, projectRoot } from '../../../bot/paths.js';

interface SwitchRequest {
  text: string;
  requested: Language;
}

const requests = JSON.parse(
  readFileSync(join(projectRoot(), 'test/fixtures/nlu/switch-language.json'), 'utf8'),
) as SwitchRequest[];
const nlu = await createNlu({ localesDir: localesDir() });

describe.each(LANGUAGES)('asking for another language in a %s conversation', (conversation) => {
  // Users ask in whichever language they are comfortable with, not necessarily the conversation's.
  it.each(requests)('"$text" switches to $requested', async ({ text, requested }) => {
    const understanding = await nlu.understand(text, conversation);
    expect(understanding).toMatchObject({ intent: 'switch_language', requestedLanguage: requested });
  });
});

describe('switch_language without a language named', () => {
  it.each([
    ['change language', 'en'],
    ['cambiar idioma', 'es'],
    ['mudar o idioma', 'pt'],
    ['cambiare lingua', 'it'],
  ] as const)('"%s" asks which language, leaving requestedLanguage unset', async (text, language) => {
    const understanding = await nlu.understand(text, language);
    expect(understanding.intent).toBe('switch_language');
    expect(understanding.requestedLanguage).toBeUndefined();
  });
});
