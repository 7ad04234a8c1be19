// What the production build depends on, and a hash of it. One list, used by
// `npm start` (scripts/lib.mjs) and the test harness (tests/helpers/app-server.ts)
// to decide whether a build is stale. Plain Node, no dependencies: it runs
// before `npm ci` on a fresh clone.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Paths (relative to the repository) whose contents the build depends on; missing ones are skipped. */
export const BUILD_INPUTS = Object.freeze([
  'app',
  'lib',
  'server',
  'public',
  'proxy.ts',
  'instrumentation-client.ts',
  'middleware.ts',
  'next.config.js',
  'next.config.mjs',
  'next.config.ts',
  'package-lock.json',
  'postcss.config.mjs',
  'postcss.config.js',
  'tailwind.config.ts',
  'tailwind.config.js',
  'tsconfig.json',
]);

/** Adds a file, or a folder's files in name order, to `h`; skips dot files, node_modules and tests. */
function hashInto(h, abs, rel) {
  let stat;
  try {
    stat = fs.statSync(abs);
  } catch {
    return;
  }
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(abs).sort()) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      hashInto(h, path.join(abs, name), `${rel}/${name}`);
    }
  } else if (!/\.test\.tsx?$/.test(rel)) {
    h.update(`${rel}\0`);
    h.update(fs.readFileSync(abs));
    h.update('\0');
  }
}

/** sha256 (hex) over the names and contents of `inputs` under `root`. */
export function sourceHash(root, inputs = BUILD_INPUTS) {
  const h = crypto.createHash('sha256');
  for (const input of inputs) hashInto(h, path.join(root, input), input);
  return h.digest('hex');
}
