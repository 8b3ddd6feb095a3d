import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase } from '../../../bot/storage/sqlite/open-database.js';
import { formatArticleFile, parseArticleFile } from '../../../kb/articles/article-file.js';
import { importDirectory } from '../../../kb/import/import-directory.js';
import { SqliteArticleRepository } from '../../../kb/storage/sqlite-article-repository.js';
import { freshDataDir } from '../../helpers/start-mesa.js';

const starter = resolve('kb/starter');
const badArticles = resolve('test/fixtures/kb/bad-articles');
const at = new Date('2026-11-23T10:00:00Z');

function repository(): SqliteArticleRepository {
  return new SqliteArticleRepository(openDatabase(freshDataDir()));
}

describe('importing knowledge-base article files', () => {
  it('imports the starter KB: every topic in all four languages, published, with its steps', async () => {
    const articles = repository();
    const report = await importDirectory(starter, articles, { author: 'test', at });
    expect(report.failed).toEqual([]);
    expect(report.created).toBeGreaterThanOrEqual(80);
    const vpn = await articles.variantsOf('vpn-cannot-connect');
    expect(vpn.map((variant) => variant.language).sort()).toEqual(['en', 'es', 'it', 'pt']);
    for (const variant of vpn) {
      expect(variant.status).toBe('published');
      expect(variant.steps.length).toBeGreaterThanOrEqual(3);
      expect(variant.steps.every((step) => !step.includes('**'))).toBe(true);
    }
  });

  it('is idempotent: importing the same folder twice changes nothing', async () => {
    const articles = repository();
    await importDirectory(starter, articles, { author: 'test', at });
    const again = await importDirectory(starter, articles, { author: 'test', at });
    expect(again).toMatchObject({ created: 0, updated: 0, failed: [] });
    expect(again.unchanged).toBeGreaterThanOrEqual(80);
    expect(await articles.history('vpn-cannot-connect', 'es')).toHaveLength(1);
  });

  it('a changed file becomes a new version, with the old one kept in the history', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-'));
    cpSync(join(starter, 'es', 'vpn-cannot-connect.md'), join(dir, 'vpn.md'));
    const articles = repository();
    await importDirectory(dir, articles, { author: 'ana', at });
    const original = readFileSync(join(dir, 'vpn.md'), 'utf8');
    writeFileSync(join(dir, 'vpn.md'), original.replace(/^title: .*$/m, 'title: La VPN no conecta desde casa'));
    const report = await importDirectory(dir, articles, { author: 'luis', at: new Date('2026-11-24T10:00:00Z') });
    expect(report.updated).toBe(1);
    const history = await articles.history('vpn-cannot-connect', 'es');
    expect(history.map((version) => [version.version, version.author])).toEqual([[2, 'luis'], [1, 'ana']]);
    expect((await articles.findVariant('vpn-cannot-connect', 'es'))?.title).toBe('La VPN no conecta desde casa');
  });

  it('reports each bad file with its path and reason, and still imports the good one', async () => {
    const articles = repository();
    const report = await importDirectory(badArticles, articles, { author: 'test', at });
    expect(report.created).toBe(1);
    expect(await articles.findVariant('test-good-article', 'en')).not.toBeNull();
    const reasons = Object.fromEntries(report.failed.map((problem) => [problem.path.split('/').pop(), problem.reason]));
    expect(reasons['missing-id.md']).toMatch(/id/);
    expect(reasons['unknown-language.md']).toMatch(/language must be one of en, es, pt, it/);
    expect(reasons['invalid-yaml.md']).toMatch(/invalid YAML/);
    expect(reasons['no-front-matter.md']).toMatch(/no front matter/);
    expect(reasons['empty-title.md']).toMatch(/title/);
    expect(reasons['binary.md']).toMatch(/not UTF-8/);
    expect(reasons['duplicate-a.md']).toMatch(/duplicate: test-duplicate\/es is also defined in .*duplicate-b\.md/);
    expect(reasons['duplicate-b.md']).toMatch(/duplicate/);
    // Nothing half-written: neither duplicate was stored.
    expect(await articles.findVariant('test-duplicate', 'es')).toBeNull();
  });

  it('export writes the same format back: parse(format(article)) is the article', () => {
    const parsed = parseArticleFile(readFileSync(join(starter, 'pt', 'printer-not-printing.md')));
    if (!parsed.ok) throw new Error(parsed.reason);
    const again = parseArticleFile(Buffer.from(formatArticleFile(parsed.article)));
    expect(again).toEqual(parsed);
  });
});
