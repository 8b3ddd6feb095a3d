import { createHash } from 'node:crypto';
import type { Language } from '../../bot/core/language.js';
import { migrate } from '../../bot/storage/sqlite/migrate.js';
import type { SqliteDatabase } from '../../bot/storage/sqlite/open-database.js';
import type { ArticleContent, ArticleStatus, ArticleVariant, ArticleVersion } from '../articles/article.js';
import type { ArticleRepository, IndexChange, SaveOutcome, VariantFilter } from '../articles/article-repository.js';
import { extractSteps } from '../articles/extract-steps.js';
import { kbMigrations } from './kb-migrations.js';

interface VariantRow {
  article_id: string;
  language: Language;
  title: string;
  body: string;
  category: string;
  tags: string;
  steps: string;
  status: ArticleStatus;
  version: number;
  content_hash: string;
  updated_at: string;
  updated_by: string;
}

interface VersionRow {
  article_id: string;
  language: Language;
  version: number;
  title: string;
  body: string;
  category: string;
  tags: string;
  status: ArticleStatus;
  author: string;
  created_at: string;
}

function toVariant(row: VariantRow): ArticleVariant {
  return {
    id: row.article_id,
    language: row.language,
    title: row.title,
    body: row.body,
    category: row.category,
    tags: JSON.parse(row.tags) as string[],
    steps: JSON.parse(row.steps) as string[],
    status: row.status,
    version: row.version,
    updatedAt: new Date(row.updated_at),
    updatedBy: row.updated_by,
  };
}

function hashContent(content: ArticleContent): string {
  return createHash('sha256').update(JSON.stringify([content.title, content.body, content.category, content.tags])).digest('hex');
}

/** Articles on the embedded SQLite database; every change also queues the variant for the search index. */
export class SqliteArticleRepository implements ArticleRepository {
  private readonly statements;

  constructor(private readonly db: SqliteDatabase) {
    migrate(db, 'kb', kbMigrations);
    this.statements = {
      find: db.prepare('SELECT * FROM kb_variants WHERE article_id = ? AND language = ?'),
      ofArticle: db.prepare('SELECT * FROM kb_variants WHERE article_id = ? ORDER BY language'),
      all: db.prepare('SELECT * FROM kb_variants WHERE (@status IS NULL OR status = @status) AND (@language IS NULL OR language = @language) ORDER BY article_id, language'),
      upsert: db.prepare(`INSERT INTO kb_variants (article_id, language, title, body, category, tags, steps, status, version, content_hash, updated_at, updated_by)
        VALUES (@id, @language, @title, @body, @category, @tags, @steps, @status, @version, @hash, @at, @author)
        ON CONFLICT (article_id, language) DO UPDATE SET title = @title, body = @body, category = @category, tags = @tags, steps = @steps,
          status = @status, version = @version, content_hash = @hash, updated_at = @at, updated_by = @author`),
      setStatus: db.prepare('UPDATE kb_variants SET status = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE article_id = ? AND language = ?'),
      addVersion: db.prepare(`INSERT INTO kb_versions (article_id, language, version, title, body, category, tags, status, author, created_at)
        SELECT article_id, language, version, title, body, category, tags, status, updated_by, updated_at FROM kb_variants WHERE article_id = ? AND language = ?`),
      history: db.prepare('SELECT * FROM kb_versions WHERE article_id = ? AND language = ? ORDER BY version DESC'),
      enqueue: db.prepare('INSERT INTO kb_index_outbox (article_id, language, created_at) VALUES (?, ?, ?)'),
      enqueueAll: db.prepare('INSERT INTO kb_index_outbox (article_id, language, created_at) SELECT article_id, language, ? FROM kb_variants'),
      pending: db.prepare('SELECT seq, article_id AS id, language FROM kb_index_outbox ORDER BY seq LIMIT CAST(? AS INTEGER)'),
      done: db.prepare('DELETE FROM kb_index_outbox WHERE seq = ?'),
    };
  }

  async saveVariant(content: ArticleContent, options: { author: string; status: ArticleStatus; at: Date }): Promise<{ outcome: SaveOutcome; version: number }> {
    return this.db.transaction(() => {
      const existing = this.statements.find.get(content.id, content.language) as VariantRow | undefined;
      const hash = hashContent(content);
      if (existing && existing.content_hash === hash && existing.status === options.status) return { outcome: 'unchanged' as const, version: existing.version };
      const version = (existing?.version ?? 0) + 1;
      const at = options.at.toISOString();
      this.statements.upsert.run({
        id: content.id,
        language: content.language,
        title: content.title,
        body: content.body,
        category: content.category,
        tags: JSON.stringify(content.tags),
        steps: JSON.stringify(extractSteps(content.body)),
        status: options.status,
        version,
        hash,
        at,
        author: options.author,
      });
      this.statements.addVersion.run(content.id, content.language);
      this.statements.enqueue.run(content.id, content.language, at);
      return { outcome: existing ? ('updated' as const) : ('created' as const), version };
    })();
  }

  async setStatus(id: string, language: Language, status: ArticleStatus, options: { author: string; at: Date }): Promise<ArticleVariant | null> {
    return this.db.transaction(() => {
      const at = options.at.toISOString();
      if (this.statements.setStatus.run(status, at, options.author, id, language).changes === 0) return null;
      this.statements.addVersion.run(id, language);
      this.statements.enqueue.run(id, language, at);
      return toVariant(this.statements.find.get(id, language) as VariantRow);
    })();
  }

  async findVariant(id: string, language: Language): Promise<ArticleVariant | null> {
    const row = this.statements.find.get(id, language) as VariantRow | undefined;
    return row ? toVariant(row) : null;
  }

  async variantsOf(id: string): Promise<ArticleVariant[]> {
    return (this.statements.ofArticle.all(id) as VariantRow[]).map(toVariant);
  }

  async listVariants(filter: VariantFilter = {}): Promise<ArticleVariant[]> {
    return (this.statements.all.all({ status: filter.status ?? null, language: filter.language ?? null }) as VariantRow[]).map(toVariant);
  }

  async history(id: string, language: Language): Promise<ArticleVersion[]> {
    return (this.statements.history.all(id, language) as VersionRow[]).map((row) => ({
      id: row.article_id,
      language: row.language,
      version: row.version,
      title: row.title,
      body: row.body,
      category: row.category,
      tags: JSON.parse(row.tags) as string[],
      status: row.status,
      author: row.author,
      createdAt: new Date(row.created_at),
    }));
  }

  async pendingIndexChanges(limit: number): Promise<IndexChange[]> {
    return this.statements.pending.all(limit) as IndexChange[];
  }

  async markIndexed(seqs: number[]): Promise<void> {
    this.db.transaction(() => {
      for (const seq of seqs) this.statements.done.run(seq);
    })();
  }

  async requeueAll(): Promise<number> {
    return this.statements.enqueueAll.run(new Date().toISOString()).changes;
  }
}
