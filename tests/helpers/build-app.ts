import { ensureBuilt } from './app-server';

/**
 * Builds the app for the tests ahead of time (`npm test` runs this beside the unit tests, so that the integration
 * and end-to-end suites find the build ready). Exits 0 when the build of the current sources exists, 1 with the
 * build's last lines when it failed; the integration suite then reports the same failure by itself.
 */
try {
  const { distDir, release } = await ensureBuilt();
  release();
  process.stderr.write(`[app-server] the build in ${distDir} is ready\n`);
} catch (err) {
  process.stderr.write(`[app-server] ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
