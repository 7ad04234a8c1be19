import type { z } from 'zod';
import type { Db, Queryable } from '../db/types';

/** A job as its handler sees it. */
export interface JobInfo {
  id: string;
  kind: string;
  /** The idempotency key it was enqueued with: the key of its effect (e.g. the mail's Message-ID). */
  key: string;
  networkId: string | null;
  /** This try, counting from 1. */
  attempt: number;
  maxAttempts: number;
}

export interface JobContext {
  db: Db;
  job: JobInfo;
  /**
   * For effects that live only in the database: runs `fn` and marks the job
   * done in ONE transaction, so the effect happens exactly once (a crash
   * before the commit leaves neither; a runner that lost its lease rolls back).
   * A handler that does not call it is marked done after it returns.
   */
  finish(fn: (q: Queryable) => Promise<void>): Promise<void>;
  log(level: 'info' | 'warn' | 'error', msg: string): void;
}

/** One kind of background work: its payload, what it does, how often it may try. */
export interface JobKind<S extends z.ZodType = z.ZodType> {
  /** The payload, checked when enqueued and again when run. */
  schema: S;
  /**
   * Does the work. Throwing means "try again later" (with backoff) until
   * `maxAttempts`; then the job is dead, with the error kept.
   */
  run(payload: z.output<S>, ctx: JobContext): Promise<void>;
  /** Tries before it is dead (default 8). */
  maxAttempts?: number;
  /** First retry after this many ms, doubling each time (default 10 s), at most `maxBackoffMs` (default 1 h). */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** What of the payload is kept once done (e.g. a mail's text with a one-time link is dropped). Default: all. */
  redact?(payload: z.output<S>): unknown;
}

/** Declares a job kind with its payload type checked against its handler. */
export function defineJob<S extends z.ZodType>(kind: JobKind<S>): JobKind<S> {
  return kind;
}

export const DEFAULT_MAX_ATTEMPTS = 8;
export const DEFAULT_BACKOFF_MS = 10_000;
export const DEFAULT_MAX_BACKOFF_MS = 60 * 60_000;

/**
 * The wait before try `attempt + 1` after try `attempt` failed: `base · 2^(attempt−1)`,
 * capped, with ±20 % jitter so many failed jobs do not retry in lockstep.
 */
export function backoffDelay(
  attempt: number,
  base = DEFAULT_BACKOFF_MS,
  max = DEFAULT_MAX_BACKOFF_MS,
  random = Math.random,
): number {
  const exact = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  return Math.round(exact * (0.8 + 0.4 * random()));
}
