import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetEnvCache } from '@/lib/env';
import { z } from 'zod';
import type { Db } from '@/lib/db';
import { available, freshPostgres, freshSqlite } from '@/tests/helpers/services';
import { backoffDelay, defineJob, type JobKind } from './define';
import { JOB_KINDS } from './kinds';
import { enqueue, enqueueIn } from './outbox';
import { JobRunner } from './runner';
import { dueSlots, localDateTime, SCHEDULE, type ScheduleEntry } from './schedule';

type Fresh = Db & { drop(): Promise<void> };

interface JobRow {
  status: string;
  attempts: number;
  max_attempts: number;
  run_at: number;
  last_error: string | null;
  payload: string;
  locked_by: string | null;
}

/** The runner's contract, the same on every database we support. */
function runnerContract(name: string, open: () => Promise<Fresh>) {
  describe(`the job runner on ${name}`, () => {
    let db: Fresh;
    /** What the test kinds did, in order (an in-memory effect log). */
    const effects: string[] = [];
    let failuresLeft = 0;
    const kinds: Record<string, JobKind> = {
      ...JOB_KINDS,
      'test.note': defineJob({
        schema: z.object({ text: z.string() }),
        async run(p, ctx) {
          // An effect only in the database: it commits together with "done".
          await ctx.finish(async (q) => {
            await q.run('INSERT INTO test_notes (text) VALUES (?)', [p.text]);
          });
        },
      }),
      'test.flaky': defineJob({
        schema: z.object({ n: z.number() }),
        maxAttempts: 3,
        backoffMs: 1_000,
        async run(p, ctx) {
          effects.push(`flaky ${p.n} try ${ctx.job.attempt}`);
          if (failuresLeft-- > 0) throw new Error(`relay said no (${ctx.job.attempt})`);
        },
      }),
      'test.daily': defineJob({
        schema: z.object({ networkId: z.string(), date: z.string() }),
        async run(p) {
          effects.push(`daily ${p.networkId} ${p.date}`);
        },
      }),
      'test.tick': defineJob({
        schema: z.object({}),
        async run() {
          effects.push('tick');
        },
      }),
    };
    let clock = Date.now();
    const runner = (opts: Partial<ConstructorParameters<typeof JobRunner>[1]> = {}) =>
      new JobRunner(db, { kinds, schedule: [], log: () => {}, now: () => clock, ...opts });
    const job = (key: string) =>
      db.get<JobRow>(
        'SELECT status, attempts, max_attempts, run_at, last_error, payload, locked_by FROM jobs WHERE idempotency_key = ?',
        [key],
      );

    beforeAll(async () => {
      db = await open();
      await db.exec('CREATE TABLE test_notes (text TEXT NOT NULL)');
    });
    afterAll(async () => {
      await db?.drop();
    });

    it('a job exists exactly when the transaction that enqueued it committed, once per key', async () => {
      await expect(
        db.tx(async (q) => {
          await enqueueIn(kinds, q, 'test.note', { text: 'rolled back' }, { key: 'k-rollback', now: clock });
          throw new Error('the command failed after enqueueing');
        }),
      ).rejects.toThrow('the command failed');
      expect(await job('k-rollback')).toBeUndefined();

      const first = await db.tx((q) =>
        enqueueIn(kinds, q, 'test.note', { text: 'once' }, { key: 'k-once', now: clock }),
      );
      const second = await db.tx((q) =>
        enqueueIn(kinds, q, 'test.note', { text: 'twice' }, { key: 'k-once', now: clock }),
      );
      expect([first, second]).toEqual([true, false]);
      // A payload its kind does not accept fails the command, not the runner.
      await expect(
        db.tx((q) => enqueueIn(kinds, q, 'test.note', { text: 5 }, { key: 'k-bad', now: clock })),
      ).rejects.toThrow();

      await runner().runUntilIdle();
      expect(await db.all('SELECT text FROM test_notes')).toEqual([{ text: 'once' }]);
      expect(await job('k-once')).toMatchObject({ status: 'done', attempts: 1, locked_by: null });
      // Done stays done: another round takes nothing.
      expect(await runner().pump()).toBe(0);
    });

    it('retries a failing job with growing waits, keeps the error, and buries it after its last try', async () => {
      effects.length = 0;
      failuresLeft = 99;
      await db.tx((q) => enqueueIn(kinds, q, 'test.flaky', { n: 1 }, { key: 'k-flaky', now: clock }));
      const r = runner();
      const t0 = clock;
      await r.runUntilIdle();
      let row = (await job('k-flaky'))!;
      expect(row).toMatchObject({ status: 'pending', attempts: 1, last_error: 'relay said no (1)' });
      const firstWait = Number(row.run_at) - t0;
      expect(firstWait).toBeGreaterThanOrEqual(800);
      expect(firstWait).toBeLessThanOrEqual(1200);

      // Not due yet: nothing happens until the clock passes run_at.
      await r.runUntilIdle();
      expect(effects).toEqual(['flaky 1 try 1']);
      clock = Number(row.run_at);
      await r.runUntilIdle();
      row = (await job('k-flaky'))!;
      expect(row).toMatchObject({ status: 'pending', attempts: 2, last_error: 'relay said no (2)' });
      const secondWait = Number(row.run_at) - clock;
      expect(secondWait).toBeGreaterThanOrEqual(1600);
      expect(secondWait).toBeLessThanOrEqual(2400);

      clock = Number(row.run_at);
      await r.runUntilIdle();
      expect(await job('k-flaky')).toMatchObject({ status: 'dead', attempts: 3, last_error: 'relay said no (3)' });
      clock += 24 * 60 * 60_000;
      await r.runUntilIdle();
      expect(effects).toEqual(['flaky 1 try 1', 'flaky 1 try 2', 'flaky 1 try 3']);
      expect(r.stats).toMatchObject({ retried: 2, dead: 1 });
    });

    it('a job that fails once and then works is done, with the earlier error kept', async () => {
      effects.length = 0;
      failuresLeft = 1;
      await db.tx((q) => enqueueIn(kinds, q, 'test.flaky', { n: 2 }, { key: 'k-flaky-2', now: clock }));
      const r = runner();
      await r.runUntilIdle();
      clock += 2_000;
      await r.runUntilIdle();
      expect(await job('k-flaky-2')).toMatchObject({ status: 'done', attempts: 2, last_error: 'relay said no (1)' });
      expect(effects).toEqual(['flaky 2 try 1', 'flaky 2 try 2']);
    });

    it('takes back a job whose runner died (its lease ran out), and buries one that keeps killing runners', async () => {
      await db.tx((q) => enqueueIn(kinds, q, 'test.note', { text: 'orphan' }, { key: 'k-orphan', now: clock }));
      // A runner took it and died: running, lease in the future.
      await db.run(
        "UPDATE jobs SET status = 'running', locked_by = 'dead-runner', locked_until = ?, attempts = 1 WHERE idempotency_key = ?",
        [clock + 60_000, 'k-orphan'],
      );
      const r = runner();
      await r.runUntilIdle();
      expect(await job('k-orphan')).toMatchObject({ status: 'running', locked_by: 'dead-runner' });
      clock += 60_001;
      await r.runUntilIdle();
      expect(await job('k-orphan')).toMatchObject({ status: 'done', attempts: 2 });
      expect(await db.all("SELECT text FROM test_notes WHERE text = 'orphan'")).toHaveLength(1);

      await db.tx((q) => enqueueIn(kinds, q, 'test.note', { text: 'poison' }, { key: 'k-poison', now: clock }));
      const max = Number((await job('k-poison'))!.max_attempts);
      await db.run(
        "UPDATE jobs SET status = 'running', locked_by = 'dead-runner', locked_until = ?, attempts = ? WHERE idempotency_key = ?",
        [clock - 1, max, 'k-poison'],
      );
      await r.runUntilIdle();
      const row = (await job('k-poison'))!;
      expect(row.status).toBe('dead');
      expect(row.last_error).toContain('a runner stopped while running it');
      expect(await db.all("SELECT text FROM test_notes WHERE text = 'poison'")).toHaveLength(0);
    });

    it('buries at once a job it cannot run: an unknown kind, a payload that is no JSON or no longer fits its schema', async () => {
      const put = (id: string, kind: string, payload: string) =>
        db.run(
          `INSERT INTO jobs (id, kind, payload, idempotency_key, status, attempts, max_attempts, run_at, created_at)
           VALUES (?, ?, ?, ?, 'pending', 0, 5, ?, ?)`,
          [id, kind, payload, id, clock, clock],
        );
      await put('k-unknown', 'test.gone', '{}');
      await put('k-notjson', 'test.note', '{oops');
      await put('k-misfit', 'test.note', '{"text":42}');
      await runner().runUntilIdle();
      for (const [key, reason] of [
        ['k-unknown', 'no handler for kind test.gone'],
        ['k-notjson', 'payload is not JSON'],
        ['k-misfit', 'payload does not match its schema'],
      ]) {
        const row = (await job(key))!;
        expect(row).toMatchObject({ status: 'dead', attempts: 1 });
        expect(row.last_error).toContain(reason);
      }
    });

    it('takes back at start the jobs of a runner on this host whose process is gone, not those of a live one', async () => {
      const host = os.hostname();
      const deadPid = 2 ** 22 + 12345; // above Linux's pid_max: no such process
      await db.tx((q) =>
        enqueueIn(kinds, q, 'test.note', { text: 'of a dead runner' }, { key: 'k-dead-pid', now: clock }),
      );
      await db.tx((q) =>
        enqueueIn(kinds, q, 'test.note', { text: 'of a live runner' }, { key: 'k-live-pid', now: clock }),
      );
      await db.run(
        "UPDATE jobs SET status = 'running', attempts = 1, locked_until = ?, locked_by = ? WHERE idempotency_key = ?",
        [clock + 600_000, `${host}:${deadPid}:abc`, 'k-dead-pid'],
      );
      await db.run(
        "UPDATE jobs SET status = 'running', attempts = 1, locked_until = ?, locked_by = ? WHERE idempotency_key = ?",
        [clock + 600_000, `${host}:${process.ppid}:def`, 'k-live-pid'],
      );
      const r = runner();
      expect(await r.releaseOrphans()).toBe(1);
      await r.runUntilIdle();
      expect(await job('k-dead-pid')).toMatchObject({ status: 'done', attempts: 2 });
      expect(await job('k-live-pid')).toMatchObject({ status: 'running', locked_by: `${host}:${process.ppid}:def` });
      await db.run("UPDATE jobs SET status = 'done' WHERE idempotency_key = 'k-live-pid'");
    });

    it('a runner that lost its lease cannot finish: its database effect is rolled back', async () => {
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const slowKinds = {
        ...kinds,
        'test.slow': defineJob({
          schema: z.object({}),
          async run(_p, ctx) {
            await gate;
            await ctx.finish(async (q) => {
              await q.run('INSERT INTO test_notes (text) VALUES (?)', ['slow effect']);
            });
          },
        }),
      };
      await db.tx((q) => enqueueIn(slowKinds, q, 'test.slow', {}, { key: 'k-slow', now: clock }));
      const r = new JobRunner(db, { kinds: slowKinds, schedule: [], log: () => {}, now: () => clock });
      await r.pump();
      // Meanwhile another runner took it over (as after a lease that ran out).
      await db.run("UPDATE jobs SET locked_by = 'successor' WHERE idempotency_key = 'k-slow'");
      release();
      await r.stop();
      expect(await db.all("SELECT text FROM test_notes WHERE text = 'slow effect'")).toHaveLength(0);
      expect(await job('k-slow')).toMatchObject({ status: 'running', locked_by: 'successor' });
    });

    it('enqueues each schedule slot once, however many runners look, and runs daily jobs at the local time of each network', async () => {
      effects.length = 0;
      const user = 'sched-user';
      await db.run(
        "INSERT INTO users (id, email, name, password_hash, created_at) VALUES (?, 'sched@example.org', 'S', 'x', 0)",
        [user],
      );
      for (const [id, tz] of [
        ['net-vienna', 'Europe/Vienna'],
        ['net-auckland', 'Pacific/Auckland'],
        ['net-bogus', 'Not/AZone'],
      ])
        await db.run('INSERT INTO networks (id, name, created_by, created_at, time_zone) VALUES (?, ?, ?, 0, ?)', [
          id,
          id,
          user,
          tz,
        ]);
      const schedule: ScheduleEntry[] = [
        { name: 'tick', kind: 'test.tick', everyMinutes: 5 },
        { name: 'morning', kind: 'test.daily', dailyAt: '07:00', perNetwork: true },
      ];
      // 2026-06-01 05:30 UTC: 07:30 in Vienna (CEST), 17:30 in Auckland.
      clock = Date.UTC(2026, 5, 1, 5, 30, 0);
      const a = runner({ schedule });
      const b = runner({ schedule });
      await Promise.all([a.enqueueSchedule(), b.enqueueSchedule(), a.enqueueSchedule()]);
      await a.runUntilIdle();
      expect(effects.filter((e) => e === 'tick')).toHaveLength(1);
      expect(effects.filter((e) => e.startsWith('daily')).sort()).toEqual([
        'daily net-auckland 2026-06-01',
        'daily net-bogus 2026-06-01', // an unknown zone falls back to Europe/Vienna
        'daily net-vienna 2026-06-01',
      ]);

      // Four minutes later: the same 5-minute slot, the same day: nothing new.
      clock += 4 * 60_000;
      await b.enqueueSchedule();
      await b.runUntilIdle();
      expect(effects).toHaveLength(4);
      // Next slot; 19:30 UTC is 07:30 on 2 June in Auckland (NZST) but still 1 June in Vienna.
      clock = Date.UTC(2026, 5, 1, 19, 30, 0);
      await a.enqueueSchedule();
      await a.runUntilIdle();
      expect(effects.slice(4).sort()).toEqual(['daily net-auckland 2026-06-02', 'tick']);
      clock = Date.now();
    });

    it('the chores that were timers in the realtime process run as scheduled jobs', async () => {
      const uid = 'chore-user';
      await db.run(
        "INSERT INTO users (id, email, name, password_hash, created_at) VALUES (?, 'chore@example.org', 'C', 'x', 0)",
        [uid],
      );
      const day = 24 * 60 * 60_000;
      await db.run(
        'INSERT INTO realtime_tickets (token_hash, user_id, doc, created_at, expires_at) VALUES (?, ?, ?, ?, ?), (?, ?, ?, ?, ?)',
        ['old-ticket', uid, 'commons.x', 0, clock - day, 'fresh-ticket', uid, 'commons.x', clock, clock + 60_000],
      );
      await db.run(
        'INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?), (?, ?, ?, ?)',
        ['old-reset', uid, 0, clock - 2 * day, 'open-reset', uid, clock, clock + 60 * 60_000],
      );
      // The every-N-minutes chores (the daily per-network jobs have their own tests, e.g. the mandate expiry's).
      const r = runner({
        kinds: JOB_KINDS,
        schedule: SCHEDULE.filter((e) => 'everyMinutes' in e),
        now: () => Date.now(),
      });
      await r.enqueueSchedule();
      await r.runUntilIdle();
      expect(await db.all('SELECT token_hash FROM realtime_tickets')).toEqual([{ token_hash: 'fresh-ticket' }]);
      expect(await db.all('SELECT token_hash FROM password_resets')).toEqual([{ token_hash: 'open-reset' }]);
      const chores = await db.all<{ kind: string; status: string }>(
        "SELECT kind, status FROM jobs WHERE idempotency_key LIKE 'schedule:%' ORDER BY kind",
      );
      expect(chores).toEqual([
        { kind: 'auth.purge-password-resets', status: 'done' },
        { kind: 'digest.due', status: 'done' },
        { kind: 'exports.purge', status: 'done' },
        { kind: 'health.snapshots', status: 'done' },
        { kind: 'jobs.prune', status: 'done' },
        { kind: 'meetings.close-decisions', status: 'done' },
        { kind: 'realtime.purge-tickets', status: 'done' },
      ]);
    });

    it('a sent mail keeps only its recipient and subject in the outbox (its text may carry a one-time link)', async () => {
      await db.tx((q) =>
        enqueue(
          q,
          'mail.send',
          { to: 'ada@example.org', subject: 'Reset', text: 'https://x.test/reset-password/SECRET' },
          { key: 'mail:k-redact', now: clock },
        ),
      );
      expect((await job('mail:k-redact'))!.payload).toContain('SECRET');
      // Delivered into the outbox folder (no SMTP_URL in this test), then redacted.
      await runner({ kinds: JOB_KINDS }).runUntilIdle();
      const files = fs.readdirSync(path.join(dataDir, 'outbox'));
      // One file per Message-ID: both databases' runs use the same key, so the same file.
      const withLink = files.filter((f) => fs.readFileSync(path.join(dataDir, 'outbox', f), 'utf8').includes('SECRET'));
      expect(withLink).toHaveLength(1);
      const row = (await job('mail:k-redact'))!;
      expect(row.status).toBe('done');
      expect(JSON.parse(row.payload)).toEqual({ to: 'ada@example.org', subject: 'Reset' });
      expect(await db.get('SELECT state, tries FROM mail_log WHERE idempotency_key = ?', ['mail:k-redact'])).toEqual({
        state: 'sent',
        tries: 1,
      });
    });
  });
}

