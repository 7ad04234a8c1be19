import crypto from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';

/**
 * The test clock for digests: puts a `digest.due` job with a chosen `now`
 * into the outbox of a running app (its SQLite database in `dataDir`); the
 * app's own job runner takes it within its poll and runs the digests as it
 * would at that moment (lib/notifications/digest.ts). Returns the job's key.
 */
export function runDigestsAt(dataDir: string, now: number): string {
  const key = `test-clock:digest.due:${now}:${crypto.randomUUID()}`;
  const db = new Database(path.join(dataDir, 'netzwerkraum.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare(
      `INSERT INTO jobs (id, kind, payload, idempotency_key, network_id, status, attempts, max_attempts, run_at, created_at)
       VALUES (?, 'digest.due', ?, ?, NULL, 'pending', 0, 3, 0, ?)`,
    ).run(crypto.randomUUID(), JSON.stringify({ now }), key, Date.now());
  } finally {
    db.close();
  }
  return key;
}

/**
 * The test clock for "for me" visits (lib/for-me/visit.ts): the person's last
 * look in the network moves two days back, beyond any visit window, as if that
 * much time had passed. Their next look starts a new visit; nothing else
 * changes. Returns whether there was a marker to move.
 */
export function endVisit(dataDir: string, email: string, networkId: string): boolean {
  const db = new Database(path.join(dataDir, 'netzwerkraum.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    const r = db
      .prepare(
        `UPDATE seen_markers SET seen_at = seen_at - ?
          WHERE network_id = ? AND user_id = (SELECT id FROM users WHERE lower(email) = lower(?))`,
      )
      .run(2 * 86_400_000, networkId, email);
    return r.changes === 1;
  } finally {
    db.close();
  }
}

/** The state of a job by key (to wait until the runner has done it). */
export function jobStatus(dataDir: string, key: string): string | null {
  const db = new Database(path.join(dataDir, 'netzwerkraum.sqlite'), { readonly: true });
  try {
    db.pragma('busy_timeout = 5000');
    const row = db.prepare('SELECT status FROM jobs WHERE idempotency_key = ?').get(key) as
      { status: string } | undefined;
    return row?.status ?? null;
  } finally {
    db.close();
  }
}

/** A moment tomorrow at `hh:mm` in Vienna (the digest default zone), as the next daily digest's clock. */
export function tomorrowInVienna(hh = 12, mm = 0): number {
  const d = new Date(Date.now() + 86_400_000);
  const wanted = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hh, mm);
  // The zone's offset at about that moment: Vienna's wall clock read as if it were UTC, minus the moment.
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Vienna',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(wanted)
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute);
  return wanted - (wall - wanted);
}
