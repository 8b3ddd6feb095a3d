import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { request } from 'undici';
import { openDatabase } from '../../bot/storage/sqlite/open-database.js';
import { parseArticleFile } from '../../kb/articles/article-file.js';
import type { ArticleContent } from '../../kb/articles/article.js';
import { SqliteArticleRepository } from '../../kb/storage/sqlite-article-repository.js';
import { freshDataDir, startMesa } from '../helpers/start-mesa.js';
import { summarize, type LatencySummary } from './percentiles.js';
import { latencyLine } from './report.js';

export interface KbSearchPhase {
  variants: number;
  indexSeconds: number;
  latency: LatencySummary;
  /**
   * The same requests split by whether Mesa had been asked that exact question before: the eval set is
   * cycled, so most requests repeat one, and search remembers term lookups until the index changes.
   */
  firstAsked: LatencySummary;
  repeated: LatencySummary;
  errors: number;
}

function starterArticles(): ArticleContent[] {
  const root = resolve('kb/starter');
  return readdirSync(root).flatMap((language) =>
    readdirSync(join(root, language)).flatMap((file) => {
      const parsed = parseArticleFile(readFileSync(join(root, language, file)));
      return parsed.ok ? [parsed.article] : [];
    }),
  );
}

/** 10,000 published variants: the starter KB's texts under many ids, so the index is big and realistic in shape. */
async function seed(dataDir: string, total: number): Promise<void> {
  const db = openDatabase(dataDir);
  const articles = new SqliteArticleRepository(db);
  const base = starterArticles();
  const at = new Date();
  for (let i = 0; i < total; i += 1) {
    const source = base[i % base.length]!;
    const copy = Math.floor(i / base.length);
    await articles.saveVariant({ ...source, id: `${source.id}-${copy}`, title: `${source.title} (${copy})` }, { author: 'bench', status: 'published', at });
  }
  db.close();
}

/** KB search latency through Mesa's public API with 10,000 article variants indexed. */
export async function kbSearchPhase(total = 10_000, requests = 2_000): Promise<KbSearchPhase> {
  const dataDir = freshDataDir('mesa-bench-kb-');
  await seed(dataDir, total);
  const started = performance.now();
  // Mesa indexes the whole outbox before it reports ready.
  const mesa = await startMesa({ dataDir, env: { LOG_LEVEL: 'warn', MESA_STARTER_KB: 'off' }, timeoutMs: 600_000 });
  const indexSeconds = (performance.now() - started) / 1000;
  const queries = (JSON.parse(readFileSync(resolve('test/fixtures/kb/eval-queries.json'), 'utf8')) as Array<{ query: string; lang: string }>);
  const firstAsked: number[] = [];
  const repeated: number[] = [];
  const asked = new Set<string>();
  let errors = 0;
  for (let i = 0; i < requests; i += 1) {
    const { query, lang } = queries[i % queries.length]!;
    const url = `${mesa.url}/api/kb/search?${new URLSearchParams({ q: query, lang, limit: '3' })}`;
    const first = !asked.has(url);
    asked.add(url);
    const t0 = performance.now();
    const response = await request(url);
    await response.body.json();
    if (i >= 100) (first ? firstAsked : repeated).push(performance.now() - t0);
    if (response.statusCode !== 200) errors += 1;
  }
  await mesa.stop();
  return { variants: total, indexSeconds, latency: summarize([...firstAsked, ...repeated]), firstAsked: summarize(firstAsked), repeated: summarize(repeated), errors };
}

export function printKbSearch(phase: KbSearchPhase): void {
  console.log(`\n== KB search through GET /api/kb/search, ${phase.variants} published article variants ==`);
  console.log(`  startup with indexing  ${phase.indexSeconds.toFixed(1)} s`);
  console.log(`  latency         ${latencyLine(phase.latency)}   [one request at a time, after 100 warm-up]`);
  console.log(`    first asked   ${latencyLine(phase.firstAsked)}   [a question not asked before]`);
  console.log(`    repeated      ${latencyLine(phase.repeated)}   [the eval set cycled again]`);
  console.log(`  errors          ${phase.errors}`);
}
