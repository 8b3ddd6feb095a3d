import type { Language } from '../../bot/core/language.js';
import type { AnalystProfile } from '../desk/analyst-desk.js';

/** An analyst who might take a ticket, as the assignment rule sees them. */
export interface Candidate {
  profile: AnalystProfile;
  /** Live conversations they hold now. */
  load: number;
  lastAssignedAt: Date | null;
}

export function handles(profile: AnalystProfile, language: Language, category: string): boolean {
  return profile.languages.includes(language) && (profile.categories.includes('*') || profile.categories.includes(category));
}

/**
 * The fair pick for a pushed ticket: among those who speak its language, know its category and have room,
 * the one with the fewest live conversations, then the one who has waited longest since their last ticket
 * (never assigned counts as longest). Null when nobody fits: the ticket waits to be claimed.
 */
export function pickAnalyst(candidates: readonly Candidate[], ticket: { language: Language; category: string }): Candidate | null {
  const eligible = candidates.filter((candidate) => candidate.load < candidate.profile.capacity && handles(candidate.profile, ticket.language, ticket.category));
  const since = (candidate: Candidate): number => candidate.lastAssignedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  eligible.sort((a, b) => a.load - b.load || since(a) - since(b) || a.profile.analystId.localeCompare(b.profile.analystId));
  return eligible[0] ?? null;
}
