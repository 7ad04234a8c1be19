import fs from 'node:fs';
import { startApp } from '../helpers/app-server';

/**
 * Starts the real app once for the whole Playwright run and publishes it to
 * the workers via the environment: NWR_E2E_URL (also `baseURL`),
 * NWR_E2E_REALTIME_URL, NWR_E2E_SMTP_DIR, NWR_E2E_DATA_DIR. Without Chromium
 * the run skips loudly (NWR_E2E_SKIP), or fails under REQUIRE_SERVICES=1.
 */
export default async function globalSetup() {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) {
    const msg = `chromium is not available (${chromium})`;
    if (process.env.REQUIRE_SERVICES === '1') throw new Error(`REQUIRE_SERVICES=1 and ${msg}`);
    console.warn(`\n*** SKIPPING every end-to-end test: ${msg}. These tests did NOT run. ***\n`);
    process.env.NWR_E2E_SKIP = msg;
    return;
  }
  const app = await startApp();
  process.env.NWR_E2E_URL = app.url;
  process.env.NWR_E2E_REALTIME_URL = app.realtimeUrl;
  process.env.NWR_E2E_SMTP_DIR = app.smtp.dir;
  process.env.NWR_E2E_DATA_DIR = app.dataDir;
  console.log(`[e2e] app at ${app.url}, realtime at ${app.realtimeUrl}`);
  return async () => {
    await app.stop();
  };
}
