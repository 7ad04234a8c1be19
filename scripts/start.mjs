// `npm start`: from a fresh clone to a running Netzwerkraum, nothing else to
// install or start. Installs dependencies and builds only when needed (hash
// stamps in .stamps/), migrates, seeds the demo network on first run in the
// embedded default, then runs the web app, the realtime server and the job
// runner (SERVICES chooses which) and stays in the foreground until Ctrl-C.
// It supervises them: when one dies, the reason is logged and it is started
// again with backoff; the others keep running.
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
  superviseService,
  table,
  waitForHttp,
} from './lib.mjs';

const t0 = Date.now();
// Decided before we set NODE_ENV for the children: did the operator ask for production?
const operatorProduction = process.env.NODE_ENV === 'production';

ensureDeps();
const cfg = checkEnv();
const wanted = new Set(cfg.services);
// The default `.next`; NEXT_DIST_DIR lets several copies share one working tree.
const distDir = process.env.NEXT_DIST_DIR || '.next';
if (wanted.has('web')) ensureBuild(distDir);

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
const web = wanted.has('web')
  ? superviseService('web', bin('next'), ['start', '-p', String(cfg.port), '-H', cfg.host], childEnv)
  : null;
if (web) services.push(web);
const hasRealtime = wanted.has('realtime') && fs.existsSync(path.join(ROOT, 'server', 'index.ts'));
const realtime = hasRealtime ? superviseService('realtime', bin('tsx'), ['server/index.ts'], childEnv) : null;
if (realtime) services.push(realtime);
const worker = wanted.has('worker') ? superviseService('worker', bin('tsx'), ['worker/index.ts'], childEnv) : null;
if (worker) services.push(worker);

let stopping = false;
async function stopAll(exitCode, why) {
  if (stopping) return;
  stopping = true;
  if (why) console.error(why);
  await Promise.all(services.map((s) => s.stop()));
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

// Until they answer their health checks, a process that dies is a start-up failure (usually configuration): stop.
// From then on, the supervisor restarts whichever dies.
try {
  const checks = [];
  if (web) checks.push(waitForHttp(`http://${localHost(cfg.host)}:${cfg.port}/api/health`, services));
  if (realtime) checks.push(waitForHttp(`http://${localHost(cfg.realtimeHost)}:${cfg.realtimePort}/health`, services));
  await Promise.all(checks);
} catch (err) {
  await stopAll(1, red(`start-up failed: ${err.message}`));
}

console.log('');
console.log(green(bold(`Netzwerkraum is running (ready in ${seconds(t0)}).`)));
console.log(`  Web app:   ${web ? bold(cfg.appUrl) : '(not started here: SERVICES)'}`);
console.log(`  Realtime:  ${realtime ? cfg.realtimeUrl : '(not started here: SERVICES)'}`);
console.log(`  Jobs:      ${worker ? 'job runner (worker/): mail, scheduled chores' : '(not started here: SERVICES)'}`);
console.log(
  `  Data:      ${cfg.isPostgres ? 'PostgreSQL (DATABASE_URL)' : `SQLite in ${cfg.dataDir}`}${cfg.hasRedis ? ', Redis fan-out' : ''}`,
);
console.log(`  Mail:      ${cfg.smtp ? 'SMTP_URL' : `outbox folder ${path.join(cfg.dataDir, 'outbox')}`}`);
console.log(`  Restarts:  a process that dies is started again (backoff 1 s … 30 s); the others keep running`);
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
