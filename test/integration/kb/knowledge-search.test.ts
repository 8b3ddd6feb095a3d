import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { openDatabase } from '../../../bot/storage/sqlite/open-database.js';
import { importDirectory } from '../../../kb/import/import-directory.js';
import { createArticleSearch } from '../../../kb/search/article-search.js';
import { IndexSync } from '../../../kb/search/index-sync.js';
import { startManagedMeilisearch, type ManagedMeilisearch } from '../../../kb/search/managed-meilisearch.js';
import { MeiliArticleIndex } from '../../../kb/search/meili-article-index.js';
import { SearchUnavailableError } from '../../../kb/search/search-errors.js';
import { loadVocabulary } from '../../../kb/search/vocabulary.js';
import { SqliteArticleRepository } from '../../../kb/storage/sqlite-article-repository.js';
import { freshDataDir } from '../../helpers/start-mesa.js';

const ARTICLES: Record<string, string> = {
  'en/password-expired-change.md': `---
id: password-expired-change
language: en
title: My password has expired, how do I change it?
category: accounts
tags: [password, expired password, change password, sign in]
---
Windows or Outlook says your password has expired and asks for a new one.

1. Press Ctrl+Alt+Del and choose Change a password.
2. Type the old password once and the new one twice.
`,
  'es/password-expired-change.md': `---
id: password-expired-change
language: es
title: Mi contraseña ha caducado, ¿cómo la cambio?
category: accounts
tags: [contraseña, contraseña caducada, cambiar contraseña, iniciar sesión]
---
Windows u Outlook te dice que la contraseña ha caducado y te pide una nueva.

1. Pulsa Ctrl+Alt+Supr y elige Cambiar una contraseña.
2. Escribe la contraseña antigua una vez y la nueva dos veces.
`,
  'es/printer-paper-jam.md': `---
id: printer-paper-jam
language: es
title: Se ha atascado el papel en la impresora
category: printing
tags: [atasco de papel, papel atascado, impresora]
---
La impresora se para y avisa de un atasco de papel.

1. Abre las bandejas y las tapas que indique la pantalla de la impresora.
2. Saca el papel atascado tirando con suavidad.
`,
};

describe('searching the knowledge base on a real Meilisearch', () => {
  const dataDir = freshDataDir('mesa-kb-search-');
  const logger = pino({ level: 'silent' });
  let server: ManagedMeilisearch;
  let repository: SqliteArticleRepository;
  let index: MeiliArticleIndex;
  let sync: IndexSync;
  const at = new Date('2026-11-23T10:00:00Z');
  const search = (query: string, language: 'en' | 'es' | 'pt' | 'it' = 'en') => createArticleSearch({ index }).search(query, { language, limit: 3 });
  const found = async (query: string, language: 'en' | 'es' | 'pt' | 'it' = 'en') => (await search(query, language)).map((hit) => `${hit.id}/${hit.language}`);

  beforeAll(async () => {
    server = await startManagedMeilisearch({ dataDir, logger });
    repository = new SqliteArticleRepository(openDatabase(dataDir));
    index = new MeiliArticleIndex({ url: server.url, masterKey: server.masterKey, vocabulary: loadVocabulary() });
    sync = new IndexSync({ repository, index, logger });
    expect(await index.applySettings()).toEqual({ created: true });
    const articles = join(dataDir, 'articles');
    for (const [path, text] of Object.entries(ARTICLES)) {
      mkdirSync(join(articles, path.split('/')[0]!), { recursive: true });
      writeFileSync(join(articles, path), text);
    }
    await importDirectory(articles, repository, { author: 'test', at });
    await sync.syncNow();
  });

  afterAll(async () => {
    await sync.stop();
    await server.stop();
  });

  describe('an imported article', () => {
    it('is found in the user’s language', async () => {
      expect(await found('my password expired')).toEqual(['password-expired-change/en']);
      expect(await found('la contraseña ha caducado', 'es')).toEqual(['password-expired-change/es']);
    });

    it('is found with typos and without accents', async () => {
      expect(await found('pasword expird')).toEqual(['password-expired-change/en']);
      expect(await found('contrasena caducada', 'es')).toEqual(['password-expired-change/es']);
      expect(await found('papel atascdo en la impresora', 'es')).toEqual(['printer-paper-jam/es']);
    });

    it('is found from another language, shown in the language that has it', async () => {
      expect(await found('paper jam in the printer')).toEqual(['printer-paper-jam/es']);
      expect(await found('mi password è scaduta', 'it')).toEqual(['password-expired-change/en']);
    });
  });

  it('keeps the index and its documents when the settings are applied again at the next start', async () => {
    expect(await index.applySettings()).toEqual({ created: false });
    expect(await found('my password expired')).toEqual(['password-expired-change/en']);
  });

  describe('requests it cannot answer', () => {
    it('find nothing when off topic', async () => {
      expect(await search('what is a good recipe for lasagna')).toEqual([]);
      expect(await search('who won the football match last night?')).toEqual([]);
    });

    it('do not crash on empty, huge or garbled text', async () => {
      expect(await search('')).toEqual([]);
      expect(await search('the of and to')).toEqual([]);
      expect(await search('🙂🙂🙂')).toEqual([]);
      await expect(search('password '.repeat(600))).resolves.toEqual(expect.any(Array));
      await expect(search('pass\u0000word\u0007 exp\u001bired\u202e')).resolves.toEqual(expect.any(Array));
      await expect(search('"; DROP TABLE articles; -- status = "retired" OR 1=1')).resolves.toEqual(expect.any(Array));
    });
  });

  describe('when an article leaves the published state', () => {
    it('disappears from results once synced, language by language', async () => {
      await repository.setStatus('password-expired-change', 'en', 'retired', { author: 'km', at });
      await sync.syncNow();
      expect(await found('my password expired')).toEqual(['password-expired-change/es']);

      await repository.setStatus('password-expired-change', 'es', 'draft', { author: 'km', at });
      await sync.syncNow();
      expect(await found('my password expired')).toEqual([]);
      expect(await found('contraseña caducada', 'es')).toEqual([]);
    });
  });

  describe('when Meilisearch goes away', () => {
    it('keeps the changes queued and indexes them once it is back', async () => {
      const { url } = server;
      await server.stop();
      await expect(search('paper jam')).rejects.toBeInstanceOf(SearchUnavailableError);

      await repository.saveVariant(
        { id: 'printer-paper-jam', language: 'es', title: 'La fotocopiadora se ha tragado el folio', body: 'Atasco.\n\n1. Abre la tapa.', category: 'printing', tags: ['atasco'] },
        { author: 'km', status: 'published', at },
      );
      await expect(sync.syncNow()).rejects.toMatchObject({ code: 'search_unavailable' });
      expect(await repository.pendingIndexChanges(10)).toHaveLength(1);

      server = await startManagedMeilisearch({ dataDir, logger, port: Number(new URL(url).port) });
      expect(server.url).toBe(url);
      expect(await sync.syncNow()).toBe(1);
      expect(await repository.pendingIndexChanges(10)).toEqual([]);
      expect((await search('fotocopiadora tragado folio', 'es'))[0]).toMatchObject({ id: 'printer-paper-jam', title: 'La fotocopiadora se ha tragado el folio' });
    });
  });
});
