/**
 * Closes connections whose rights changed. Polls the `activity` table for the
 * kinds that change document access and re-evaluates every open connection
 * of the affected networks with `lib/policies`; a connection whose access is
 * now different is closed with CLOSE.PERMISSIONS_CHANGED (the client
 * reconnects and is admitted at its new level, or refused).
 */
import type { Db } from '../lib/db/types';
import { CLOSE } from '../lib/realtime/close-codes';
import { accessFor } from './auth';
import type { Room, RoomHost } from './room';

export const ACCESS_KINDS = ['member.removed', 'member.role_changed', 'organisation.status_changed', 'member.joined'];

export class PermissionWatcher {
  private lastId = 0;
  /** Ids handled inside the look-back window. */
  private readonly seen = new Set<number>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();
  private stopping = false;

  constructor(
    private readonly db: Db,
    private readonly rooms: Map<string, Room>,
    private readonly intervalMs: number,
    private readonly log: RoomHost['log'],
  ) {}

  async start(): Promise<void> {
    const row = await this.db.get<{ id: number | null }>('SELECT MAX(id) AS id FROM activity');
    this.lastId = Number(row?.id ?? 0);
    this.schedule();
  }

  private schedule(): void {
    if (this.stopping) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.poll()
        .then(() => undefined)
        .catch((err) => this.log('warn', 'permission poll failed', err))
        .finally(() => this.schedule());
    }, this.intervalMs);
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
    const rows = await this.db.all<{ id: number; network_id: string | null }>(
      `SELECT id, network_id FROM activity
        WHERE id > ? AND id <= ? AND kind IN (${placeholders}) ORDER BY id LIMIT 1000`,
      [from, upper, ...ACCESS_KINDS],
    );
    const networks = new Set<string | null>();
    for (const r of rows) {
      const id = Number(r.id);
      if (this.seen.has(id)) continue;
      this.seen.add(id);
      networks.add(r.network_id);
    }
    if (rows.length >= 1000) {
      this.lastId = Math.max(this.lastId, Number(rows[rows.length - 1].id));
    } else {
      this.lastId = Math.max(this.lastId, upper);
    }
    for (const id of this.seen) if (id <= this.lastId - window) this.seen.delete(id);
    if (networks.size) await this.reevaluate(networks);
    return networks;
  }

  private async reevaluate(networks: Set<string | null>): Promise<void> {
    const all = networks.has(null);
    for (const room of this.rooms.values()) {
      if (!all && !networks.has(room.docName.networkId)) continue;
      for (const conn of [...room.conns]) {
        if (conn.closed) continue;
        const access = await accessFor(this.db, conn.userId, room.docName);
        if (access !== conn.access) {
          this.log('info', `access of ${conn.userId} to ${room.name} changed (${conn.access} → ${access ?? 'none'})`);
          conn.close(CLOSE.PERMISSIONS_CHANGED);
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
   * between its admission and its joining the room): decide again.
   */
  async recheck(room: Room, conn: Room['conns'] extends Set<infer C> ? C : never): Promise<void> {
    if (conn.closed) return;
    const access = await accessFor(this.db, conn.userId, room.docName);
    if (access !== conn.access) conn.close(CLOSE.PERMISSIONS_CHANGED);
  }

  stop(): void {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  async stopped(): Promise<void> {
    await this.running.catch(() => undefined);
  }
}
