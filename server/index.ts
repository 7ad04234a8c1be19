/**
 * Entry point of the realtime process: `tsx server/index.ts`.
 * Configuration only through `env()` (lib/env.ts).
 */
import { getDb, closeDb } from '../lib/db';
import { env } from '../lib/env';
import { authSecret } from '../lib/auth/secret';
import { originsFrom } from './auth';
import { startRealtime } from './server';

async function main() {
  const e = env();
  const db = await getDb();
  let secret: string | undefined;
  try {
    secret = authSecret();
  } catch (err) {
    console.warn('[realtime] no session secret: cookie sign-in disabled, tickets only.', (err as Error).message);
  }
  const server = await startRealtime({
    db,
    port: e.REALTIME_PORT,
    host: e.REALTIME_HOST,
    allowedOrigins: originsFrom(e.appUrl, e.ALLOWED_ORIGINS),
    secret,
    redisUrl: e.REDIS_URL || undefined,
    logLevel: e.LOG_LEVEL === 'debug' ? 'info' : e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY === '1',
    commitThread: e.REALTIME_COMMIT_THREAD === 'auto' ? 'auto' : e.REALTIME_COMMIT_THREAD === '1',
    limits: {
      maxConnectionsPerUser: e.REALTIME_MAX_SOCKETS_PER_USER,
      maxConnectionsPerAddress: e.REALTIME_MAX_SOCKETS_PER_ADDRESS,
      commitDelayMs: e.REALTIME_COMMIT_DELAY_MS,
    },
  });
  console.log(`[realtime] listening on ${server.url} (${db.description})`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[realtime] ${signal}: flushing and closing`);
    const force = setTimeout(() => {
      console.error('[realtime] shutdown took too long; exiting');
      process.exit(1);
    }, 15_000);
    force.unref();
    try {
      await server.close();
      await closeDb();
      process.exit(0);
    } catch (err) {
      console.error('[realtime] shutdown failed', err);
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  // Last resort only: every handler catches its own errors; this logs what slipped through.
  process.on('uncaughtException', (err) => console.error('[realtime] uncaught exception', err));
  process.on('unhandledRejection', (err) => console.error('[realtime] unhandled rejection', err));
}

main().catch((err) => {
  console.error('[realtime] failed to start:', err);
  process.exit(1);
});
