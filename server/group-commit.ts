/**
 * Process-wide group commit: every room with something to write, acknowledge
 * or answer registers here; the updates of ALL those rooms are stored in ONE
 * transaction, and only then does each room acknowledge (message 100) and
 * answer SyncStep1. (Rooms forward an update as soon as it is validated and
 * applied, before this commit: see "Ordering guarantees" in docs/realtime.md.)
 * One commit runs at a time; whatever arrives meanwhile waits for the next one
 * (and so batches up).
 *
 * When: updates wait up to `delayMs` (the commit window, `commitDelayMs` in
 * the limits) so that the updates of many rooms share one transaction: a
 * transaction's fixed cost (BEGIN, writing the WAL frames, COMMIT) was most of
 * the server's CPU per update when every update got its own, and it ran on the
 * event loop between other rooms' updates. Only the author's acknowledgement
 * waits for it (observers have the update already). Work that a person waits
 * for (a SyncStep1 answer, an unload draining) is urgent: it commits at the end
 * of the turn (setImmediate), taking along whatever waits in the window.
 *
 * On SQLite with an idle connection the whole commit (transaction,
 * acknowledgements) runs synchronously inside that setImmediate callback
 * (`DocStore.appendManySync`): no promise hops. Otherwise (PostgreSQL, or
 * another query holds the connection) it awaits the same transaction through
 * the async data layer. The order is the same either way: stored, then acknowledged.
 */
import type { DocStore } from './persistence';

/** What a room hands over for one commit (taken synchronously, all at once). */
export interface CommitWork {
  /** Updates to store, in order (may be empty: acks and replies only). */
  updates: Uint8Array[];
  /** Called once the updates are committed, with the highest id written (0 when none). */
  done(lastId: number): void;
  /** Called when storing failed; nothing of this batch may be acknowledged. */
  failed(err: unknown): void;
}

export interface CommitParticipant {
  readonly name: string;
  /** Hands over the pending work, or null (nothing to do, or not now: the room re-registers later). */
  take(): CommitWork | null;
  /** Sends what the participant holds back for the end of the turn (forwards): called before each write. */
  flushForwards?(): void;
}

export class GroupCommit {
  private dirty = new Set<CommitParticipant>();
  /** A commit is scheduled at the end of this turn (setImmediate). */
  private scheduled = false;
  /** A commit is scheduled when the window closes. */
  private timer: NodeJS.Timeout | null = null;
  /** Something urgent was marked while a commit ran: the next one starts at once. */
  private urgentNext = false;
  private running: Promise<void> | null = null;

  constructor(
    private readonly store: DocStore,
    private readonly onError: (msg: string, err: unknown) => void,
    /** The commit window in ms (0: every turn). */
    private readonly delayMs = 0,
  ) {}

  /**
   * `p` has something to commit or send: it is included in the next commit,
   * at the latest when the window closes; `urgent`: at the end of this turn.
   */
  mark(p: CommitParticipant, urgent = false): void {
    this.dirty.add(p);
    this.schedule(urgent);
  }

  /** Is `p` waiting for the next commit? */
  isMarked(p: CommitParticipant): boolean {
    return this.dirty.has(p);
  }

  /** Resolves after the commit in progress (if any), or after the next turn. */
  async settle(): Promise<void> {
    if (this.running) {
      await this.running;
      return;
    }
    this.schedule(true);
    // Runs after the scheduled commit has started (its setImmediate was queued first).
    await new Promise<void>((r) => setImmediate(r));
    if (this.running) await this.running;
  }

  private schedule(urgent = false): void {
    if (!this.dirty.size) return;
    if (this.running) {
      // Scheduled again when it finishes.
      if (urgent) this.urgentNext = true;
      return;
    }
    if (this.scheduled) return;
    if (urgent || this.delayMs <= 0) {
      this.close();
      this.scheduled = true;
      setImmediate(this.run);
      return;
    }
    if (!this.timer) this.timer = setTimeout(this.run, this.delayMs);
  }

  /** Ends a pending window without committing (on shutdown, after `settle`; and when a commit starts anyway). */
  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private afterRun(): void {
    const urgent = this.urgentNext;
    this.urgentNext = false;
    this.schedule(urgent);
  }

  private run = (): void => {
    this.scheduled = false;
    this.close();
    if (this.running || !this.dirty.size) return;
    const batch = this.prepare();
    if (!batch) return;
    const { work, names, writes } = batch;
    const lastIds = new Array<number>(work.length).fill(0);
    if (writes.length) {
      let ids: number[] | null = null;
      try {
        ids = this.store.appendManySync(writes.map((i) => ({ name: names[i], updates: work[i].updates })));
      } catch {
        // Rolled back as a whole: the async path below retries each room alone.
        ids = null;
      }
      if (!ids) {
        this.running = this.commitAsync(batch, lastIds).finally(() => {
          this.running = null;
          this.afterRun();
        });
        return;
      }
      writes.forEach((i, k) => (lastIds[i] = ids[k]));
    }
    this.finish(work, names, lastIds, new Map());
    this.afterRun();
  };

  /** Takes the pending work of every marked participant (synchronously, all at once). */
  private prepare(): { work: CommitWork[]; names: string[]; writes: number[] } | null {
    const participants = [...this.dirty];
    this.dirty.clear();
    // Forwards first: no observer waits behind this storage write for an update already applied.
    for (const p of participants) {
      try {
        p.flushForwards?.();
      } catch (err) {
        this.onError(`forwarding before a commit for ${p.name} failed`, err);
      }
    }
    const work: CommitWork[] = [];
    const names: string[] = [];
    for (const p of participants) {
      try {
        const w = p.take();
        if (w) {
          work.push(w);
          names.push(p.name);
        }
      } catch (err) {
        this.onError(`preparing a commit for ${p.name} failed`, err);
      }
    }
    if (!work.length) return null;
    const writes: number[] = [];
    for (let i = 0; i < work.length; i++) if (work[i].updates.length) writes.push(i);
    return { work, names, writes };
  }

  private async commitAsync(
    { work, names, writes }: { work: CommitWork[]; names: string[]; writes: number[] },
    lastIds: number[],
  ): Promise<void> {
    const failed = new Map<number, unknown>();
    try {
      const ids = await this.store.appendMany(writes.map((i) => ({ name: names[i], updates: work[i].updates })));
      writes.forEach((i, k) => (lastIds[i] = ids[k]));
    } catch (err) {
      // The shared transaction rolled back as a whole. So that one room's
      // failure does not take the others down, each room retries alone
      // (still before anything is acknowledged); only rooms
      // whose own transaction fails too are failed.
      if (writes.length === 1) {
        failed.set(writes[0], err);
      } else {
        for (const i of writes) {
          try {
            lastIds[i] = await this.store.append(names[i], work[i].updates);
          } catch (err2) {
            failed.set(i, err2);
          }
        }
      }
    }
    this.finish(work, names, lastIds, failed);
  }

  private finish(work: CommitWork[], names: string[], lastIds: number[], failed: Map<number, unknown>): void {
    for (let i = 0; i < work.length; i++) {
      if (failed.has(i)) settle(() => work[i].failed(failed.get(i)), names[i], this.onError);
      else settle(() => work[i].done(lastIds[i]), names[i], this.onError);
    }
  }
}

function settle(fn: () => void, name: string, onError: (msg: string, err: unknown) => void): void {
  try {
    fn();
  } catch (err) {
    onError(`finishing a commit for ${name} failed`, err);
  }
}
