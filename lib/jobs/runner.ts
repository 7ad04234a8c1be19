import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type pg from 'pg';
import { PostgresDb } from '../db/postgres';
import type { Db, Queryable } from '../db/types';
import { backoffDelay, DEFAULT_BACKOFF_MS, DEFAULT_MAX_BACKOFF_MS, type JobContext, type JobInfo } from './define';
import { JOB_KINDS, type JobRegistry } from './kinds';
import { enqueueIn, JOBS_CHANNEL } from './outbox';
import { dueSlots, SCHEDULE, type ScheduleEntry } from './schedule';

export type LogLevel = 'info' | 'warn' | 'error';

export interface RunnerOptions {
  /** The kinds it runs (default: lib/jobs/kinds.ts). */
  kinds?: JobRegistry;
  /** The recurring jobs it enqueues (default: lib/jobs/schedule.ts); [] for none. */
  schedule?: readonly ScheduleEntry[];
  /** Names this runner in `jobs.locked_by` (default host:pid:random). */
  id?: string;
  /** How often it looks for due jobs when idle (ms, default 500). */
  pollMs?: number;
  /** How often it enqueues due schedule slots (ms, default 15 s). */
  scheduleEveryMs?: number;
  /** Jobs run at once (default 4). */
  concurrency?: number;
  /**
   * How long a taken job stays this runner's without a sign of life (ms,
   * default 60 s). Renewed every third of it while the job runs; a job whose
   * lease ran out (its runner died) is taken again by any runner.
   */
  leaseMs?: number;
  log?: (level: LogLevel, msg: string) => void;
  now?: () => number;
}

interface ClaimedRow {
  id: string;
  kind: string;
  payload: string;
  idempotency_key: string;
  network_id: string | null;
  attempts: number;
  max_attempts: number;
}

class LostLease extends Error {
  constructor(id: string) {
    super(`job ${id}: its lease passed to another runner; the result is dropped`);
  }
}

const MAX_ERROR_CHARS = 2_000;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes due jobs from the outbox (`jobs`) and runs them. Any number of runners
 * may share one database: on PostgreSQL each take is one
 * `UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED)`, so concurrent
 * runners never take the same row; on SQLite the single writer lock does the
 * same. Every state change of a taken job is fenced by `locked_by`, so a
 * runner that lost its lease cannot overwrite its successor's result.
 * docs/jobs.md has the whole story.
 */
export class JobRunner {
  readonly id: string;
  private readonly kinds: JobRegistry;
  private readonly schedule: readonly ScheduleEntry[];
  private readonly pollMs: number;
  private readonly scheduleEveryMs: number;
  private readonly concurrency: number;
  private readonly leaseMs: number;
  private readonly log: (level: LogLevel, msg: string) => void;
  private readonly now: () => number;
  private readonly running = new Map<string, Promise<void>>();
  private lastSchedule = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private pumping: Promise<unknown> | null = null;
  private looping = false;
  private listener: pg.PoolClient | null = null;
  private kickAgain = false;
  private stopping = false;
  /** Counters for logs and tests. */
  readonly stats = { taken: 0, done: 0, retried: 0, dead: 0 };

  constructor(
    readonly db: Db,
    opts: RunnerOptions = {},
  ) {
    this.kinds = opts.kinds ?? JOB_KINDS;
    this.schedule = opts.schedule ?? SCHEDULE;
    this.id = opts.id ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.pollMs = opts.pollMs ?? 500;
    this.scheduleEveryMs = opts.scheduleEveryMs ?? 15_000;
    this.concurrency = Math.max(1, opts.concurrency ?? 4);
    this.leaseMs = opts.leaseMs ?? 60_000;
    this.log = opts.log ?? ((level, msg) => console[level === 'info' ? 'log' : level](`[jobs] ${msg}`));
    this.now = opts.now ?? Date.now;
  }

  /**
   * Starts taking jobs; returns at once. It looks again as soon as a job ends
   * or a round filled every free slot, else after `pollMs`.
   */
  start(): void {
    this.stopping = false;
    this.looping = true;
    void this.releaseOrphans()
      .catch((err) => this.log('warn', `looking for orphaned jobs failed: ${(err as Error).message}`))
      .finally(() => this.kick());
    if (this.db instanceof PostgresDb) void this.listen(this.db);
  }

