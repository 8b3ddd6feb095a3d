import express, { type Express, type Router } from 'express';
import type { Translator } from '../../bot/i18n/translator.js';
import type { Logger } from '../../bot/logger.js';
import { errorHandler, notFoundHandler } from './error-handler.js';

export interface HttpAppOptions {
  translator: Translator;
  logger: Logger;
  /** Answers /healthz: ok once storage and search are ready, not while stopping. */
  health: () => 'ok' | 'starting' | 'stopping';
  /** Routers mounted by path, e.g. { '/api/chat': webchat }. */
  routes: Array<[path: string, router: Router]>;
  /** Routers that read the raw body themselves (signed webhooks), mounted before the JSON parser. */
  rawRoutes?: Array<[path: string, router: Router]>;
}

/** The one HTTP server Mesa listens on: APIs, widget, consoles. */
export function createHttpApp({ translator, logger, health, routes, rawRoutes = [] }: HttpAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // API answers are never revalidated (a long-poll's answer changes by design), so hashing each body for an
  // ETag is wasted work; files sent with sendFile and express.static keep theirs.
  app.set('etag', false);
  app.use((_request, response, next) => {
    response.set('X-Content-Type-Options', 'nosniff');
    response.set('Referrer-Policy', 'no-referrer');
    next();
  });
  for (const [path, router] of rawRoutes) app.use(path, router);
  app.use(express.json({ limit: '64kb', strict: true, type: ['application/json', 'application/*+json', 'text/plain'] }));
  app.get('/healthz', (_request, response) => {
    const status = health();
    response.status(status === 'ok' ? 200 : 503).json({ status });
  });
  for (const [path, router] of routes) app.use(path, router);
  app.use(notFoundHandler());
  app.use(errorHandler(translator, logger));
  return app;
}
