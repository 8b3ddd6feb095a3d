import { Router } from 'express';
import { LANGUAGES } from '../../bot/core/language.js';
import { MesaError } from '../../bot/core/errors.js';
import type { StaffAuth } from '../../bot/staff/staff-auth.js';
import type { ArticleVariant, ArticleVersion } from '../../kb/articles/article.js';
import type { GapGroup } from '../../kb/insights/insights-repository.js';
import type { ArticleRepository } from '../../kb/articles/article-repository.js';
import type { InsightsRepository } from '../../kb/insights/insights-repository.js';
import { parseWith } from '../http/parse-with.js';
import { assertTransition, statusAfterEdit, TRANSITIONS } from './article-workflow.js';
import { summarizeArticles } from './article-summary.js';
import { articleBody, articleId, articleListQuery, gapsQuery, previewBody, statusBody, variantParams } from './console-schemas.js';
import { extractSteps } from '../../kb/articles/extract-steps.js';
import { parseArticle } from '../../kb/articles/article-markdown.js';
import type * as Wire from './kb-wire.js';
import { requireRole, requireSignedIn, staffOf } from './require-staff.js';

export interface KbRoutesOptions {
  auth: StaffAuth;
  articles: ArticleRepository;
  insights: InsightsRepository;
  clock: () => Date;
}

function variantJson(variant: ArticleVariant): Wire.Variant {
  const { steps: _steps, updatedAt, ...rest } = variant;
  return { ...rest, updatedAt: updatedAt.toISOString(), nextStatuses: [...TRANSITIONS[variant.status]] };
}

function versionJson(version: ArticleVersion): Wire.Version {
  return { version: version.version, status: version.status, author: version.author, createdAt: version.createdAt.toISOString(), title: version.title };
}

function gapJson(gap: GapGroup): Wire.Gap {
  return { ...gap, lastAskedAt: gap.lastAskedAt.toISOString() };
}

/** The knowledge managers' API: list, read, edit, move through the workflow, history, gaps. */
export function kbRoutes({ auth, articles, insights, clock }: KbRoutesOptions): Router {
  const router = Router();
  router.use(requireSignedIn(auth), requireRole('knowledge_manager'));

  router.get('/articles', async (request, response) => {
    const query = parseWith(articleListQuery, request.query, 'query');
    const { q, status, language } = query;
    response.json({ articles: summarizeArticles(await articles.listVariants(), { ...(q ? { q } : {}), ...(status ? { status } : {}), ...(language ? { language } : {}) }) });
  });

  router.get('/articles/:id', async (request, response) => {
    const id = parseWith(articleId, request.params.id, 'article id');
    const variants = await articles.variantsOf(id);
    if (variants.length === 0) throw new MesaError('not_found', 'No such article.');
    const present = new Set(variants.map((variant) => variant.language));
    response.json({
      id,
      variants: variants.map(variantJson),
      missingLanguages: LANGUAGES.filter((language) => !present.has(language)),
      metrics: await insights.metrics(id),
    } satisfies Wire.ArticleDetail);
  });

  router.put('/articles/:id/:lang', async (request, response) => {
    const { id, lang } = parseWith(variantParams, request.params, 'path');
    const body = parseWith(articleBody, request.body, 'request body');
    const staff = staffOf(response);
    const status = statusAfterEdit({ isAdmin: staff.roles.includes('admin'), publish: body.publish === true });
    const saved = await articles.saveVariant(
      { id, language: lang, title: body.title, body: body.body, category: body.category, tags: body.tags },
      { author: staff.email, status, at: clock() },
    );
    const variant = await articles.findVariant(id, lang);
    response.status(saved.outcome === 'created' ? 201 : 200).json({ outcome: saved.outcome, variant: variantJson(variant!) });
  });

  router.post('/articles/:id/:lang/status', async (request, response) => {
    const { id, lang } = parseWith(variantParams, request.params, 'path');
    const { status } = parseWith(statusBody, request.body, 'request body');
    const current = await articles.findVariant(id, lang);
    if (!current) throw new MesaError('not_found', 'No such article variant.');
    assertTransition(current.status, status);
    const updated = await articles.setStatus(id, lang, status, { author: staffOf(response).email, at: clock() });
    if (!updated) throw new MesaError('not_found', 'No such article variant.');
    response.json({ variant: variantJson(updated) });
  });

  router.get('/articles/:id/:lang/history', async (request, response) => {
    const { id, lang } = parseWith(variantParams, request.params, 'path');
    const versions = await articles.history(id, lang);
    if (versions.length === 0) throw new MesaError('not_found', 'No such article variant.');
    response.json({ versions: versions.map(versionJson) });
  });

  // The editor's live preview: the server's own reading of the body, so it cannot differ from what the bot says.
  router.post('/preview', (request, response) => {
    const { body } = parseWith(previewBody, request.body, 'request body');
    response.json({ blocks: parseArticle(body), steps: extractSteps(body) });
  });

  router.get('/gaps', async (request, response) => {
    const { language, limit } = parseWith(gapsQuery, request.query, 'query');
    const gaps = await insights.gaps({ ...(language ? { language } : {}), limit });
    response.json({ gaps: gaps.map(gapJson) });
  });

  return router;
}
