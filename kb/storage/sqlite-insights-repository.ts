import type { KnowledgeEvent } from '../../bot/core/knowledge-base.js';
import type { Language } from '../../bot/core/language.js';
import { tickWriterFor, type TickWriter } from '../../bot/storage/sqlite/tick-writer.js';
import { migrate } from '../../bot/storage/sqlite/migrate.js';
import type { SqliteDatabase } from '../../bot/storage/sqlite/open-database.js';
import { gapKey } from '../insights/gap-key.js';
import type { ArticleMetrics, GapGroup, InsightsRepository } from '../insights/insights-repository.js';
import { kbMigrations } from './kb-migrations.js';

const EVENTS: KnowledgeEvent[] = ['offered', 'opened', 'solved', 'not_solved', 'helpful', 'not_helpful'];

interface GapRow {
  gap_key: string;
  language: Language;
  count: number;
  examples: string;
  last_at: string;
}

export class SqliteInsightsRepository implements InsightsRepository {
  private readonly statements;
  /** Events and gaps share the commit of the turn that records them. */
  private readonly writer: TickWriter;

  constructor(db: SqliteDatabase) {
    migrate(db, 'kb', kbMigrations);
    this.statements = {
      event: db.prepare('INSERT INTO kb_events (article_id, event, conversation_id, at) VALUES (?, ?, ?, ?)'),
      counts: db.prepare('SELECT event, COUNT(*) AS n FROM kb_events WHERE article_id = ? GROUP BY event'),
      gap: db.prepare('INSERT INTO kb_gaps (query, gap_key, language, conversation_id, at) VALUES (?, ?, ?, ?, ?)'),
      gaps: db.prepare(`SELECT gap_key, language, COUNT(*) AS count, json_group_array(query) AS examples, MAX(at) AS last_at
        FROM kb_gaps WHERE (@language IS NULL OR language = @language) GROUP BY language, gap_key ORDER BY count DESC, last_at DESC LIMIT CAST(@limit AS INTEGER)`),
    };
    this.writer = tickWriterFor(db);
  }

  async recordEvent(articleId: string, event: KnowledgeEvent, context: { conversationId: string; at: Date }): Promise<void> {
    await this.writer.submit({ write: () => this.statements.event.run(articleId, event, context.conversationId, context.at.toISOString()), durable: false });
  }

  async metrics(articleId: string): Promise<ArticleMetrics> {
    const metrics = Object.fromEntries(EVENTS.map((event) => [event, 0])) as ArticleMetrics;
    for (const row of this.statements.counts.all(articleId) as Array<{ event: KnowledgeEvent; n: number }>) metrics[row.event] = row.n;
    return metrics;
  }

  async recordGap(query: string, language: Language, context: { conversationId: string; at: Date }): Promise<void> {
    await this.writer.submit({ write: () => this.statements.gap.run(query, gapKey(query), language, context.conversationId, context.at.toISOString()), durable: false });
  }

  async gaps(options: { language?: Language; limit: number }): Promise<GapGroup[]> {
    const rows = this.statements.gaps.all({ language: options.language ?? null, limit: options.limit }) as GapRow[];
    return rows.map((row) => ({
      key: row.gap_key,
      language: row.language,
      count: row.count,
      examples: [...new Set(JSON.parse(row.examples) as string[])].slice(0, 5),
      lastAskedAt: new Date(row.last_at),
    }));
  }
}
