import type { Migration } from './types';

/**
 * Background work (docs/jobs.md).
 *
 * - `jobs`: the outbox. A command inserts a row in the same transaction as the
 *   change that causes the work (`enqueue`, lib/jobs/outbox.ts), so the work
 *   exists exactly when the change committed. The runner (worker/) takes due
 *   rows, runs them, and retries failures with exponential backoff until
 *   `max_attempts`, then marks them `dead`. `idempotency_key` is unique: the
 *   same cause enqueues at most one job (a scheduled slot, a command replayed).
 *   `status`: pending | running | done | dead. A running row whose
 *   `locked_until` passed belongs to a runner that died and is taken again.
 * - `mail_log`: one row per mail, keyed by its job's idempotency key, written
 *   before the relay is asked (`sending`) and right after it accepted (`sent`);
 *   a retried job finds `sent` and does not send again.
 * - `networks.time_zone`: the IANA zone a network's daily jobs run in.
 */
export const jobs: Migration = {
  id: 8,
  name: 'jobs',
  up: () => `
CREATE TABLE jobs (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  payload TEXT NOT NULL,                 -- JSON, checked by the kind's zod schema
  idempotency_key TEXT NOT NULL UNIQUE,
  network_id TEXT,                       -- for operators' queries; no foreign key (a job may outlive its network)
  status TEXT NOT NULL DEFAULT 'pending',
  attempts INTEGER NOT NULL DEFAULT 0,
  max_attempts INTEGER NOT NULL,
  run_at BIGINT NOT NULL,                -- not before (ms); the next try after a failure
  locked_by TEXT,                        -- the runner that holds it
  locked_until BIGINT,                   -- its lease; renewed while it runs
  last_error TEXT,
  created_at BIGINT NOT NULL,
  finished_at BIGINT
);
CREATE INDEX jobs_due ON jobs(status, run_at);
CREATE INDEX jobs_lease ON jobs(status, locked_until);

CREATE TABLE mail_log (
  idempotency_key TEXT PRIMARY KEY,
  message_id TEXT NOT NULL,
  recipient TEXT NOT NULL,
  state TEXT NOT NULL,                   -- sending | sent
  tries INTEGER NOT NULL DEFAULT 1,      -- > 1: a runner died while the relay had it (see docs/jobs.md)
  created_at BIGINT NOT NULL,
  sent_at BIGINT
);

ALTER TABLE networks ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'Europe/Vienna';
`,
};
