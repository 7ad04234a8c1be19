import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * Two projects, both run by `vitest run`:
 * - unit: tests beside the code and the contract/realtime suites, which start
 *   what they need themselves (in-process servers, fresh databases);
 * - integration: tests/integration/**, which share ONE real app (production
 *   build, web + realtime + job runner, SMTP sink) started by its global setup.
 * `vitest run --project unit` runs only the fast ones.
 */
export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // At least three files at once, even on 2 cores: many files mostly wait (kill -9 and restart, a 35-s idle
    // connection, mail relays), and vitest's default (cores − 1) ran one file at a time here: 475 s for the
    // whole run, 306 s with three (2026-12-02, the app already built; on a fresh clone `npm test` builds the app beside the unit project, scripts/test.mjs).
    maxWorkers: Math.max(3, os.availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'lib/**/*.test.ts',
            'server/**/*.test.ts',
            'app/**/*.test.ts',
            'tests/contract/**/*.test.ts',
            'tests/realtime/**/*.test.ts',
            'tests/jobs/**/*.test.ts',
            'tests/helpers/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/integration/global-setup.ts'],
          testTimeout: 60_000,
          // Starting a whole app (web, realtime, job runner; on PostgreSQL with its migrations) next to the other
          // files' apps once took more than 120 s on the 2-core machine.
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
