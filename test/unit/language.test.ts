import { isLanguage, LANGUAGES } from '../../bot/core/language.js';

describe('languages', () => {
  it('accepts exactly the four supported languages', () => {
    expect(LANGUAGES).toEqual(['en', 'es', 'pt', 'it']);
    expect(isLanguage('fr')).toBe(false);
  });
});
