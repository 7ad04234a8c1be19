// `npm run dev`: the web app with `next dev` (hot reload) and the realtime
// server and the job runner with `tsx watch`, after installing dependencies if needed, migrating
// and (in the embedded default) seeding the demo network.
import { bin, checkEnv, ensureDeps, log, red, runTsx, startService, stopService } from './lib.mjs';

ensureDeps();
const cfg = checkEnv();
const env = {
  ...process.env,
  NWR_EMBEDDED: '1',
  NEXT_TELEMETRY_DISABLED: '1',
  // next-auth builds its redirects from NEXTAUTH_URL (else http://localhost:3000).
  NEXTAUTH_URL: process.env.NEXTAUTH_URL || cfg.appUrl,
};

for (const [script, args] of [
  ['scripts/migrate.ts', []],
  ['scripts/seed.ts', cfg.seedDemo === 'no' || (cfg.seedDemo === 'auto' && cfg.isPostgres) ? ['--check-only'] : []],
]) {
  const res = runTsx(script, args, env);
  process.stdout.write(res.stdout);
  if (res.status !== 0) {
    console.error(red(res.stderr.trim()));
    process.exit(1);
  }
}

const services = [
  startService('web', bin('next'), ['dev', '-p', String(cfg.port), '-H', cfg.host], env),
  startService('realtime', bin('tsx'), ['watch', '--clear-screen=false', 'server/index.ts'], env),
  startService('worker', bin('tsx'), ['watch', '--clear-screen=false', 'worker/index.ts'], env),
];
log(`web app on ${cfg.appUrl}, realtime on ${cfg.realtimeUrl}, job runner (Ctrl-C stops all three)`);

let stopping = false;
const stopAll = async (code) => {
  if (stopping) return;
  stopping = true;
  await Promise.all(services.map((s) => stopService(s)));
  process.exit(code);
};
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));
for (const s of services) {
  s.exited.then(({ code, signal }) => {
    if (stopping) return;
    console.error(red(`${s.name} exited (${signal ?? `code ${code}`}); stopping.`));
    void stopAll(code || 1);
  });
}
