import { MAX_QUERY_CHARS, normalizeQuery } from '../../../kb/search/normalize-query.js';

describe('what the search sees of a message', () => {
  it('trims and collapses whitespace, including tabs and newlines', () => {
    expect(normalizeQuery('  la   impresora\n\tno imprime  ')).toBe('la impresora no imprime');
  });

  it('turns control and invisible format characters into spaces', () => {
    expect(normalizeQuery('vpn\u0000down\u0007now\u200bplease\u202e')).toBe('vpn down now please');
  });

  it('is empty for a message of only whitespace and control characters', () => {
    expect(normalizeQuery(' \u0001\u0002 \n ')).toBe('');
  });

  it('caps a very long message at a word boundary', () => {
    const text = normalizeQuery('printer '.repeat(1000));
    expect(text.length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
    expect(text.endsWith('printer')).toBe(true);
  });

  it('never cuts an emoji in half', () => {
    const text = normalizeQuery('😀'.repeat(400));
    expect(text.length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
    expect(() => encodeURIComponent(text)).not.toThrow();
  });

  it('composes accents so "contraseña" is one way of writing it', () => {
    expect(normalizeQuery('contrasen\u0303a')).toBe('contraseña');
  });
});
