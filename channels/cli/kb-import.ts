import { resolve } from 'node:path';
import { statSync } from 'node:fs';
import { importDirectory } from '../../kb/import/import-directory.js';
import { fail, openKbStorage } from './open-kb-storage.js';

/** `npm run kb:import -- <dir>`: imports article files; a running Mesa indexes them within a second. */
const dir = process.argv[2];
if (!dir) fail('Usage: npm run kb:import -- <folder with article .md files>');
if (!statSync(resolve(dir), { throwIfNoEntry: false })?.isDirectory()) fail(`${dir} is not a folder.`);

const { db, articles, dataDir } = openKbStorage();
const report = await importDirectory(resolve(dir), articles, { author: 'kb:import', at: new Date() });
db.close();

process.stdout.write(`Imported ${dir} into ${dataDir}: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.failed.length} refused.\n`);
for (const problem of report.failed) process.stdout.write(`  refused ${problem.path}: ${problem.reason}\n`);
if (report.created + report.updated > 0) process.stdout.write('Search picks the changes up within a second if Mesa is running, or when it next starts.\n');
process.exitCode = report.failed.length > 0 ? 1 : 0;
