import { createTermExtractor, fold } from '../../../kb/search/query-terms.js';
import type { Vocabulary } from '../../../kb/search/vocabulary.js';

const vocabulary: Vocabulary = {
  stopWords: ['my', 'the', 'is', 'no', 'el', 'mi', 'on'],
  synonyms: { 'wi-fi': ['wifi'], wifi: ['wi-fi', 'red sin cables'], 'red sin cables': ['wifi'], 'turn on': ['boot'] },
};
const termsOf = createTermExtractor(vocabulary, 5);

describe('the terms a query is looked up by', () => {
  it('drops stop words, whatever their case and accents', () => {
    expect(termsOf('My printer is broken')).toEqual(['printer', 'broken']);
    expect(termsOf('Él MÍ ordenador')).toEqual(['ordenador']);
  });

  it('keeps phrases the vocabulary knows as one term', () => {
    expect(termsOf('no Wi-Fi at my desk')).toEqual(['wi fi', 'at', 'desk']);
    expect(termsOf('el portátil no ve la red sin cables')).toEqual(['portatil', 've', 'la', 'red sin cables']);
  });

  // Meilisearch drops the stop word before applying synonyms, so such a phrase would never match whole.
  it('splits phrases that hold a stop word', () => {
    expect(termsOf('laptop will not turn on')).toEqual(['laptop', 'will', 'not', 'turn']);
  });

  it('looks each term up once and keeps only the first few', () => {
    expect(termsOf('vpn vpn VPN one two three four five six')).toEqual(['vpn', 'one', 'two', 'three', 'four']);
  });

  it('finds nothing to look up in punctuation or stop words alone', () => {
    expect(termsOf('?!... my the')).toEqual([]);
  });

  it('folds like Meilisearch does', () => {
    expect(fold('Contraseña ÉXITO')).toBe('contrasena exito');
  });
});
