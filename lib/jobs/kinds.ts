import { z } from 'zod';
import { deliverMail } from '../mail/deliver';
import { purgeTickets } from '../realtime/tickets';
import { runMonthlyHealthSnapshots } from '../health/snapshots';
import { warnMandateExpiry } from '../management/warn-mandate-expiry';
import { purgeArchives, runArchive } from '../exports/archive';
import { closeDueDecisions } from '../meetings/close-decision';
import { enqueueDueDigests, runPersonDigest } from '../notifications/digest';
import { defineJob, type JobKind } from './define';

/**
 * Every kind of background job, by name. To add one: declare it here with
 * `defineJob` (payload schema, `run`, optionally attempts and backoff), then
 * enqueue it from a command with `enqueue(q, '<kind>', payload, { key })`, or
 * put it on the schedule (lib/jobs/schedule.ts). docs/jobs.md has the rules.
 */

const DAY_MS = 24 * 60 * 60_000;

/** A mail, rendered by the command that caused it (in the recipient's language). */
export const ZMailPayload = z.object({
  to: z.string().min(3).max(254),
  subject: z.string().max(500),
  text: z.string().max(100_000),
  html: z.string().max(500_000).optional(),
  headers: z.record(z.string().max(100), z.string().max(2000)).optional(),
});

const ZNoPayload = z.object({}).strict();

export const JOB_KINDS = {
  /** Sends one mail; the mail log keyed by the job's key keeps it from going out twice (lib/mail/deliver.ts). */
  'mail.send': defineJob({
    schema: ZMailPayload,
    maxAttempts: 10,
    backoffMs: 5_000,
    maxBackoffMs: 30 * 60_000,
    async run(mail, ctx) {
      const r = await deliverMail(ctx.db, ctx.job.key, mail, { log: (m) => ctx.log('warn', m) });
      if (r === 'already-sent') ctx.log('info', `mail for ${ctx.job.key} was already sent; not sending again`);
    },
    // The text may carry a one-time link (password reset): keep only who and what once it is sent.
    redact: (mail) => ({ to: mail.to, subject: mail.subject }),
  }),

  /** Deletes websocket tickets that expired (was a setInterval in the realtime process). */
  'realtime.purge-tickets': defineJob({
    schema: ZNoPayload,
    maxAttempts: 1,
    async run(_p, ctx) {
      await ctx.finish(async (q) => {
        await purgeTickets(q);
      });
    },
  }),

  /** Deletes password-reset tokens a day after they expired. */
  'auth.purge-password-resets': defineJob({
    schema: ZNoPayload,
    maxAttempts: 1,
    async run(_p, ctx) {
      await ctx.finish(async (q) => {
        await q.run('DELETE FROM password_resets WHERE expires_at < ?', [Date.now() - DAY_MS]);
      });
    },
  }),

  /**
   * Keeps each network's monthly health snapshots (lib/health): takes the months that have ended and have none
   * yet, so the health page reads history instead of recomputing it. Safe to run any number of times; when
   * nothing is new it costs one query per network.
   */
  'health.snapshots': defineJob({
    schema: ZNoPayload,
    maxAttempts: 3,
    backoffMs: 60_000,
    async run(_p, ctx) {
      const r = await runMonthlyHealthSnapshots(ctx.db, Date.now());
      if (r.taken > 0) ctx.log('info', `health snapshots: ${r.taken} month(s) over ${r.networks} network(s)`);
    },
  }),

  /**
   * Warns the network once when its management mandate ends within 30 days (lib/management): an activity row
   * every member sees, written together with the job's end. Daily per network.
   */
  'management.mandate-expiry': defineJob({
    schema: z.object({ networkId: z.string().min(1), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
    maxAttempts: 3,
    async run({ networkId, date }, ctx) {
      await ctx.finish(async (q) => {
        if (await warnMandateExpiry(q, networkId, date))
          ctx.log('info', `management mandate of ${networkId} expires soon: warned`);
      });
    },
  }),

  /**
   * Makes one archive (lib/exports/archive.ts): writes the zip page by page into DATA_DIR/exports with its
   * progress in `exports`, then marks it ready and enqueues the mail in one transaction. A retry starts the file
   * anew; after the last try the archive is marked failed.
   */
  'exports.archive': defineJob({
    schema: z.object({ exportId: z.uuid() }),
    maxAttempts: 3,
    backoffMs: 30_000,
    async run({ exportId }, ctx) {
      await runArchive(ctx.db, exportId, ctx);
    },
  }),

  /** Deletes the files of expired and failed archives (and any file no archive waits for). */
  'exports.purge': defineJob({
    schema: ZNoPayload,
    maxAttempts: 1,
    async run(_p, ctx) {
      const r = await purgeArchives(ctx.db);
      if (r.expired || r.removed) ctx.log('info', `exports: ${r.expired} expired, ${r.removed} file(s) removed`);
    },
  }),

  /** Closes meeting proposals whose closing time has passed (lib/meetings/close-decision.ts); idempotent. */
  'meetings.close-decisions': defineJob({
    schema: ZNoPayload,
    maxAttempts: 3,
    backoffMs: 10_000,
    async run(_p, ctx) {
      const n = await closeDueDecisions(ctx.db, Date.now());
      if (n > 0) ctx.log('info', `closed ${n} proposal(s) at their closing time`);
    },
  }),

  /**
   * Finds the people whose digest time has come (their local time, daily or on their weekday) and enqueues one
   * `digest.person` per person and period (key `digest:<user>:<period>`). `now` lets a test run it at a chosen
   * moment (the test clock); the schedule passes nothing (now).
   */
  'digest.due': defineJob({
    schema: z.object({ now: z.number().int().positive().optional() }).strict(),
    maxAttempts: 3,
    async run(p, ctx) {
      const n = await enqueueDueDigests(ctx.db, p.now ?? Date.now());
      if (n > 0) ctx.log('info', `digests: ${n} enqueued`);
    },
  }),

  /** One person's digest for one period: the mail (if anything is new) and the marks commit with the job's end. */
  'digest.person': defineJob({
    schema: z.object({ userId: z.string().min(1).max(100), period: z.string().max(40), now: z.number().int() }),
    maxAttempts: 5,
    backoffMs: 30_000,
    async run(p, ctx) {
      await runPersonDigest(ctx.db, p, (fn) => ctx.finish(fn));
    },
  }),

  /** Forgets finished jobs after a week, dead ones and the mail log after 30 days. */
  'jobs.prune': defineJob({
    schema: ZNoPayload,
    maxAttempts: 1,
    async run(_p, ctx) {
      const now = Date.now();
      await ctx.finish(async (q) => {
        await q.run("DELETE FROM jobs WHERE status = 'done' AND finished_at < ?", [now - 7 * DAY_MS]);
        await q.run("DELETE FROM jobs WHERE status = 'dead' AND finished_at < ?", [now - 30 * DAY_MS]);
        await q.run('DELETE FROM mail_log WHERE created_at < ?', [now - 30 * DAY_MS]);
      });
    },
  }),
} satisfies Record<string, JobKind>;

export type JobKindName = keyof typeof JOB_KINDS;
export type JobPayload<K extends JobKindName> = z.input<(typeof JOB_KINDS)[K]['schema']>;

/** A registry a runner works from: the kinds above, or (tests) more. */
export type JobRegistry = Record<string, JobKind>;
