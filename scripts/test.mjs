// `npm test`: every suite, once. Installs dependencies when missing or stale,
// then runs vitest's unit project (beside the app's build), its integration
// project, and Playwright (end-to-end in Chromium), prints a summary and ends with one
// plain line `N passed, N failed` (CI reads it). Exits non-zero when anything
// failed. Extra arguments go to vitest (e.g. `npm test -- lib/demo`); with
// arguments, Playwright is skipped unless NWR_E2E=1.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bin, bold, ensureDeps, green, log, red, ROOT, seconds } from './lib.mjs';

const t0 = Date.now();
ensureDeps();

const resultsDir = path.join(ROOT, 'test-results');
fs.mkdirSync(resultsDir, { recursive: true });
const vitestJson = path.join(resultsDir, 'vitest.json');
const vitestUnitJson = path.join(resultsDir, 'vitest-unit.json');
const vitestIntegrationJson = path.join(resultsDir, 'vitest-integration.json');
const e2eJson = path.join(resultsDir, 'e2e.json');
for (const file of [vitestJson, vitestUnitJson, vitestIntegrationJson, e2eJson]) fs.rmSync(file, { force: true });

const extra = process.argv.slice(2);
const env = { ...process.env, TZ: process.env.TZ ?? 'UTC', NEXT_TELEMETRY_DISABLED: '1' };

function run(name, cmd, args, extraEnv = {}) {
  const started = Date.now();
  log(bold(`${name}: ${path.basename(cmd)} ${args.join(' ')}`));
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...env, ...extraEnv }, stdio: 'inherit' });
    const forward = (sig) => child.kill(sig);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve({ code: code ?? (signal ? 1 : 0), time: seconds(started) });
    });
  });
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const rows = [];

function vitestRow(name, file, res) {
  const r = readJson(file);
  const passed = r?.numPassedTests ?? 0;
  let failed = r?.numFailedTests ?? 0;
  const skipped = (r?.numPendingTests ?? 0) + (r?.numTodoTests ?? 0);
  // A file that failed to load (or a failing hook) has no failed test of its own: count it once.
  for (const file of r?.testResults ?? []) {
    if (file.status === 'failed' && !(file.assertionResults ?? []).some((a) => a.status === 'failed')) failed++;
  }
  if (!r && res.code !== 0) failed++; // crashed before writing results
  if (r && res.code !== 0 && failed === 0) failed++; // e.g. global setup failed or an unhandled error
  return { name, passed, failed, skipped, time: res.time, code: res.code };
}

const vitestArgs = (file) => ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`];

if (extra.length === 0) {
  // 1. The unit project while the app is built for the integration and end-to-end suites: vitest would
  // otherwise run every project's global setup (the build, ≈ 3 min on a fresh clone) before its first file,
  // and the unit files mostly wait (kill -9 and restart, idle sockets) rather than use both cores.
  const build = run('build', bin('tsx'), ['tests/helpers/build-app.ts']);
  const unit = await run('vitest unit', bin('vitest'), [...vitestArgs(vitestUnitJson), '--project', 'unit']);
  rows.push(vitestRow('unit', vitestUnitJson, unit));
  await build; // a failed build shows again, with its reason, in the integration suite's global setup
  // 2. The integration project against one real app (built above).
  const integration = await run('vitest integration', bin('vitest'), [
    ...vitestArgs(vitestIntegrationJson),
    '--project',
    'integration',
  ]);
  rows.push(vitestRow('integration', vitestIntegrationJson, integration));
} else {
  // Narrowed to some files: one vitest run over every project.
  const vitest = await run('vitest', bin('vitest'), [...vitestArgs(vitestJson), ...extra]);
  rows.push(vitestRow('vitest', vitestJson, vitest));
}

// 3. Playwright (Chromium), unless vitest was narrowed to some files.
if (extra.length === 0 || process.env.NWR_E2E === '1') {
  const pw = await run('playwright', bin('playwright'), ['test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_FILE: e2eJson,
  });
  const r = readJson(e2eJson);
  const s = r?.stats ?? {};
  let failed = (s.unexpected ?? 0) + (s.flaky ?? 0);
  if (r?.errors?.length) failed += r.errors.length; // global setup or config errors
  if (pw.code !== 0 && failed === 0) failed = 1;
  rows.push({
    name: 'playwright',
    passed: s.expected ?? 0,
    failed,
    skipped: s.skipped ?? 0,
    time: pw.time,
    code: pw.code,
  });
}

const passed = rows.reduce((n, r) => n + r.passed, 0);
const failed = rows.reduce((n, r) => n + r.failed, 0);
const skipped = rows.reduce((n, r) => n + r.skipped, 0);
console.log('');
console.log(bold('Summary'));
for (const r of rows) {
  const status = r.failed || r.code ? red('FAILED') : green('ok');
  console.log(
    `  ${r.name.padEnd(11)} ${status.padEnd(6)}  ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped  (${r.time})`,
  );
}
console.log(`  total time ${seconds(t0)}${skipped ? `; ${skipped} skipped (see the SKIPPING notes above)` : ''}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || rows.some((r) => r.code !== 0) ? 1 : 0);
