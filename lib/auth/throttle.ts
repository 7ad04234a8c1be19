import type { Db, Queryable } from '../db/types';

/**
 * Sign-in throttling, with counters in the database (table `login_throttle`)
 * so every web instance sees the same numbers.
 *
 * Two counters per failed attempt:
 * - `acct:<email>|<address>`: consecutive failures for one account from one
 *   address. From the 5th failure on, the next attempt must wait: 30 s,
 *   doubling with every further failure, at most 15 minutes. A success
 *   clears it; a streak whose first failure is a day old starts over.
 * - `ip:<address>`: failures from one address within a day, whatever the
 *   account. After 100, the address is blocked until the day is over.
 *
 * Sign-in reserves each attempt before the password is checked
 * (`reserveAttempt`), so the limits hold under parallel requests too.
 *
 * The email is used as given (lower-cased), whether or not an account exists,
 * so a throttled answer never tells whether the account exists.
 *
 * Times come in as a parameter (`now`, ms) so tests can move the clock.
 */
export const ACCOUNT_FREE_FAILURES = 5;
export const ACCOUNT_BASE_WAIT_MS = 30_000;
export const ACCOUNT_MAX_WAIT_MS = 15 * 60_000;
export const ADDRESS_MAX_FAILURES_PER_DAY = 100;
const DAY_MS = 24 * 60 * 60_000;

