// `npm start`: from a fresh clone to a running Netzwerkraum, nothing else to
// install or start. Installs dependencies and builds only when needed (hash
// stamps in .stamps/), migrates, seeds the demo network on first run in the
// embedded default, then runs the web app and the realtime server and stays
// in the foreground until Ctrl-C (or until one of them dies).
import fs from 'node:fs';
import path from 'node:path';
import {
  bin,
  bold,
  checkEnv,
  ensureBuild,
  ensureDeps,
  green,
  localHost,
  log,
  red,
  ROOT,
  runTsx,
  seconds,
  startService,
  stopService,
  table,
  waitForHttp,
} from './lib.mjs';

const t0 = Date.now();
// Decided before we set NODE_ENV for the children: did the operator ask for production?
const operatorProduction = process.env.NODE_ENV === 'production';

ensureDeps();
const cfg = checkEnv();
// The default `.next`; NEXT_DIST_DIR lets several copies share one working tree.
const distDir = process.env.NEXT_DIST_DIR || '.next';
ensureBuild(distDir);

const childEnv = {
  ...process.env,
  NODE_ENV: 'production',
  NWR_EMBEDDED: '1',
  NEXT_TELEMETRY_DISABLED: '1',
  // next-auth builds its redirects from NEXTAUTH_URL (else http://localhost:3000).
  NEXTAUTH_URL: process.env.NEXTAUTH_URL || cfg.appUrl,
  NEXT_DIST_DIR: distDir,
};

const migrated = runTsx('scripts/migrate.ts', [], childEnv);
process.stdout.write(migrated.stdout);
if (migrated.status !== 0) {
  console.error(red(migrated.stderr.trim()));
  process.exit(1);
}

// SEED_DEMO: yes/no force it; auto seeds in the embedded default (SQLite) unless the operator set NODE_ENV=production.
const seedWanted = cfg.seedDemo === 'yes' || (cfg.seedDemo === 'auto' && !cfg.isPostgres && !operatorProduction);
const seed = runTsx('scripts/seed.ts', seedWanted ? ['--json'] : ['--json', '--check-only'], childEnv);
if (seed.status !== 0) {
  console.error(red(seed.stderr.trim()));
  process.exit(1);
}
const seedResult = JSON.parse(seed.stdout.trim().split('\n').pop());
if (seedResult.seeded) log('seeded the demo network "Bildungsnetzwerk Wien-Favoriten"');

const services = [];
const web = startService('web', bin('next'), ['start', '-p', String(cfg.port), '-H', cfg.host], childEnv);
services.push(web);
const hasRealtime = fs.existsSync(path.join(ROOT, 'server', 'index.ts'));
const realtime = hasRealtime ? startService('realtime', bin('tsx'), ['server/index.ts'], childEnv) : null;
if (realtime) services.push(realtime);

let stopping = false;
async function stopAll(exitCode, why) {
  if (stopping) return;
  stopping = true;
  if (why) console.error(why);
  await Promise.all(services.map((s) => stopService(s)));
  process.exit(exitCode);
}
process.on('SIGINT', () => void stopAll(0, '\nstopping (SIGINT)…'));
process.on('SIGTERM', () => void stopAll(0, 'stopping (SIGTERM)…'));
process.on('exit', () => {
  for (const s of services) {
    try {
      process.kill(-s.proc.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
});
for (const s of services) {
  s.exited.then(({ code, signal }) => {
    if (stopping) return;
    const other = services.filter((o) => o !== s).map((o) => o.name);
    void stopAll(
      code || 1,
      red(
        `${s.name} exited (${signal ? `signal ${signal}` : `code ${code}`}); stopping${other.length ? ` ${other.join(', ')}` : ''}.`,
      ),
    );
  });
}

try {
  const checks = [waitForHttp(`http://${localHost(cfg.host)}:${cfg.port}/api/health`, services)];
  if (realtime) checks.push(waitForHttp(`http://${localHost(cfg.realtimeHost)}:${cfg.realtimePort}/health`, services));
  await Promise.all(checks);
} catch (err) {
  await stopAll(1, red(`start-up failed: ${err.message}`));
}

console.log('');
console.log(green(bold(`Netzwerkraum is running (ready in ${seconds(t0)}).`)));
console.log(`  Web app:   ${bold(cfg.appUrl)}`);
console.log(`  Realtime:  ${realtime ? cfg.realtimeUrl : '(server/index.ts not found: not started)'}`);
console.log(
  `  Data:      ${cfg.isPostgres ? 'PostgreSQL (DATABASE_URL)' : `SQLite in ${cfg.dataDir}`}${cfg.hasRedis ? ', Redis fan-out' : ''}`,
);
console.log(`  Mail:      ${cfg.smtp ? 'SMTP_URL' : `outbox folder ${path.join(cfg.dataDir, 'outbox')}`}`);
if (seedResult.present) {
  console.log('');
  console.log(bold(`Demo sign-ins (password for all: ${seedResult.signIns[0]?.password}):`));
  console.log(
    table(
      seedResult.signIns.map((s) => [s.email, s.name, s.role.replace('_', ' '), s.organisation, s.locale]),
      ['Email', 'Name', 'Role', 'Organisation', 'Language'],
    ),
  );
}
console.log('');
console.log('Press Ctrl-C to stop.');
