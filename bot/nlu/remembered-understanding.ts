import { RecentlyUsed } from '../core/recently-used.js';
import type { Nlu, Understanding } from './nlu.js';

// Distinct messages remembered; a few MB at most.
const REMEMBERED_MESSAGES = 10_000;
// Longer messages are descriptions of a problem, which nobody writes twice the same way.
const MAX_REMEMBERED_LENGTH = 200;

/**
 * Chat is full of the same short messages ("hola", "thanks", "ayuda", "sí"), and reading one costs NLP.js
 * ~20 KB of garbage and tens of µs each time. The trained model does not change while Mesa runs, so the
 * reading of a message in a language is remembered. What is handed out is frozen: it is shared.
 */
export function rememberUnderstandings(nlu: Nlu): Nlu {
  const remembered = new RecentlyUsed<string, Understanding>(REMEMBERED_MESSAGES);
  return {
    detectLanguage: (text) => nlu.detectLanguage(text),
    async understand(text, language) {
      if (text.length > MAX_REMEMBERED_LENGTH) return nlu.understand(text, language);
      const key = `${language}:${text}`;
      const known = remembered.get(key);
      if (known) return known;
      const understanding = await nlu.understand(text, language);
      Object.freeze(understanding.alternatives);
      remembered.set(key, Object.freeze(understanding));
      return understanding;
    },
  };
}
