import type { MatchedField, QueryEvidence, TermMatch } from '../../../kb/search/article-index.js';
import { DEFAULT_TUNING } from '../../../kb/search/article-search.js';
import { pickVariants } from '../../../kb/search/pick-variants.js';
import { scoreEvidence } from '../../../kb/search/score-evidence.js';

function match(id: string, field: MatchedField, options: { language?: 'en' | 'es'; typos?: number } = {}): TermMatch {
  return { id, language: options.language ?? 'en', title: `${id} (${options.language ?? 'en'})`, field, typos: options.typos ?? 0 };
}

function evidence(...terms: Array<[string, number, TermMatch[]]>): QueryEvidence {
  return { documents: 100, terms: terms.map(([term, documents, matches]) => ({ term, documents, matches })) };
}

describe('how matches become a ranking', () => {
  it('ranks a rare word in a title above a common word in the steps', () => {
    const scored = scoreEvidence(evidence(['vpn', 4, [match('vpn', 'title')]], ['restart', 60, [match('laptop-slow', 'steps')]]), DEFAULT_TUNING);
    expect(scored.map((variant) => variant.id)).toEqual(['vpn', 'laptop-slow']);
  });

  it('counts a match that needed a typo for less', () => {
    const [exact, typo] = scoreEvidence(evidence(['printer', 8, [match('exact', 'title'), match('typo', 'title', { typos: 1 })]]), DEFAULT_TUNING);
    expect(exact!.relevance).toBeGreaterThan(typo!.relevance);
  });

  it('lowers confidence, not the order, for words no article knows', () => {
    const printer: [string, number, TermMatch[]] = ['printer', 8, [match('printer', 'title'), match('jam', 'body')]];
    const plain = scoreEvidence(evidence(printer), DEFAULT_TUNING);
    const withUnknown = scoreEvidence(evidence(printer, ['lasagna', 0, []]), DEFAULT_TUNING);
    expect(withUnknown.map((variant) => variant.id)).toEqual(plain.map((variant) => variant.id));
    expect(withUnknown[0]!.confidence / plain[0]!.confidence).toBeLessThan(withUnknown[0]!.relevance / plain[0]!.relevance);
  });

  it('has nothing to rank when nothing matched', () => {
    expect(scoreEvidence(evidence(['lasagna', 0, []]), DEFAULT_TUNING)).toEqual([]);
    expect(scoreEvidence({ documents: 0, terms: [] }, DEFAULT_TUNING)).toEqual([]);
  });
});

describe('one hit per article, in the user’s language when it matched well', () => {
  const variants = (esRelevance: number) => [
    { id: 'vpn', language: 'en' as const, title: 'VPN', relevance: 0.9, confidence: 1 },
    { id: 'vpn', language: 'es' as const, title: 'La VPN', relevance: esRelevance, confidence: 0.4 },
    { id: 'wifi', language: 'en' as const, title: 'Wi-Fi', relevance: 0.5, confidence: 0.5 },
  ];

  it('shows the Spanish variant to a Spanish speaker when it matched almost as well', () => {
    const picked = pickVariants(variants(0.8), 'es', DEFAULT_TUNING.ownLanguageShare);
    expect(picked.map(({ id, language }) => `${id}/${language}`)).toEqual(['vpn/es', 'wifi/en']);
    // The article counts as strongly as its best variant.
    expect(picked[0]).toMatchObject({ relevance: 0.9, confidence: 1 });
  });

  it('shows the variant that matched when the Spanish one barely did', () => {
    expect(pickVariants(variants(0.1), 'es', DEFAULT_TUNING.ownLanguageShare)[0]).toMatchObject({ id: 'vpn', language: 'en' });
  });
});
