/**
 * `tsx scripts/env-check.ts`: parses the environment with lib/env.ts. Prints
 * the resolved settings `npm start` needs as one JSON line, or the list of
 * problems and exits 1 (e.g. `PORT=abc` → "PORT: must be a number").
 */
import { EnvError, parseEnv } from '../lib/env';

try {
  const e = parseEnv();
  console.log(
    JSON.stringify({
      port: e.PORT,
      host: e.HOST,
      realtimePort: e.REALTIME_PORT,
      realtimeHost: e.REALTIME_HOST,
      appUrl: e.appUrl,
      realtimeUrl: e.realtimeUrl,
      dataDir: e.dataDir,
      isPostgres: e.isPostgres,
      hasRedis: e.REDIS_URL !== '',
      seedDemo: e.SEED_DEMO,
      smtp: e.SMTP_URL !== '',
      services: e.SERVICES.split(',').map((s) => s.trim()),
    }),
  );
} catch (err) {
  if (err instanceof EnvError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
