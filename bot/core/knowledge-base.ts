import type { Language } from './language.js';

/** An article the search found for a user's words. */
export interface KnowledgeHit {
  id: string;
  language: Language;
  title: string;
  /** How sure search is of the match (about 0.4 is the least it offers, above 1 is common for a close match). */
  confidence?: number;
}

/** A published article variant, as the bot walks it. */
export interface KnowledgeArticle {
  id: string;
  language: Language;
  title: string;
  /** The article's category (network, email, accounts…), which routes an escalation to the right skills. */
  category: string;
  steps: string[];
}

export type KnowledgeEvent = 'offered' | 'opened' | 'solved' | 'not_solved' | 'helpful' | 'not_helpful';

/** What the conversation core needs from the knowledge base, in its own words (kb/ implements it). */
export interface KnowledgeBase {
  /** Best matches first, only confident ones; throws a `search_unavailable` MesaError when search is down. */
  search(query: string, language: Language, limit: number): Promise<KnowledgeHit[]>;
  /** The published variant in `language`, or null when the article has none in that language. */
  article(id: string, language: Language): Promise<KnowledgeArticle | null>;
  /** Counts what happened with an article; stored with the turn, so a turn need not wait for it. */
  record(id: string, event: KnowledgeEvent, context: { conversationId: string; at: Date }): Promise<void>;
  /** Remembers a question nothing answered, for the knowledge managers' gaps report; stored with the turn. */
  recordGap(query: string, language: Language, context: { conversationId: string; at: Date }): Promise<void>;
}
