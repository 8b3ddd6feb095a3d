import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fold } from '../../../kb/search/query-terms.js';
import { loadVocabulary } from '../../../kb/search/vocabulary.js';

describe('the search vocabulary', () => {
  it('makes the terms of a group synonyms of each other, and keeps separate groups apart', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mesa-vocabulary-'));
    writeFileSync(join(dir, 'it.json'), JSON.stringify({ stopWords: ['Il'], synonyms: [['bloccato', 'locked'], ['bloccato', 'stuck']] }));
    const vocabulary = loadVocabulary(dir);
    expect(vocabulary.stopWords).toEqual(['il']);
    expect(vocabulary.synonyms.bloccato).toEqual(['locked', 'stuck']);
    expect(vocabulary.synonyms.locked).toEqual(['bloccato']);
  });

  it('names the file and the field when a file is malformed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mesa-vocabulary-'));
    writeFileSync(join(dir, 'es.json'), JSON.stringify({ synonyms: [['solo']] }));
    expect(() => loadVocabulary(dir)).toThrow(/es\.json: synonyms\.0/);
  });

  describe('as shipped', () => {
    const vocabulary = loadVocabulary();
    const stopWords = new Set(vocabulary.stopWords.map(fold));

    it('covers IT words across the four languages', () => {
      expect(vocabulary.synonyms.correo).toEqual(expect.arrayContaining(['email', 'posta', 'correio']));
      expect(vocabulary.synonyms['contraseña']).toEqual(expect.arrayContaining(['password', 'senha']));
      expect(vocabulary.synonyms.impresora).toEqual(expect.arrayContaining(['printer', 'impressora', 'stampante']));
      expect(vocabulary.synonyms.wifi).toEqual(expect.arrayContaining(['wi-fi', 'wireless', 'sem fio']));
    });

    // A one-word synonym that is also a stop word would be dropped from every query before it could match.
    it('has no synonym that is also a stop word', () => {
      const clashes = Object.keys(vocabulary.synonyms).filter((term) => !/[\s-]/.test(term) && stopWords.has(fold(term)));
      expect(clashes).toEqual([]);
    });
  });
});
