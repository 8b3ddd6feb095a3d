import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatArticleFile } from '../../kb/articles/article-file.js';
import { fail, openKbStorage } from './open-kb-storage.js';

/** `npm run kb:export -- <dir> [--all]`: writes published variants (or all with --all) as <dir>/<lang>/<id>.md. */
const args = process.argv.slice(2);
const dir = args.find((arg) => !arg.startsWith('--'));
if (!dir) fail('Usage: npm run kb:export -- <folder> [--all]');

const { db, articles } = openKbStorage();
const variants = await articles.listVariants(args.includes('--all') ? {} : { status: 'published' });
db.close();
for (const variant of variants) {
  const folder = join(resolve(dir), variant.language);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, `${variant.id}.md`), formatArticleFile(variant));
}
process.stdout.write(`Exported ${variants.length} article variants to ${dir}.\n`);
