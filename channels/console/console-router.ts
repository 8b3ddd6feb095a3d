import { Router } from 'express';
import { MesaError } from '../../bot/core/errors.js';
import { isLanguage } from '../../bot/core/language.js';
import type { Translator } from '../../bot/i18n/translator.js';
import type { StaffAuth } from '../../bot/staff/staff-auth.js';
import type { ArticleRepository } from '../../kb/articles/article-repository.js';
import type { InsightsRepository } from '../../kb/insights/insights-repository.js';
import type { AnalystDesk } from '../../ticketing/desk/analyst-desk.js';
import type { KpiSource } from '../../ticketing/reports/kpi-source.js';
import { RateLimiter } from '../webchat/rate-limiter.js';
import { authRoutes } from './auth-routes.js';
import { csrfGuard } from './csrf.js';
import { deskRoutes } from './desk-routes.js';
import { kbRoutes } from './kb-routes.js';
import { kpiRoutes } from './kpi-routes.js';
import { staffRoutes } from './staff-routes.js';

export interface ConsoleApiOptions {
  auth: StaffAuth;
  articles: ArticleRepository;
  insights: InsightsRepository;
  translator: Translator;
  /** The analysts' desk; without it /desk answers 404 (the knowledge-base console still works). */
  desk?: AnalystDesk;
  /** Aborted when Mesa shuts down: the console's live streams end. */
  shutdown?: AbortSignal;
  clock?: () => Date;
  /** The service desk's figures; without it /kpis answers 404. */
  kpis?: KpiSource;
  /** Sign-in attempts one IP address may make per minute, whatever the emails. */
  loginAttemptsPerMinute?: number;
}

/** Everything under /api/console: sign-in, staff accounts, the knowledge managers' and the analysts' APIs, and the UI strings. */
export function consoleApiRouter(options: ConsoleApiOptions): Router {
  const clock = options.clock ?? (() => new Date());
  const router = Router();
  router.use(csrfGuard());
  router.use((_request, response, next) => {
    // Console answers are personal: never cached by a browser or a proxy.
    response.set('Cache-Control', 'no-store');
    next();
  });
  router.get('/i18n/:lang', (request, response) => {
    const language = request.params.lang;
    if (!isLanguage(language)) throw new MesaError('not_found', 'Unknown language.');
    // The console's own strings and its KPI dashboard's, one flat table for the UI.
    response.json({ ...options.translator.namespace(language, 'console'), ...options.translator.namespace(language, 'kpi') });
  });
  router.use(authRoutes(options.auth, new RateLimiter(options.loginAttemptsPerMinute ?? 30, () => clock().getTime())));
  router.use(staffRoutes(options.auth));
  router.use('/kb', kbRoutes({ auth: options.auth, articles: options.articles, insights: options.insights, clock }));
  if (options.kpis) router.use('/kpis', kpiRoutes({ auth: options.auth, kpis: options.kpis, translator: options.translator, clock }));
  if (options.desk) router.use('/desk', deskRoutes({ auth: options.auth, desk: options.desk, ...(options.shutdown ? { shutdown: options.shutdown } : {}) }));
  return router;
}
