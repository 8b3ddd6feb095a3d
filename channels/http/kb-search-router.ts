import { Router } from 'express';
import { z } from 'zod';
import { MesaError } from '../../bot/core/errors.js';
import { LANGUAGES } from '../../bot/core/language.js';
import { CONTROL_CHARACTERS } from '../../bot/core/limits.js';
import type { HitSource } from '../../kb/knowledge-base-service.js';
import { parseWith } from './parse-with.js';

const MAX_QUERY = 1000;

const searchQuery = z.object({
  q: z.string({ message: 'q is required' }).trim().min(1, 'q must not be empty').max(MAX_QUERY, `q must be at most ${MAX_QUERY} characters`),
  lang: z.enum(LANGUAGES).default('en'),
  limit: z.coerce.number().int().min(1).max(20).default(5),
});

/** GET /api/kb/search (design.md §4): published articles only, best first. */
export function kbSearchRouter(search: HitSource): Router {
  const router = Router();
  router.get('/search', async (request, response) => {
    const query = parseWith(searchQuery, request.query, 'query');
    if (CONTROL_CHARACTERS.test(query.q)) throw new MesaError('control_characters', 'The query contains control characters.');
    const hits = await search.search(query.q, { language: query.lang, limit: query.limit });
    response.json({ hits: hits.map(({ id, language, title }) => ({ id, language, title })) });
  });
  return router;
}
