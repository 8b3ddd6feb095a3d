import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../../../bot/core/config-error.js';
import { teamsAppPackage } from './app-package.js';
import { readManifestSettings } from './teams-manifest.js';

/** `npm run teams:manifest [-- <file.zip>]`: writes the Teams app package (default dist/teams-app.zip). */
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const target = resolve(process.argv[2] ?? join(projectRoot, 'dist', 'teams-app.zip'));
try {
  const { version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string };
  const settings = readManifestSettings(process.env, version);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, teamsAppPackage(settings));
  process.stdout.write(`Wrote the Teams app package for bot ${settings.appId} (${settings.publicUrl.host}) to ${target}.\nUpload it in Teams: Apps > Manage your apps > Upload an app.\n`);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
}
