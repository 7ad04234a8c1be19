/**
 * Writes docs/permissions.md from the policies in lib/policies
 * (`npm run docs:permissions`). `--check` exits 1 when the committed file is
 * stale instead of writing it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { permissionsMarkdown } from '../lib/policies/matrix';

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/permissions.md');
const wanted = permissionsMarkdown();
if (process.argv.includes('--check')) {
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (current !== wanted) {
    console.error('docs/permissions.md is stale: run `npm run docs:permissions` and commit it.');
    process.exit(1);
  }
  console.log('docs/permissions.md is up to date.');
} else {
  fs.writeFileSync(file, wanted);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
