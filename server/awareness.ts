/**
 * A room's presence (y-protocols awareness), sanitised: each connection binds
 * the first awareness clientID it announces that nobody else holds, entries
 * for any other id are dropped, `user` is stamped by the server, states are
 * capped in size and rate; changes go to the room's other connections (and, in
 * scale mode, to the other instances); the all-states message is encoded once
 * per change of presence.
 */
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { Limits } from '../lib/realtime/limits';
import { REFUSED_AWARENESS } from '../lib/realtime/protocol';
import { Connection } from './connection';
import { parseAwareness, ProtocolError } from './frame';
import { frameOf } from './wire-frame';
import { msgAwareness, msgRefused } from './messages';
import type { RedisBus } from './redis-bus';

export class Presence {
  awareness: awarenessProtocol.Awareness;
  private cache: Uint8Array | null = null;

  constructor(
    doc: Y.Doc,
    private readonly name: string,
    private readonly conns: ReadonlySet<Connection>,
    private readonly limits: Limits,
    private readonly bus: () => RedisBus | null,
  ) {
    this.awareness = this.make(doc);
  }

  private make(doc: Y.Doc): awarenessProtocol.Awareness {
    const a = new awarenessProtocol.Awareness(doc);
    a.setLocalState(null);
    a.on('update', this.onChange);
    return a;
  }

  /** Moves presence onto the loaded document (no connection has seen the placeholder). */
  rebind(doc: Y.Doc): void {
    this.destroy();
    this.cache = null;
    this.awareness = this.make(doc);
  }

  /** Another instance's presence (scale mode). */
  applyRemote(update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, 'redis');
  }

  /** A connection left: its entry goes, unless another connection of the same person shares the id. */
  release(conn: Connection): void {
    const id = conn.awarenessId;
    const shared = id !== null && [...this.conns].some((c) => c !== conn && c.awarenessId === id);
    if (id !== null && !shared && this.awareness.getStates().has(id)) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [id], 'server');
    }
  }

  destroy(): void {
    this.awareness.off('update', this.onChange);
    this.awareness.destroy();
  }

  /** May `conn` bind awareness id `id` as its own? */
  private canBind(conn: Connection, id: number): boolean {
    // The same person's id (a reconnect racing the old socket's close) is shared
    // until the old socket goes; any other known id (another connection's, another
    // instance's, an echo of a remote state) is never taken over.
    const owners = [...this.conns].filter((c) => c !== conn && c.awarenessId === id);
    if (owners.length) return owners.every((c) => c.userId === conn.userId);
    return !this.awareness.getStates().has(id);
  }

  applyClient(conn: Connection, payload: Uint8Array): void {
    const entries = parseAwareness(payload);
    if (conn.awarenessId === null) {
      const first = entries.find((x) => x.state !== 'null' && this.canBind(conn, x.clientId));
      if (first) conn.awarenessId = first.clientId;
    }
    // Everything else in the message is an echo of others' states (stock clients
    // send those back) or a spoofing attempt: dropped either way.
    const own = entries.filter((x) => x.clientId === conn.awarenessId);
    if (!own.length) return;
    if (!conn.awarenessRate.take()) {
      if (conn.wantsAck) conn.send(msgRefused(REFUSED_AWARENESS, 'awareness rate exceeded'));
      return;
    }
    const e = encoding.createEncoder();
    const keep: { clientId: number; clock: number; json: string }[] = [];
    for (const entry of own) {
      if (Buffer.byteLength(entry.state) > this.limits.maxAwarenessStateBytes) {
        if (conn.wantsAck) conn.send(msgRefused(REFUSED_AWARENESS, 'awareness state too large'));
        continue;
      }
      let state: unknown;
      try {
        state = JSON.parse(entry.state);
      } catch {
        throw new ProtocolError('awareness state is not JSON');
      }
      if (state === null) {
        keep.push({ clientId: entry.clientId, clock: entry.clock, json: 'null' });
      } else if (typeof state === 'object' && !Array.isArray(state)) {
        const stamped = { ...(state as Record<string, unknown>), user: { ...conn.identity } };
        keep.push({ clientId: entry.clientId, clock: entry.clock, json: JSON.stringify(stamped) });
      }
    }
    if (!keep.length) return;
    encoding.writeVarUint(e, keep.length);
    for (const k of keep) {
      encoding.writeVarUint(e, k.clientId);
      encoding.writeVarUint(e, k.clock);
      encoding.writeVarString(e, k.json);
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encoding.toUint8Array(e), conn);
  }

  private onChange = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...added, ...updated, ...removed];
    if (!changed.length) return;
    this.cache = null;
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    const frame = frameOf(msgAwareness(update));
    for (const c of this.conns) if (c !== origin && !c.pending) c.sendFrame(frame);
    // Our own clients' changes go to the other instances (not theirs, not time-outs).
    const bus = this.bus();
    if (bus && (origin instanceof Connection || origin === 'server')) bus.publishAwareness(this.name, update);
  };

  private all(): Uint8Array {
    return awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()]);
  }

  /** The all-states awareness message, encoded once per change of presence. */
  allMessage(): Uint8Array {
    return (this.cache ??= msgAwareness(this.all()));
  }
}
