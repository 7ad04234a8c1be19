/**
 * Closes connections whose rights changed or whose session ended.
 *
 * Woken after a commit (`lib/activity/wake.ts`: in process, over Redis in
 * scale mode, or by the web process's loopback nudge in the embedded
 * default), it reads the activity rows whose kind changes access (the
 * catalog's `access`, `lib/activity/catalog.ts`) and
 * - `network` kinds: re-evaluates every open connection of that network with
 *   `lib/policies`; a connection whose access is now different is closed with
 *   CLOSE.PERMISSIONS_CHANGED (the client reconnects and is admitted at its
 *   new level, or refused);
 * - `sessions` kinds (password change, "sign out everywhere", password reset):
 *   closes every connection of that person admitted under an older session
 *   version with CLOSE.UNAUTHENTICATED (our client fetches a new ticket, which
 *   only a still-valid session gets).
 *
 * A sessions wake-up closes that person's sockets at once, before any read,
 * so nothing they send after it is stored. The database poll stays only as a
 * slow safety net (a lost wake-up, a row written by a process that cannot
 * reach us).
 */
import { ACCESS_KINDS, kindSpec } from '../lib/activity/catalog';
import type { ActivitySignal, ActivityWake } from '../lib/activity/wake';
import { currentSessionVersion } from '../lib/auth/session-version';
import type { Db } from '../lib/db/types';
import { CLOSE } from '../lib/realtime/close-codes';
import { accessFor } from './auth';
import type { Connection, Room, RoomHost } from './room';

/** The safety-net poll when nothing wakes the watcher. */
export const SAFETY_POLL_MS = 5000;
/** Work a re-evaluation does before it lets the event loop take a turn. */
const REEVALUATE_SLICE_MS = 1;

export class PermissionWatcher {
  private lastId = 0;
  /** Ids handled inside the look-back window. */
  private readonly seen = new Set<number>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();
  private busy = false;
  private again = false;
  private stopping = false;
  private unsubscribe: (() => void) | null = null;
  /** The session version each open connection was admitted with. */
  private readonly sessionOf = new WeakMap<Connection, number>();

  constructor(
    private readonly db: Db,
    private readonly rooms: Map<string, Room>,
    private readonly intervalMs: number,
    private readonly log: RoomHost['log'],
    private readonly wake: ActivityWake | null = null,
  ) {}

  async start(): Promise<void> {
    const row = await this.db.get<{ id: number | null }>('SELECT MAX(id) AS id FROM activity');
    this.lastId = Number(row?.id ?? 0);
    this.unsubscribe = this.wake?.subscribe((s) => this.onSignal(s)) ?? null;
    this.schedule();
  }

  private onSignal(signal: ActivitySignal): void {
    if (this.stopping || signal.access === 'none') return;
    if (signal.access === 'sessions' && signal.subjectId) this.closeUser(signal.subjectId, null);
    this.pollNow();
  }

  /** Polls now; a wake-up during a poll runs one more right after it (never two at once). */
  pollNow(): void {
    if (this.stopping) return;
    if (this.busy) {
      this.again = true;
      return;
    }
    this.busy = true;
    this.running = this.poll()
      .then(() => undefined)
      .catch((err) => this.log('warn', 'permission poll failed', err))
      .finally(() => {
        this.busy = false;
        if (this.again) {
          this.again = false;
          this.pollNow();
        }
      });
  }