  /**
   * Ends the lease of jobs held by a runner on this host whose process is
   * gone (killed, then restarted by `npm start`), so they run again now
   * instead of after the lease. Runner ids are `host:pid:random`; a pid that
   * is alive (or is ours: a container restarts with the same pid) is left to
   * its lease. Returns how many it released.
   */
  async releaseOrphans(): Promise<number> {
    const host = os.hostname();
    const rows = await this.db.all<{ id: string; locked_by: string }>(
      "SELECT id, locked_by FROM jobs WHERE status = 'running' AND locked_by LIKE ?",
      [`${host}:%`],
    );
    let released = 0;
    for (const r of rows) {
      const [h, pidText] = r.locked_by.split(':');
      const pid = Number(pidText);
      if (h !== host || !Number.isInteger(pid) || pid <= 0 || pid === process.pid || processAlive(pid)) continue;
      const res = await this.db.run(
        "UPDATE jobs SET locked_until = 0 WHERE id = ? AND locked_by = ? AND status = 'running'",
        [r.id, r.locked_by],
      );
      released += res.changes;
    }
    if (released) this.log('warn', `took back ${released} job(s) from a runner on this host that is gone`);
    return released;
  }

  /** On PostgreSQL, a job enqueued anywhere wakes the runner when its transaction commits (polling stays as the net). */
  private async listen(db: PostgresDb): Promise<void> {
    try {
      const client = await db.pool.connect();
      client.on('error', (err) => {
        this.log('warn', `the LISTEN connection failed (${err.message}); polling until it is back`);
        this.listener = null;
        client.release(err);
        const again = setTimeout(() => {
          if (this.looping && !this.stopping) void this.listen(db);
        }, 5_000);
        again.unref?.();
      });
      client.on('notification', () => this.kick());
      await client.query(`LISTEN ${JOBS_CHANNEL}`);
      if (this.stopping) client.release();
      else this.listener = client;
    } catch (err) {
      this.log('warn', `LISTEN failed (${(err as Error).message}); polling every ${this.pollMs} ms only`);
    }
  }

