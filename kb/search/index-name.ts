import { createHash } from 'node:crypto';
import type { Vocabulary } from './vocabulary.js';

const PREFIX = 'mesa_articles';

// Bump when documents change shape in a way that needs all of them written again.
const DOCUMENT_SHAPE = 2;

/**
 * The articles index is named after what its documents are made of: their shape and the synonyms written
 * into them. Changing either names a new, empty index, which Mesa fills from the database as it starts
 * (applySettings says `created`), instead of searching documents written the old way.
 */
export function articleIndexName(vocabulary: Vocabulary): string {
  const made = JSON.stringify({ shape: DOCUMENT_SHAPE, synonyms: vocabulary.synonyms });
  return `${PREFIX}_${createHash('sha256').update(made).digest('hex').slice(0, 12)}`;
}

/** An articles index an earlier shape or vocabulary left behind (the first one had no suffix). */
export function isEarlierArticleIndex(uid: string, current: string): boolean {
  return uid !== current && (uid === PREFIX || new RegExp(`^${PREFIX}_[0-9a-f]{12}$`).test(uid));
}