  private schedule(): void {
    if (this.stopping) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.pollNow();
      this.schedule();
    }, this.intervalMs);
    this.timer.unref?.();
  }

  /** Remembers the session version a connection was admitted with. */
  admitted(conn: Connection, sessionVersion: number): void {
    this.sessionOf.set(conn, sessionVersion);
  }

  /**
   * One poll: returns the networks re-evaluated. On PostgreSQL, serial ids
   * can commit out of order, so the scan starts a window below the highest
   * id seen and skips ids already handled.
   */
  async poll(): Promise<Set<string | null>> {
    const placeholders = ACCESS_KINDS.map(() => '?').join(', ');
    const window = this.db.dialect === 'postgres' ? 500 : 0;
    const from = Math.max(0, this.lastId - window);
    // The upper bound first: a row inserted while we scan is picked up next time.
    const maxRow = await this.db.get<{ id: number | null }>('SELECT MAX(id) AS id FROM activity');
    const upper = Number(maxRow?.id ?? 0);
    // Nothing new (SQLite ids commit in order): one cheap query per poll, not two, on the event loop.
    if (window === 0 && upper <= this.lastId) return new Set();
    const rows = await this.db.all<{ id: number; network_id: string | null; kind: string; subject_id: string | null }>(
      `SELECT id, network_id, kind, subject_id FROM activity
        WHERE id > ? AND id <= ? AND kind IN (${placeholders}) ORDER BY id LIMIT 1000`,
      [from, upper, ...ACCESS_KINDS],
    );
    const networks = new Set<string | null>();
    const users = new Set<string>();
    for (const r of rows) {
      const id = Number(r.id);
      if (this.seen.has(id)) continue;
      this.seen.add(id);
      if (kindSpec(r.kind)?.access === 'sessions') {
        if (r.subject_id) users.add(r.subject_id);
      } else networks.add(r.network_id);
    }
    if (rows.length >= 1000) {
      this.lastId = Math.max(this.lastId, Number(rows[rows.length - 1].id));
    } else {
      this.lastId = Math.max(this.lastId, upper);
    }
    for (const id of this.seen) if (id <= this.lastId - window) this.seen.delete(id);
    for (const userId of users) {
      const sv = await currentSessionVersion(this.db, userId);
      this.closeUser(userId, sv);
    }
    if (networks.size) await this.reevaluate(networks);
    return networks;
  }

  /**
   * Closes the connections of `userId` admitted under a session version other
   * than `current` (all of them when `current` is null: a wake-up says the
   * sessions ended, and a still-valid browser simply reconnects).
   */
  private closeUser(userId: string, current: number | null): void {
    for (const room of this.rooms.values()) {
      for (const conn of [...room.conns]) {
        if (conn.closed || conn.userId !== userId) continue;
        if (current !== null && this.sessionOf.get(conn) === current) continue;
        this.log('info', `sessions of ${userId} ended: closing a connection to ${room.name}`);
        conn.close(CLOSE.UNAUTHENTICATED);
      }
    }
  }

  /**
   * Re-decides the access of every open connection to the rooms of `networks`
   * (all rooms for null). One decision per person and document in a pass (a
   * person's tabs and devices share it), and the event loop gets a turn after
   * every REEVALUATE_SLICE_MS of work: the embedded SQLite answers
   * synchronously, so without the turns a change in a network with hundreds of
   * open sockets held up every room's frames for the whole pass (500 sockets:
   * 11 ms in a CPU profile of the benchmark).
   */
  private async reevaluate(networks: Set<string | null>): Promise<void> {
    const all = networks.has(null);
    const decided = new Map<string, Awaited<ReturnType<typeof accessFor>>>();
    let sliceStart = performance.now();
    for (const room of [...this.rooms.values()]) {
      if (!all && !networks.has(room.docName.networkId)) continue;
      for (const conn of [...room.conns]) {
        if (conn.closed) continue;
        const key = `${conn.userId}\u0000${room.name}`;
        let access = decided.get(key);
        if (access === undefined) {
          access = await accessFor(this.db, conn.userId, room.docName);
          decided.set(key, access);
        }
        if (!conn.closed && access !== conn.access) {
          this.log('info', `access of ${conn.userId} to ${room.name} changed (${conn.access} → ${access ?? 'none'})`);
          conn.close(CLOSE.PERMISSIONS_CHANGED);
        }
        if (performance.now() - sliceStart >= REEVALUATE_SLICE_MS) {
          await new Promise<void>((resolve) => setImmediate(resolve));
          sliceStart = performance.now();
        }
      }
    }
  }

  /** The activity id the watcher has handled up to. */
  get watermark(): number {
    return this.lastId;
  }

  /**
   * For a connection admitted while the watcher moved on (a change landed
   * between its admission and its joining the room): decide again, session
   * version included.
   */
  async recheck(room: Room, conn: Connection): Promise<void> {
    if (conn.closed) return;
    const sv = await currentSessionVersion(this.db, conn.userId);
    if (sv === null || this.sessionOf.get(conn) !== sv) {
      conn.close(CLOSE.UNAUTHENTICATED);
      return;
    }
    const access = await accessFor(this.db, conn.userId, room.docName);
    if (access !== conn.access) conn.close(CLOSE.PERMISSIONS_CHANGED);
  }

  stop(): void {
    this.stopping = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  async stopped(): Promise<void> {
    await this.running.catch(() => undefined);
  }
}
