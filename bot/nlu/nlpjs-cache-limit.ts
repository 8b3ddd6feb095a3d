import type { Nlp } from '@nlpjs/nlp';

/*
 * NLP.js memoises every distinct message it sees (prepared tokens per NLU, tokens per tokenizer,
 * stems per word) and only forgets them after an hour, the stems never: ~1 KB per message, so a busy
 * service would hold hundreds of MB. Messages rarely repeat, so the memo buys little; Mesa drops it
 * every CLEAR_EVERY classifications. NLP.js recreates each cache lazily when it is missing or empty.
 */
const CLEAR_EVERY = 10_000;

interface MemoHolder {
  cache?: unknown;
}

/** Returns a function to call once per classification; every CLEAR_EVERY calls it empties NLP.js's memos. */
export function limitNlpjsCaches(nlp: Nlp, locales: readonly string[]): () => void {
  let calls = 0;
  return () => {
    calls += 1;
    if (calls < CLEAR_EVERY) return;
    calls = 0;
    for (const locale of locales) {
      for (const nlu of Object.values(nlp.nluManager.domainManagers[locale]?.domains ?? {})) {
        if (nlu) nlu.cache = undefined;
      }
      const tokenizer = nlp.container.get(`tokenizer-${locale}`) as MemoHolder | undefined;
      if (tokenizer) tokenizer.cache = undefined;
      // The stemmer reads its memo without checking it exists, so it gets an empty one instead.
      const stemmer = nlp.container.get(`stemmer-${locale}`) as MemoHolder | undefined;
      if (stemmer?.cache) stemmer.cache = {};
    }
  };
}
