import { displayText } from '../../channels/console/ui/display-text.js';

// Issue 17, item 6: text with bidi overrides read differently in the console from what it was.
describe('issue 17: the console shows other people\'s text without bidi controls', () => {
  it.each([
    ['a right-to-left override hiding a file type', 'invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['embeddings and pop', 'a\u202Ab\u202Bc\u202Cd\u202De', 'abcde'],
    ['isolates', '\u2066x\u2067y\u2068z\u2069', 'xyz'],
  ])('%s', (_what, text, shown) => {
    expect(displayText(text)).toBe(shown);
  });

  it('keeps right-to-left text and marks that do not override anything', () => {
    expect(displayText('שלום \u200F مرحبا 👩\u200D💻')).toBe('שלום \u200F مرحبا 👩\u200D💻');
  });
});
