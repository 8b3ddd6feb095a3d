import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ArticleContent } from '../articles/article.js';
import type { ArticleRepository } from '../articles/article-repository.js';
import { parseArticleFile } from '../articles/article-file.js';

export interface ImportProblem {
  path: string;
  reason: string;
}

export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  failed: ImportProblem[];
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return markdownFiles(path);
      return entry.isFile() && entry.name.toLowerCase().endsWith('.md') ? [path] : [];
    });
}

/**
 * Imports every article file under `dir`, idempotent on (id, language). A bad file is reported with its
 * path and reason and the rest still imports; files that claim the same id and language are all refused,
 * because picking one of them would silently lose the other.
 */
export async function importDirectory(dir: string, repository: ArticleRepository, options: { author: string; at: Date }): Promise<ImportReport> {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`${dir} is not a directory`);
  const report: ImportReport = { created: 0, updated: 0, unchanged: 0, failed: [] };
  const byKey = new Map<string, Array<{ path: string; article: ArticleContent }>>();
  for (const path of markdownFiles(dir)) {
    const shown = relative(process.cwd(), path) || path;
    const parsed = parseArticleFile(readFileSync(path));
    if (!parsed.ok) {
      report.failed.push({ path: shown, reason: parsed.reason });
      continue;
    }
    const key = `${parsed.article.id}/${parsed.article.language}`;
    byKey.set(key, [...(byKey.get(key) ?? []), { path: shown, article: parsed.article }]);
  }
  for (const [key, files] of byKey) {
    if (files.length > 1) {
      const paths = files.map((file) => file.path);
      for (const file of files) report.failed.push({ path: file.path, reason: `duplicate: ${key} is also defined in ${paths.filter((p) => p !== file.path).join(', ')}` });
      continue;
    }
    const { outcome } = await repository.saveVariant(files[0]!.article, { author: options.author, status: 'published', at: options.at });
    report[outcome] += 1;
  }
  return report;
}