  private kick(): void {
    if (!this.looping || this.stopping) return;
    if (this.pumping) {
      this.kickAgain = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pumping = this.pump()
      .catch((err) => {
        this.log('error', `taking jobs failed: ${(err as Error).message}`);
        return 0;
      })
      .then((took) => {
        this.pumping = null;
        if (this.stopping) return;
        const more = this.kickAgain || (took > 0 && this.running.size < this.concurrency);
        this.kickAgain = false;
        if (more) setImmediate(() => this.kick());
        else this.timer = setTimeout(() => this.kick(), this.pollMs);
      });
  }

  /** Stops taking jobs and waits for the running ones to end. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.looping = false;
    if (this.timer) clearTimeout(this.timer);
    if (this.listener) {
      const l = this.listener;
      this.listener = null;
      await l.query(`UNLISTEN ${JOBS_CHANNEL}`).catch(() => undefined);
      l.release();
    }
    await this.pumping;
    await Promise.allSettled([...this.running.values()]);
  }

  /**
   * One round: enqueues due schedule slots (at most every `scheduleEveryMs`),
   * then takes as many due jobs as there are free slots and starts them.
   * Returns how many it took.
   */
  async pump(): Promise<number> {
    if (this.schedule.length && this.now() - this.lastSchedule >= this.scheduleEveryMs) {
      await this.enqueueSchedule();
      this.lastSchedule = this.now();
    }
    const free = this.concurrency - this.running.size;
    if (free <= 0) return 0;
    const rows = await this.take(free);
    for (const row of rows) {
      const p = this.runOne(row)
        .catch((err) => this.log('error', `${row.kind} ${row.idempotency_key}: ${(err as Error).message}`))
        .finally(() => {
          this.running.delete(row.id);
          this.kick(); // a slot is free: look again now
        });
      this.running.set(row.id, p);
    }
    return rows.length;
  }

  /** Runs jobs until none is due and none is running (tests, one-off scripts). */
  async runUntilIdle(): Promise<void> {
    for (;;) {
      const took = await this.pump();
      if (took === 0 && this.running.size === 0) return;
      if (took === 0) await Promise.race(this.running.values());
    }
  }

  /** Enqueues the schedule's due slots (each once, whoever else does it too). */
  async enqueueSchedule(): Promise<number> {
    const now = this.now();
    const needsNetworks = this.schedule.some((e) => 'dailyAt' in e);
    const networks = needsNetworks
      ? (await this.db.all<{ id: string; time_zone: string }>('SELECT id, time_zone FROM networks')).map((n) => ({
          id: n.id,
          timeZone: n.time_zone,
        }))
      : [];
    const slots = dueSlots(this.schedule, now, networks);
    if (!slots.length) return 0;
    return this.db.tx(async (q) => {
      let added = 0;
      for (const s of slots) {
        if (
          await enqueueIn(this.kinds, q, s.kind, s.payload, { key: s.key, runAt: s.runAt, networkId: s.networkId, now })
        )
          added++;
      }
      return added;
    });
  }

  private async take(limit: number): Promise<ClaimedRow[]> {
    const now = this.now();
    const due = `(status = 'pending' AND run_at <= ?) OR (status = 'running' AND locked_until < ?)`;
    // A plain read first: an idle runner never takes the write lock.
    const any = await this.db.get(`SELECT id FROM jobs WHERE ${due} LIMIT 1`, [now, now]);
    if (!any) return [];
    const lock = this.db.dialect === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
    const rows = await this.db.all<ClaimedRow>(
      `UPDATE jobs SET status = 'running', locked_by = ?, locked_until = ?, attempts = attempts + 1
       WHERE id IN (SELECT id FROM jobs WHERE ${due} ORDER BY run_at LIMIT ?${lock})
       RETURNING id, kind, payload, idempotency_key, network_id, attempts, max_attempts`,
      [this.id, now + this.leaseMs, now, now, limit],
    );
    this.stats.taken += rows.length;
    return rows;
  }

  private async runOne(row: ClaimedRow): Promise<void> {
    const def = this.kinds[row.kind];
    const job: JobInfo = {
      id: row.id,
      kind: row.kind,
      key: row.idempotency_key,
      networkId: row.network_id,
      attempt: Number(row.attempts),
      maxAttempts: Number(row.max_attempts),
    };
    const label = `${row.kind} ${row.idempotency_key} (try ${job.attempt}/${job.maxAttempts})`;
    if (!def) return this.bury(job, `no handler for kind ${row.kind}`);
    if (job.attempt > job.maxAttempts) {
      return this.bury(job, `gave up: a runner stopped while running it (${job.attempt - 1} tries)`);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(row.payload);
    } catch {
      return this.bury(job, 'payload is not JSON');
    }
    const parsed = def.schema.safeParse(raw);
    if (!parsed.success) return this.bury(job, `payload does not match its schema: ${parsed.error.message}`);

    const heartbeat = setInterval(
      () => {
        this.db
          .run('UPDATE jobs SET locked_until = ? WHERE id = ? AND locked_by = ? AND status = ?', [
            this.now() + this.leaseMs,
            job.id,
            this.id,
            'running',
          ])
          .catch((err) => this.log('warn', `renewing the lease of ${label} failed: ${(err as Error).message}`));
      },
      Math.max(50, Math.floor(this.leaseMs / 3)),
    );
    heartbeat.unref?.();

    const redacted = () => JSON.stringify(def.redact ? def.redact(parsed.data) : parsed.data);
    let finished = false;
    const ctx: JobContext = {
      db: this.db,
      job,
      log: (level, msg) => this.log(level, `${row.kind}: ${msg}`),
      finish: async (fn) => {
        await this.db.tx(async (q) => {
          await fn(q);
          await this.markDone(q, job, redacted());
        });
        finished = true;
      },
    };
    try {
      await def.run(parsed.data, ctx);
      if (!finished) await this.markDone(this.db, job, redacted());
      this.stats.done++;
    } catch (err) {
      if (err instanceof LostLease) {
        this.log('warn', err.message);
        return;
      }
      const message = (err as Error)?.message ?? String(err);
      if (job.attempt >= job.maxAttempts) {
        await this.bury(job, message);
      } else {
        const delay = backoffDelay(
          job.attempt,
          def.backoffMs ?? DEFAULT_BACKOFF_MS,
          def.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS,
        );
        await this.db.run(
          `UPDATE jobs SET status = 'pending', run_at = ?, last_error = ?, locked_by = NULL, locked_until = NULL
           WHERE id = ? AND locked_by = ? AND status = 'running'`,
          [this.now() + delay, message.slice(0, MAX_ERROR_CHARS), job.id, this.id],
        );
        this.stats.retried++;
        this.log('warn', `${label} failed, next try in ${Math.round(delay / 1000)} s: ${message}`);
      }
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async markDone(q: Queryable, job: JobInfo, payload: string): Promise<void> {
    const r = await q.run(
      `UPDATE jobs SET status = 'done', finished_at = ?, locked_by = NULL, locked_until = NULL, payload = ?
       WHERE id = ? AND locked_by = ? AND status = 'running'`,
      [this.now(), payload, job.id, this.id],
    );
    if (r.changes !== 1) throw new LostLease(job.id);
  }

  /** Marks a job dead (no more tries), keeping the reason. */
  private async bury(job: JobInfo, reason: string): Promise<void> {
    await this.db.run(
      `UPDATE jobs SET status = 'dead', finished_at = ?, last_error = ?, locked_by = NULL, locked_until = NULL
       WHERE id = ? AND locked_by = ?`,
      [this.now(), reason.slice(0, MAX_ERROR_CHARS), job.id, this.id],
    );
    this.stats.dead++;
    this.log('error', `${job.kind} ${job.key} is dead after ${job.attempt} tries: ${reason}`);
  }
}
