import type { QueryEvidence, TermEvidence } from './article-index.js';
import type { TermEvidenceCache } from './term-evidence-cache.js';

/** What a search engine answers for a list of terms: their evidence, and the number of variants when asked. */
export interface Lookup {
  documents?: number;
  terms: TermEvidence[];
}

/** Where remembered evidence comes from, and how to tell whether it still holds. */
export interface EvidenceSource {
  /** The index's current version: changes whenever anything in the index does. */
  version(): Promise<string>;
  /** Looks `terms` up in one round trip; `count` also counts the published variants. */
  lookUp(terms: string[], count: boolean): Promise<Lookup>;
  /** The cache key of a term: whatever else shapes its evidence (tokenizer language, match limit) belongs in it. */
  keyOf(term: string): string;
}

/**
 * The evidence for `terms`, looking up only what `cache` does not hold for the index's current version. The
 * version check travels alongside those lookups, so a search costs one round trip as before — or only the
 * check, when every term is remembered. A version other than the cache's means the index changed: the
 * lookups that ran alongside may predate the change, so everything is looked up again, after the check.
 */
export async function rememberedEvidence(terms: string[], cache: TermEvidenceCache, source: EvidenceSource): Promise<QueryEvidence> {
  // Nothing remembered yet (the first search): learn the version first, so no lookup is wasted.
  if (cache.version === undefined) cache.useVersion(await source.version());
  const held = cache.version;
  const documents = cache.documents;
  const known = new Map<string, TermEvidence>();
  for (const term of terms) {
    const evidence = cache.get(source.keyOf(term));
    if (evidence) known.set(term, evidence);
  }
  const missing = terms.filter((term) => !known.has(term));
  const [version, alongside] = await Promise.all([source.version(), source.lookUp(missing, documents === undefined)]);
  let found = alongside;
  if (version !== held) {
    cache.useVersion(version);
    known.clear();
    found = await source.lookUp(terms, true);
  }
  cache.remember(version, found.terms.map((evidence) => [source.keyOf(evidence.term), evidence]), found.documents);
  for (const evidence of found.terms) known.set(evidence.term, evidence);
  return { documents: found.documents ?? documents ?? 0, terms: terms.map((term) => known.get(term)!) };
}
