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
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly intervalMs = 3000,
  ) {}

  add(doc: DocName, userId: string, units: number): void {
    if (doc.kind !== 'meeting' || units <= 0) return;
    const key = `${doc.networkId}|${doc.meetingId}|${userId}`;
    this.pending.set(key, (this.pending.get(key) ?? 0) + units);
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
    this.pending = new Map();
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

/** How many units an update added: the growth of every client's clock. */
export function addedUnits(before: ReadonlyMap<number, number>, after: ReadonlyMap<number, number>): number {
  let n = 0;
  for (const [client, clock] of after) n += Math.max(0, clock - (before.get(client) ?? 0));
  return n;
}
