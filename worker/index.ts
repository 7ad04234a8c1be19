/**
 * Entry point of the job runner process: `tsx worker/index.ts` (`npm run
 * worker`; `npm start` runs and supervises it beside web and realtime).
 * It takes jobs from the outbox table and enqueues the schedule's slots
 * (lib/jobs; docs/jobs.md). Any number may run against one PostgreSQL
 * database; with SQLite run one (more are safe, only pointless).
 * Configuration only through `env()` (lib/env.ts).
 */
import { closeDb, getDb } from '../lib/db';
import { env } from '../lib/env';
import { JobRunner, type LogLevel } from '../lib/jobs/runner';

const LEVELS: Record<string, number> = { debug: 0, info: 1, warn: 2, error: 3 };

async function main() {
  const e = env();
  const db = await getDb();
  const min = LEVELS[e.LOG_LEVEL] ?? 1;
  const log = (level: LogLevel, msg: string) => {
    if (LEVELS[level] < min) return;
    const line = `[worker] ${msg.replace(/[\r\n]+/g, ' ')}`;
    if (level === 'info') console.log(line);
    else console[level](line);
  };
  const runner = new JobRunner(db, {
    pollMs: e.JOBS_POLL_MS,
    concurrency: e.JOBS_CONCURRENCY,
    leaseMs: e.JOBS_LEASE_MS,
    log,
  });
  runner.start();
  console.log(`[worker] running jobs as ${runner.id} (${db.description})`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[worker] ${signal}: finishing the running jobs`);
    // A job still running then is taken again by the next runner once its lease passes.
    const force = setTimeout(() => {
      console.error('[worker] jobs took too long to finish; exiting');
      process.exit(1);
    }, 15_000);
    force.unref();
    try {
      await runner.stop();
      await closeDb();
      process.exit(0);
    } catch (err) {
      console.error('[worker] shutdown failed', err);
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('uncaughtException', (err) => console.error('[worker] uncaught exception', err));
  process.on('unhandledRejection', (err) => console.error('[worker] unhandled rejection', err));
}

main().catch((err) => {
  console.error('[worker] failed to start:', err);
  process.exit(1);
});
