import type { TermEvidence } from './article-index.js';

/**
 * Term lookups remembered for one version of the index. A service desk hears the same words all day ("vpn",
 * "password", "outlook"), so most terms of a new question were looked up minutes ago, and a repeated
 * question needs no lookup at all. Every entry belongs to the version of the index it was looked up in
 * (Meilisearch's `updatedAt`, which any indexing task changes, or for the bundled Meilisearch, which only
 * Mesa writes to, a count of Mesa's own writes): the first search that sees another version drops them all,
 * so an article published, edited or retired is never answered from memory.
 */
export class TermEvidenceCache {
  private current: string | undefined;
  private readonly terms = new Map<string, TermEvidence>();
  private documentCount: number | undefined;

  /** @param maxTerms entries kept; the least recently used go first. */
  constructor(private readonly maxTerms: number) {}

  /** The index version the entries belong to; undefined before the first search. */
  get version(): string | undefined {
    return this.current;
  }

  /** Makes `version` current; a different one drops every entry. */
  useVersion(version: string): void {
    if (version === this.current) return;
    this.current = version;
    this.terms.clear();
    this.documentCount = undefined;
  }

  get documents(): number | undefined {
    return this.documentCount;
  }

  get(key: string): TermEvidence | undefined {
    const evidence = this.terms.get(key);
    if (evidence) {
      // A Map iterates in insertion order: re-inserting makes this the most recently used entry.
      this.terms.delete(key);
      this.terms.set(key, evidence);
    }
    return evidence;
  }

  /** Remembers what was looked up in `version`; ignored when the index has moved on meanwhile. */
  remember(version: string, entries: Array<[key: string, evidence: TermEvidence]>, documents?: number): void {
    if (version !== this.current) return;
    if (documents !== undefined) this.documentCount = documents;
    for (const [key, evidence] of entries) {
      this.terms.delete(key);
      this.terms.set(key, evidence);
    }
    for (const key of this.terms.keys()) {
      if (this.terms.size <= this.maxTerms) break;
      this.terms.delete(key);
    }
  }
}
