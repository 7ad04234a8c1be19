import * as Y from 'yjs';

/**
 * Tracks whether the server has stored every change this browser made.
 *
 * The realtime server answers clients that connect with `ack=1` with
 * MESSAGE_ACK carrying the server document's state vector right after a
 * commit. Our changes are durable when, for every client id we wrote with, the
 * acknowledged clock has reached our local clock.
 */
export class AckTracker {
  /** clientID → clock after our latest local change with that id. */
  private readonly written = new Map<number, number>();
  private acked = new Map<number, number>();
  /** True once the server acknowledged at least one of our changes. */
  hasAcknowledged = false;

  /** Call after a local change of `doc` (any origin that is not the network). */
  noteLocalChange(doc: Y.Doc): void {
    this.written.set(doc.clientID, Y.getState(doc.store, doc.clientID));
  }

  /** Call with the state vector of a MESSAGE_ACK. */
  noteAck(stateVector: Map<number, number>): void {
    const merged = new Map(this.acked);
    for (const [client, clock] of stateVector) merged.set(client, Math.max(clock, merged.get(client) ?? 0));
    this.acked = merged;
    this.hasAcknowledged = true;
  }

  /** True while some local change has not been acknowledged. */
  get pending(): boolean {
    for (const [client, clock] of this.written) if ((this.acked.get(client) ?? 0) < clock) return true;
    return false;
  }

  /** True when we changed something and all of it is acknowledged. */
  get saved(): boolean {
    return this.written.size > 0 && this.hasAcknowledged && !this.pending;
  }
}
