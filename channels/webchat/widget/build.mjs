// Bundles the widget's modules into the one classic script integrators embed
// (dist/channels/webchat/widget/mesa-widget.js). Type checking is tsc's job (npm run lint).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

await build({
  entryPoints: [here('./boot.ts')],
  outfile: here('../../../dist/channels/webchat/widget/mesa-widget.js'),
  bundle: true,
  // An IIFE without a global name: nothing leaks onto the host page's window, nothing is loaded later.
  format: 'iife',
  platform: 'browser',
  target: 'es2020',
  loader: { '.css': 'text' },
  charset: 'utf8',
  legalComments: 'none',
  logLevel: 'warning',
});
