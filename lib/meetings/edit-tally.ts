import type { Db } from '../db/types';
import type { DocName } from '../docs/names';

/**
 * Facilitation: how much of a meeting's document each organisation wrote.
 * The realtime server tells the tally, per accepted client update on a
 * meeting document, how many Yjs units (items and characters) it added and
 * whose connection sent it; the tally sums them in memory and adds them to
 * `meeting_edits` per meeting and organisation every few seconds (and on
 * shutdown), so typing costs no database write per keystroke. People without
 * an organisation (managers) are not counted: the figure is about partners.
 */
export class EditTally {
  private pending = new Map<string, number>();
  /** Yjs client ids seen per meeting and person (who wrote which items: agenda items per organisation). */
  private clients = new Map<string, Set<number>>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly intervalMs = 3000,
  ) {}

  add(doc: DocName, userId: string, grown: ReadonlyMap<number, number>): void {
    const units = [...grown.values()].reduce((a, b) => a + b, 0);
    if (doc.kind !== 'meeting' || units <= 0) return;
    const key = `${doc.networkId}|${doc.meetingId}|${userId}`;
    this.pending.set(key, (this.pending.get(key) ?? 0) + units);
    const seen = this.clients.get(key) ?? new Set<number>();
    for (const client of grown.keys()) seen.add(client);
    this.clients.set(key, seen);
    if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.flush();
      }, this.intervalMs);
      this.timer.unref?.();
    }
  }

  /** Writes what was counted; errors are reported and the counts dropped (a figure, not a record). */
  flush(): Promise<void> {
    const batch = this.pending;
    const clients = this.clients;
    this.pending = new Map();
    this.clients = new Map();
    this.flushing = this.flushing.then(async () => {
      for (const [key, units] of batch) {
        const [networkId, meetingId, userId] = key.split('|');
        const m = await this.db.get<{ organisation_id: string | null }>(
          'SELECT organisation_id FROM memberships WHERE user_id = ? AND network_id = ? AND removed_at IS NULL',
          [userId, networkId],
        );
        if (!m?.organisation_id) continue;
        await this.db.run(
          `INSERT INTO meeting_edits (meeting_id, organisation_id, units) VALUES (?, ?, ?)
             ON CONFLICT (meeting_id, organisation_id) DO UPDATE SET units = meeting_edits.units + excluded.units`,
          [meetingId, m.organisation_id, units],
        );
        for (const client of clients.get(key) ?? [])
          await this.db.run(
            `INSERT INTO meeting_clients (meeting_id, client_id, organisation_id) VALUES (?, ?, ?)
               ON CONFLICT (meeting_id, client_id) DO NOTHING`,
            [meetingId, client, m.organisation_id],
          );
      }
    });
    this.flushing = this.flushing.catch((err) => console.warn('[meetings] edit tally flush failed', err));
    return this.flushing;
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.flush();
  }
}

/** What an update added, per Yjs client id: the growth of each client's clock. */
export function grownClients(
  before: ReadonlyMap<number, number>,
  after: ReadonlyMap<number, number>,
): Map<number, number> {
  const out = new Map<number, number>();
  for (const [client, clock] of after) {
    const n = clock - (before.get(client) ?? 0);
    if (n > 0) out.set(client, n);
  }
  return out;
}
