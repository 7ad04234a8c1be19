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

  /** One poll: returns the networks re-evaluated. */
  async poll(): Promise<Set<string | null>> {
    const placeholders = ACCESS_KINDS.map(() => '?').join(', ');
    const rows = await this.db.all<{ id: number; network_id: string | null }>(
      `SELECT id, network_id FROM activity WHERE id > ? AND kind IN (${placeholders}) ORDER BY id LIMIT 1000`,
      [this.lastId, ...ACCESS_KINDS],
    );
    const networks = new Set<string | null>();
    for (const r of rows) {
      this.lastId = Math.max(this.lastId, Number(r.id));
      networks.add(r.network_id);
    }
    // Also move past unrelated rows so the scan stays short.
    if (!rows.length) {
      const max = await this.db.get<{ id: number | null }>('SELECT MAX(id) AS id FROM activity');
      this.lastId = Math.max(this.lastId, Number(max?.id ?? 0));
    }
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

  stop(): void {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  async stopped(): Promise<void> {
    await this.running.catch(() => undefined);
  }
}
