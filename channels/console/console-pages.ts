import express, { Router } from 'express';
import { join } from 'node:path';

// No inline script or style, no third parties: a title that somehow became markup still could not run.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** Serves the consoles at /console: the page, its stylesheet and the compiled browser modules. */
export function consolePagesRouter(projectRoot: string): Router {
  const router = Router();
  const source = join(projectRoot, 'channels/console/ui');
  const compiled = join(projectRoot, 'dist/channels/console/ui');
  router.use((_request, response, next) => {
    response.set('Content-Security-Policy', CSP);
    response.set('X-Frame-Options', 'DENY');
    next();
  });
  router.get('/', (_request, response) => {
    response.set('Cache-Control', 'no-cache');
    response.sendFile(join(source, 'console.html'));
  });
  router.get('/console.css', (_request, response) => {
    response.set('Cache-Control', 'no-cache');
    response.sendFile(join(source, 'console.css'));
  });
  // The dashboard's chart library, from its npm package (pinned in the lock file), never a CDN.
  router.get('/vendor/chart.umd.min.js', (_request, response) => {
    response.set('Cache-Control', 'public, max-age=86400');
    response.type('application/javascript').sendFile(join(projectRoot, 'node_modules/chart.js/dist/chart.umd.min.js'));
  });
  router.use('/js', express.static(compiled, { index: false, extensions: [], cacheControl: true, maxAge: 0, setHeaders: (response) => response.set('Cache-Control', 'no-cache') }));
  return router;
}
