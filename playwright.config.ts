import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests in the system's Chromium (Playwright's browser download
 * does not work here) against the REAL app: tests/e2e/global-setup.ts builds
 * it if stale and starts web + realtime + job runner + SMTP sink, then publishes the
 * addresses through the environment (read here by each worker).
 */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// One output folder per run (set once here; workers inherit it): Playwright empties its output folder at the
// start, and several runs may share this working tree.
process.env.NWR_E2E_RUN ??= new Date().toISOString().replace(/[:.]/g, '-');

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/e2e/global-setup.ts',
  fullyParallel: false,
  // Two workers (each its own browser) against the one app. The suite is bound by Chromium's CPU (≈ 70 % of the
  // machine's CPU time in a run), so a second worker gains less than a cheaper browser does: 22.7 min with one
  // worker and full traces, 18.7 with two, 16.9 with two and traces without screenshots (2026-12-02).
  // NWR_E2E_WORKERS=1 runs the tests one at a time, e.g. to read one failure's log in order.
  workers: Number(process.env.NWR_E2E_WORKERS ?? 2),
  retries: 0, // tests must be stable; a retry would hide flakiness
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // The whole suite took 764 s (two workers) in the last fresh-clone CI run (2026-12-02); CI allows 90 min for all.
  globalTimeout: 35 * 60_000,
  reporter: process.env.CI
    ? [['list'], ['json', { outputFile: `test-results/e2e/${process.env.NWR_E2E_RUN}.json` }]]
    : [['list']],
  outputDir: `test-results/e2e/${process.env.NWR_E2E_RUN}`,
  use: {
    baseURL: process.env.NWR_E2E_URL,
    // A failed test keeps its trace: every action with its timing, the console and the network, and a
    // screenshot of the end (plus Playwright's error-context page snapshot). Without the trace's screencast and
    // DOM snapshots: recording them was most of the browser's CPU time (a meeting journey: 61 s with both, 46 s
    // with snapshots only, 38 s with no trace at all).
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: false, sources: true },
    screenshot: 'only-on-failure',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    locale: 'en-GB',
    timezoneId: 'UTC',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: CHROMIUM_PATH,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
});
