/**
 * Ours: the real realtime server (`server/server.ts`, the same code
 * `server/index.ts` starts) with its auth (tickets or the session cookie,
 * Origin allow-list) and its SQLite update log, on a database the load
 * generator prepared (BENCH_DB). With BENCH_REDIS_URL it runs in scale mode
 * (the two-instance scenario starts two of these on the same database).
 */
import { openDb } from '../../lib/db';
import { startRealtime } from '../../server/server';
import { installMetrics } from '../lib/child-metrics';

const { ready } = installMetrics();
const file = process.env.BENCH_DB;
if (!file) throw new Error('BENCH_DB is not set');
const db = openDb({ sqliteFile: file });
const server = await startRealtime({
  db,
  port: 0,
  host: '127.0.0.1',
  allowedOrigins: new Set([process.env.BENCH_ORIGIN ?? 'http://127.0.0.1:3140']),
  secret: process.env.BENCH_SECRET,
  logLevel: 'warn',
  // The load generator's thousands of sockets all come from one address and a few people.
  limits: { maxConnectionsPerUser: 1_000_000, maxConnectionsPerAddress: 1_000_000 },
  // Two-instance scenario: both instances on the same database, exchanging over Redis.
  redisUrl: process.env.BENCH_REDIS_URL || undefined,
  redisPrefix: process.env.BENCH_REDIS_PREFIX || undefined,
  // As in production ('auto': a commit thread only when the process may use more than one core; pinned to one
  // core here, so none). BENCH_COMMIT_THREAD=0|1 forces it off or on (for comparison).
  commitThread: process.env.BENCH_COMMIT_THREAD ? process.env.BENCH_COMMIT_THREAD === '1' : 'auto',
});
const stop = async () => {
  await server.close().catch(() => {});
  await db.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
ready(server.port);
