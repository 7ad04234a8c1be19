import path from 'node:path';
import { z } from 'zod';

/**
 * The environment, parsed once with zod. A missing or malformed variable stops
 * start-up with a message that names the variable and what is wrong with it.
 *
 * Both processes (web and realtime) and the scripts read their configuration
 * only through `env()`.
 */
const ZPort = z.coerce
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must be between 0 and 65535')
  .max(65535, 'must be between 0 and 65535');

const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Folder for the embedded SQLite database, the generated secret and the mail outbox. */
  DATA_DIR: z.string().min(1).default('./data'),
  /** `postgres://…` switches the data layer to PostgreSQL (scale mode). Empty means SQLite. */
  DATABASE_URL: z
    .string()
    .refine((v) => v === '' || /^postgres(ql)?:\/\//.test(v), 'must start with postgres:// or postgresql://')
    .default(''),
  /** `redis://…` enables cross-instance fan-out (scale mode). */
  REDIS_URL: z
    .string()
    .refine((v) => v === '' || /^rediss?:\/\//.test(v), 'must start with redis:// or rediss://')
    .default(''),
  PORT: ZPort.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  REALTIME_PORT: ZPort.default(3001),
  REALTIME_HOST: z.string().min(1).default('127.0.0.1'),
  /** The address browsers use to reach the web app, e.g. https://netz.example.org */
  APP_URL: z.string().url('must be a full URL such as http://localhost:3000').optional(),
  /** The address browsers use to reach the realtime server, e.g. wss://netz.example.org/realtime */
  REALTIME_URL: z
    .string()
    .refine((v) => /^wss?:\/\//.test(v), 'must start with ws:// or wss://')
    .optional(),
  /** Extra allowed Origins for the realtime server, comma-separated. */
  ALLOWED_ORIGINS: z.string().default(''),
  NEXTAUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** `smtp://user:pass@host:port`; without it mail lands in DATA_DIR/outbox. */
  SMTP_URL: z.string().default(''),
  MAIL_FROM: z.string().default('Netzwerkraum <noreply@netzwerkraum.local>'),
  /** Seed the demo network on first start. Defaults to on, except in production. */
  SEED_DEMO: z.enum(['auto', 'yes', 'no']).default('auto'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** Job runner (worker/, docs/jobs.md): how often an idle runner looks for due jobs, in ms. */
  JOBS_POLL_MS: z.coerce.number({ message: 'must be a number' }).int().min(10).max(60_000).default(500),
  /** Jobs one runner runs at once. */
  JOBS_CONCURRENCY: z.coerce.number({ message: 'must be a number' }).int().min(1).max(64).default(4),
  /** How long a taken job stays with a runner that gives no sign of life before another takes it, in ms. */
  JOBS_LEASE_MS: z.coerce.number({ message: 'must be a number' }).int().min(1_000).max(3_600_000).default(60_000),
  /** Which processes `npm start` runs on this machine (comma-separated): web, realtime, worker. */
  SERVICES: z
    .string()
    .refine(
      (v) => v.split(',').every((s) => ['web', 'realtime', 'worker'].includes(s.trim())),
      'must list some of web, realtime, worker (comma-separated)',
    )
    .default('web,realtime,worker'),
  /** `1` when a reverse proxy sets X-Forwarded-For: its first entry is then the client's address (sign-in throttling). */
  TRUST_PROXY: z.enum(['0', '1']).default('0'),
  /**
   * "For me" (docs/follow-up.md): a visit to "for me" or the network overview lasts while looks come within this
   * many minutes of each other; its changes stay marked as new until then.
   */
  FOR_ME_VISIT_MINUTES: z.coerce.number({ message: 'must be a number' }).int().min(1).max(1440).default(30),
  /** Realtime: open sockets per person / per client address (further ones are closed with 4429). */
  REALTIME_MAX_SOCKETS_PER_USER: z.coerce.number().int().min(1).default(40),
  REALTIME_MAX_SOCKETS_PER_ADDRESS: z.coerce.number().int().min(1).default(400),
  /**
   * Realtime on a SQLite file: `1` runs the group commit's transactions on a worker thread (server/commit-writer.ts),
   * `0` on the event loop, `auto` (default) on a thread only when the process may use more than one core.
   */
  REALTIME_COMMIT_THREAD: z.enum(['0', '1', 'auto']).default('auto'),
  /**
   * Realtime: the group commit's window in ms (updates of many rooms share one transaction; only the author's
   * "saved" acknowledgement waits for it, observers get the update at once). 0 commits every event-loop turn.
   */
  REALTIME_COMMIT_DELAY_MS: z.coerce.number({ message: 'must be a number' }).int().min(0).max(1000).default(20),
});

export type Env = z.infer<typeof ZEnv> & {
  appUrl: string;
  realtimeUrl: string;
  dataDir: string;
  isPostgres: boolean;
};

let cached: Env | undefined;

/** Thrown when the environment is invalid; the message lists every problem. */
export class EnvError extends Error {}

/** Parses `source` (defaults to process.env). Throws EnvError with a readable message. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = ZEnv.safeParse(
    Object.fromEntries(Object.entries(source).filter(([, v]) => (v !== undefined && v !== '' ? true : false))),
  );
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new EnvError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = result.data;
  const appUrl = (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  const realtimeUrl = (e.REALTIME_URL ?? `ws://localhost:${e.REALTIME_PORT}`).replace(/\/$/, '');
  return {
    ...e,
    appUrl,
    realtimeUrl,
    dataDir: path.resolve(e.DATA_DIR),
    isPostgres: e.DATABASE_URL !== '',
  };
}

/** The process environment, parsed once. */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}

/** For tests that change process.env between cases. */
export function resetEnvCache(): void {
  cached = undefined;
}