// Mail in these tests goes to the outbox folder of a temp DATA_DIR (no SMTP_URL).
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nwr-jobs-'));
beforeAll(() => {
  process.env.DATA_DIR = dataDir;
  delete process.env.SMTP_URL;
  resetEnvCache();
});
afterAll(() => {
  delete process.env.DATA_DIR;
  resetEnvCache();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

runnerContract('SQLite', freshSqlite);
describe.skipIf(!(await available('postgres')))('PostgreSQL', () => {
  runnerContract('PostgreSQL', freshPostgres);

  it('a job committed anywhere wakes an idle runner at once (LISTEN/NOTIFY), long before its next poll', async () => {
    const db = await freshPostgres();
    const ran: string[] = [];
    const kinds = {
      'test.wake': defineJob({
        schema: z.object({ n: z.number() }),
        async run(p) {
          ran.push(`ran ${p.n}`);
        },
      }),
    };
    const r = new JobRunner(db, { kinds, schedule: [], pollMs: 600_000, log: () => {} });
    try {
      r.start();
      await new Promise((res) => setTimeout(res, 500)); // its first look found nothing; the next poll is 10 min away
      await db.tx((q) => enqueueIn(kinds, q, 'test.wake', { n: 1 }, { key: 'wake-1' }));
      const deadline = Date.now() + 20_000;
      while (!ran.length && Date.now() < deadline) await new Promise((res) => setTimeout(res, 20));
      expect(ran).toEqual(['ran 1']);
      // A rolled-back enqueue notifies nobody and leaves nothing.
      await db
        .tx(async (q) => {
          await enqueueIn(kinds, q, 'test.wake', { n: 2 }, { key: 'wake-2' });
          throw new Error('rolled back');
        })
        .catch(() => undefined);
      await new Promise((res) => setTimeout(res, 300));
      expect(ran).toEqual(['ran 1']);
    } finally {
      await r.stop();
      await db.drop();
    }
  });
});

describe('backoff and local times', () => {
  it('doubles the wait from the base up to the cap, with ±20 % jitter', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, 1_000, 5_000, () => 0.5))).toEqual([1_000, 2_000, 4_000, 5_000]);
    expect(backoffDelay(1, 1_000, 5_000, () => 0)).toBe(800);
    expect(backoffDelay(1, 1_000, 5_000, () => 1)).toBe(1_200);
  });

  it('a daily slot on the days clocks change: after the gap in spring, once in autumn', () => {
    const entry: ScheduleEntry[] = [{ name: 'd', kind: 'k', dailyAt: '02:30', perNetwork: true }];
    const vienna = [{ id: 'n', timeZone: 'Europe/Vienna' }];
    // 29 March 2026: 02:00 CET jumps to 03:00 CEST, so 02:30 never happens; 01:00 UTC is 03:00 local.
    expect(localDateTime(Date.UTC(2026, 2, 29, 0, 59), 'Europe/Vienna')).toEqual({ date: '2026-03-29', time: '01:59' });
    expect(dueSlots(entry, Date.UTC(2026, 2, 29, 0, 59), vienna)).toEqual([]);
    expect(dueSlots(entry, Date.UTC(2026, 2, 29, 1, 0), vienna).map((s) => s.key)).toEqual(['schedule:d:n:2026-03-29']);
    // 25 October 2026: 02:30 happens twice (00:30 and 01:30 UTC); the key is the local date, so one job.
    const first = dueSlots(entry, Date.UTC(2026, 9, 25, 0, 30), vienna).map((s) => s.key);
    const second = dueSlots(entry, Date.UTC(2026, 9, 25, 1, 30), vienna).map((s) => s.key);
    expect(first).toEqual(['schedule:d:n:2026-10-25']);
    expect(second).toEqual(first);
  });
});
