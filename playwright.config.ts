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
  workers: process.env.CI ? 1 : 2,
  retries: 0, // tests must be stable; a retry would hide flakiness
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // The whole suite with one worker takes ≈ 6 min on a quiet 2-core machine and 15–21 min while other heavy work
  // shares it; CI allows 90 min for everything.
  globalTimeout: 35 * 60_000,
  reporter: process.env.CI
    ? [['list'], ['json', { outputFile: `test-results/e2e/${process.env.NWR_E2E_RUN}.json` }]]
    : [['list']],
  outputDir: `test-results/e2e/${process.env.NWR_E2E_RUN}`,
  use: {
    baseURL: process.env.NWR_E2E_URL,
    trace: 'retain-on-failure',
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