export interface ThrottleSubject {
  email: string;
  address: string;
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

const accountKey = (s: ThrottleSubject) => `acct:${s.email.trim().toLowerCase()}|${s.address}`;
const addressKey = (s: ThrottleSubject) => `ip:${s.address}`;

/** The wait after `failures` consecutive failures of one account from one address. */
export function accountWaitMs(failures: number): number {
  if (failures < ACCOUNT_FREE_FAILURES) return 0;
  return Math.min(ACCOUNT_MAX_WAIT_MS, ACCOUNT_BASE_WAIT_MS * 2 ** (failures - ACCOUNT_FREE_FAILURES));
}

/**
 * Reserves one sign-in attempt, atomically: in one transaction (rows locked
 * in a fixed order on PostgreSQL; one writer at a time on SQLite) it checks
 * both counters and, when the attempt may go ahead, counts it as a failure in
 * advance. So parallel attempts cannot all pass the check before any failure
 * is counted: of 30 wrong passwords sent at once for one account, at most 5
 * are checked; one address gets at most 100 checks a day. A correct password
 * then takes the failure back (`recordSuccess`). Call before checking the
 * password; a refused attempt counts nothing.
 */
export async function reserveAttempt(db: Db, s: ThrottleSubject, now: number): Promise<ThrottleVerdict> {
  const keys = [accountKey(s), addressKey(s)];
  return db.tx(async (q) => {
    for (const key of keys) {
      await q.run(
        'INSERT INTO login_throttle (key, failures, window_start, blocked_until) VALUES (?, 0, ?, 0) ON CONFLICT (key) DO NOTHING',
        [key, now],
      );
    }
    let until = 0;
    for (const key of keys) {
      const row = await q.get<{ blocked_until: number | string }>(
        `SELECT blocked_until FROM login_throttle WHERE key = ?${q.dialect === 'postgres' ? ' FOR UPDATE' : ''}`,
        [key],
      );
      until = Math.max(until, Number(row?.blocked_until ?? 0));
    }
    if (until > now) return { allowed: false, retryAfterMs: until - now };
    const acct = await bump(q, accountKey(s), now, now - DAY_MS);
    const wait = accountWaitMs(acct.failures);
    if (wait > 0) await q.run('UPDATE login_throttle SET blocked_until = ? WHERE key = ?', [now + wait, accountKey(s)]);
    const ip = await bump(q, addressKey(s), now, now - DAY_MS);
    if (ip.failures >= ADDRESS_MAX_FAILURES_PER_DAY) {
      await q.run('UPDATE login_throttle SET blocked_until = ? WHERE key = ?', [
        ip.windowStart + DAY_MS,
        addressKey(s),
      ]);
    }
    return { allowed: true };
  });
}

/** May this attempt go ahead? (A read only: sign-in reserves with `reserveAttempt`.) */
export async function checkThrottle(db: Queryable, s: ThrottleSubject, now: number): Promise<ThrottleVerdict> {
  const rows = await db.all<{ blocked_until: number | string }>(
    'SELECT blocked_until FROM login_throttle WHERE key IN (?, ?)',
    [accountKey(s), addressKey(s)],
  );
  const until = Math.max(0, ...rows.map((r) => Number(r.blocked_until)));
  return until > now ? { allowed: false, retryAfterMs: until - now } : { allowed: true };
}

/**
 * Counts one failed attempt (wrong password or unknown account) on both
 * counters, in one transaction; each counter is bumped by a single UPDATE so
 * concurrent failures on several instances are all counted.
 */
export async function recordFailure(db: Db, s: ThrottleSubject, now: number): Promise<void> {
  await db.tx(async (q) => {
    const acct = await bump(q, accountKey(s), now, now - DAY_MS);
    const wait = accountWaitMs(acct.failures);
    if (wait > 0) {
      await q.run('UPDATE login_throttle SET blocked_until = ? WHERE key = ?', [now + wait, accountKey(s)]);
    }
    const ip = await bump(q, addressKey(s), now, now - DAY_MS);
    if (ip.failures > ADDRESS_MAX_FAILURES_PER_DAY) {
      await q.run('UPDATE login_throttle SET blocked_until = ? WHERE key = ?', [
        ip.windowStart + DAY_MS,
        addressKey(s),
      ]);
    }
  });
}

/**
 * A successful sign-in clears the account+address streak and takes back the
 * failure `reserveAttempt` counted in advance on the address (its other
 * failures of the day stay).
 */
export async function recordSuccess(db: Queryable, s: ThrottleSubject): Promise<void> {
  await db.run('DELETE FROM login_throttle WHERE key = ?', [accountKey(s)]);
  await db.run(
    `UPDATE login_throttle
        SET failures = failures - 1,
            blocked_until = CASE WHEN failures - 1 < ? THEN 0 ELSE blocked_until END
      WHERE key = ? AND failures > 0`,
    [ADDRESS_MAX_FAILURES_PER_DAY, addressKey(s)],
  );
}

/** Forgets every account+address streak of one email (after a password reset). */
export async function clearAccountThrottle(db: Queryable, email: string): Promise<void> {
  const prefix = `acct:${email.trim().toLowerCase()}|`;
  await db.run('DELETE FROM login_throttle WHERE substr(key, 1, ?) = ?', [prefix.length, prefix]);
}

/** Adds one failure; a window that began before `staleBefore` starts over at this failure. */
async function bump(q: Queryable, key: string, now: number, staleBefore: number) {
  await q.run(
    'INSERT INTO login_throttle (key, failures, window_start, blocked_until) VALUES (?, 0, ?, 0) ON CONFLICT (key) DO NOTHING',
    [key, now],
  );
  await q.run(
    `UPDATE login_throttle
        SET failures = CASE WHEN window_start < ? THEN 1 ELSE failures + 1 END,
            blocked_until = CASE WHEN window_start < ? THEN 0 ELSE blocked_until END,
            window_start = CASE WHEN window_start < ? THEN ? ELSE window_start END
      WHERE key = ?`,
    [staleBefore, staleBefore, staleBefore, now, key],
  );
  const row = await q.get<{ failures: number | string; window_start: number | string }>(
    'SELECT failures, window_start FROM login_throttle WHERE key = ?',
    [key],
  );
  return { failures: Number(row?.failures ?? 1), windowStart: Number(row?.window_start ?? now) };
}

/**
 * Generic fixed-window limit on the same table, for other endpoints that send
 * mail or cost work (password-reset requests). Returns false when over `max`
 * within `windowMs`; counts the attempt either way.
 */
export async function hitLimit(db: Db, key: string, max: number, windowMs: number, now: number): Promise<boolean> {
  return db.tx(async (q) => {
    const r = await bump(q, key, now, now - windowMs);
    return r.failures <= max;
  });
}
