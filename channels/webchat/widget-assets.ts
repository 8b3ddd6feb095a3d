import { Router } from 'express';
import { join } from 'node:path';

/** Serves the demo intranet page at / and the compiled widget script that embeds the chat anywhere. */
export function widgetAssetsRouter(projectRoot: string): Router {
  const router = Router();
  const demoPage = join(projectRoot, 'channels/webchat/widget/demo.html');
  const widgetScript = join(projectRoot, 'dist/channels/webchat/widget/mesa-widget.js');
  router.get('/', (_request, response) => {
    response.set('Content-Security-Policy', "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:");
    response.sendFile(demoPage);
  });
  router.get('/widget/mesa-widget.js', (_request, response) => {
    response.set('Cache-Control', 'no-cache');
    response.set('Access-Control-Allow-Origin', '*');
    response.type('application/javascript').sendFile(widgetScript);
  });
  return router;
}
