import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/types';
import { DEFAULT_MAX_ATTEMPTS } from './define';
import { JOB_KINDS, type JobKindName, type JobPayload, type JobRegistry } from './kinds';

export interface EnqueueOptions {
  /**
   * Names the cause, unique across all jobs (e.g. `mail:invitation:<id>`). A
   * second enqueue with the same key does nothing, so a replayed command or a
   * scheduled slot seen by two runners makes one job. It is also the key of
   * the job's effect (the mail log, the Message-ID).
   */
  key: string;
  /** Not before this time (ms); default now. */
  runAt?: number;
  networkId?: string | null;
  now?: number;
}

/**
 * Puts a job into the outbox with `q` — call it inside the command's
 * transaction, so the job exists exactly when the change committed. Returns
 * false when a job with this key exists already. The payload is checked by
 * the kind's schema here (a bad payload fails the command, not the runner).
 */
export async function enqueue<K extends JobKindName>(
  q: Queryable,
  kind: K,
  payload: JobPayload<K>,
  opts: EnqueueOptions,
): Promise<boolean> {
  return enqueueIn(JOB_KINDS, q, kind, payload, opts);
}

/** `enqueue` against another registry (tests that bring their own kinds). */
export async function enqueueIn(
  kinds: JobRegistry,
  q: Queryable,
  kind: string,
  payload: unknown,
  opts: EnqueueOptions,
): Promise<boolean> {
  const def = kinds[kind];
  if (!def) throw new Error(`unknown job kind ${kind}`);
  const data = def.schema.parse(payload);
  const now = opts.now ?? Date.now();
  const r = await q.run(
    `INSERT INTO jobs (id, kind, payload, idempotency_key, network_id, status, attempts, max_attempts, run_at, created_at)
     VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?)
     ON CONFLICT (idempotency_key) DO NOTHING`,
    [
      randomUUID(),
      kind,
      JSON.stringify(data),
      opts.key,
      opts.networkId ?? null,
      def.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      opts.runAt ?? now,
      now,
    ],
  );
  // PostgreSQL delivers the notification when the transaction commits (never if it rolls back): runners wake at once.
  if (r.changes === 1 && q.dialect === 'postgres') await q.run(`SELECT pg_notify('${JOBS_CHANNEL}', '')`);
  return r.changes === 1;
}

/** The PostgreSQL channel a runner LISTENs on for new jobs (it polls as well). */
export const JOBS_CHANNEL = 'nwr_jobs';
