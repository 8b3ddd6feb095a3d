import { createNlu } from '../../../bot/nlu/create-nlu.js';
import { localesDir } from '../../../bot/paths.js';

const nlu = await createNlu({ localesDir: localesDir() });

// Issue 17, item 8: code holds no word of any language, but its letters looked like Spanish or Portuguese.
describe('issue 17: language detection finds no language in code-like text', () => {
  it.each([
    '{{constructor.constructor}}',
    '{{constructor.constructor}} {{constructor.constructor}} {{constructor.constructor}} {{constructor.constructor}}',
    '{{ config.__class__.__init__.__globals__["os"].popen("id").read() }}',
    '__proto__[isAdmin]=true',
    '{{config.items()}}',
    'constructor',
  ])('%s: no guess', (text) => {
    expect(nlu.detectLanguage(text)).toBeNull();
  });

  it.each([
    ['mi PC no arranca (otra vez)', 'es'],
    ['obrigado :)', 'pt'],
    ["l'account è bloccato", 'it'],
    ['my "laptop" won\'t start, again!', 'en'],
  ])('prose around punctuation is still read: %s', (text, language) => {
    expect(nlu.detectLanguage(text)).toMatchObject({ language });
  });
});
