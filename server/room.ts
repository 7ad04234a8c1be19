/**
 * One loaded document and its connections: strict message handling, the
 * read-only gate, validated updates, locks, group-committed persistence before
 * fan-out, acknowledgements, server-written changes, keep-alive and unload.
 * Connections are in connection.ts, the messages sent in messages.ts, presence
 * in awareness.ts.
 */
import * as Y from 'yjs';
import type { DocName } from '../lib/docs/names';
import type { Limits } from '../lib/realtime/limits';
import { allowedRoots } from '../lib/realtime/doc-schema';
import { CLOSE, type CloseCode } from '../lib/realtime/close-codes';
import { REFUSED_READ_ONLY, SYNC_STEP1, SYNC_STEP2 } from '../lib/realtime/protocol';
import { grownClients } from '../lib/meetings/edit-tally';
import { checkEncodedUpdate, checkStoreFrom, stateMap } from '../lib/realtime/loadable';
import { validateUpdate, type DecodedOut } from '../lib/realtime/validate-update';
import { touchedLockedPart } from '../lib/realtime/lock-parts';
import { Presence } from './awareness';
import type { Connection } from './connection';
import { parseClientFrame, ProtocolError } from './frame';
import { frameOf } from './wire-frame';
import type { CommitParticipant, CommitWork, GroupCommit } from './group-commit';
import type { DecodeGuard } from './decode-guard';
import { isEmptyUpdate, msgAccess, msgAck, msgRefused, msgSync, msgSyncUpdate } from './messages';
import type { DocStore } from './persistence';
import type { RedisBus } from './redis-bus';

export { DEFAULT_LIMITS, type Limits } from '../lib/realtime/limits';
export { Connection, TokenBucket, type Identity } from './connection';

/** Where a change to a server document came from. */
export type TxOrigin =
  | { kind: 'client'; conn: Connection }
  | { kind: 'load' }
  | { kind: 'redis' }
  /** A change a command wrote into the log (`writeDocument`): already stored, forwarded only. */
  | { kind: 'server' };

export interface RoomHost {
  store: DocStore;
  /** The process-wide group commit (one transaction per turn for all rooms). */
  commits: GroupCommit;
  /** Scale mode: other instances' updates and awareness (null without REDIS_URL). */
  bus: RedisBus | null;
  limits: Limits;
  /** Decodes large client updates in a worker within a time budget. */
  decodeGuard: DecodeGuard;
  log(level: 'info' | 'warn' | 'error', msg: string, extra?: unknown): void;
  /** Counts closes the server initiated, by code (for /metrics and tests). */
  countClose(code: CloseCode): void;
  /** SyncStep1 answers sent, and how many of them had to be encoded (the rest came from the cache). */
  counters: { syncAnswers: number; syncEncodings: number };
  /** The parts of a document locked now (lib/documents), read when a room loads and when a lock changes. */
  lockedParts(doc: string): Promise<LockedPart[]>;
  /** Called once the room has unloaded and may be forgotten. */
  onClosed(room: Room): void;
  /** A client's update was accepted; `grown`: per Yjs client id, the units it added (facilitation: lib/meetings/edit-tally.ts). */
  onEdit?(room: Room, conn: Connection, grown: Map<number, number>): void;
}

type Reply = { conn: Connection; make: () => Uint8Array };

const sameBytes = (a: Uint8Array, b: Uint8Array) =>
  a.length === b.length &&
  Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length));

/** A part of the document locked until `endsAt` (null: until unlocked). */
export interface LockedPart {
  part: string;
  endsAt: number | null;
}

export class Room implements CommitParticipant {
  /** Replaced once by the loaded (possibly recovered) document before the room is ready. */
  doc = new Y.Doc();
  readonly presence: Presence;
  readonly conns = new Set<Connection>();
  readonly roots: ReadonlySet<string>;
  state: 'loading' | 'ready' | 'closing' | 'closed' = 'loading';
  readonly ready: Promise<void>;
  readonly closedPromise: Promise<void>;
  private resolveClosed!: () => void;

  private queue: { update: Uint8Array; conn: Connection }[] = [];
  private ackWaiters = new Set<Connection>();
  /** The client ids whose structs the updates awaiting an acknowledgement carried (what the ack reports). */
  private ackClients = new Set<number>();
  private replies: Reply[] = [];
  /** A commit holding updates of this room is in progress. */
  private inFlight = false;
  /** A compaction in progress (no commit of this room starts meanwhile). */
  private compacting: Promise<void> | null = null;
  /** Work was held back during a compaction. */
  private deferred = false;
  private lastStoredId = 0;
  private sinceCompaction = 0;
  private compactQueued = false;
  private keepAlive: NodeJS.Timeout | null = null;
  private unloadTimer: NodeJS.Timeout | null = null;
  private failed = false;
  /** A snapshot did not load: logged once, the log is kept. */
  private compactionRefused = false;
  /**
   * SyncStep2 answers by (normalised) state vector, and the all-states awareness
   * message: a burst of SyncStep1 on a large document costs one encoding, not
   * one per request. Cleared on every change of the document / presence.
   */
  private syncCache = new Map<string, Uint8Array>();
  private busPending: ['update' | 'awareness', Uint8Array][] = [];
  /** Every server-written log row (`writeDocument`) with an id ≤ this is in the document. */
  private serverSeen = 0;
  private catchUpChain: Promise<void> = Promise.resolve();
  /** Locks in force (lib/documents): updates touching these parts are refused. */
  private locks: LockedPart[] = [];
  private locksRead: Promise<void> = Promise.resolve();
  /** Woken for server-written rows while loading: read them once loaded. */
  private rangWhileLoading = false;
  /** Updates to forward at the end of this event-loop turn (`fanOut`), with the connection that sent each. */
  private outgoing: { update: Uint8Array; from: Connection | null }[] = [];
  private fanOutScheduled = false;
  /** The client update being applied right now (validated), to compare with the server's re-encoding. */
  private validated: Uint8Array | null = null;
  /** The client update being applied right now was forwarded before applying (its `update` event forwards nothing). */
  private preForwarded = false;

  constructor(
    readonly name: string,
    readonly docName: DocName,
    private readonly host: RoomHost,
  ) {
    this.roots = allowedRoots(docName.kind);
    this.presence = new Presence(this.doc, name, this.conns, host.limits, () => host.bus);
    this.doc.on('update', this.onDocUpdate);
    this.closedPromise = new Promise((r) => (this.resolveClosed = r));
    this.ready = this.load();
  }

  private async load(): Promise<void> {
    try {
      // Subscribe before reading storage: nothing committed in between is missed.
      if (this.host.bus) await this.host.bus.subscribe(this.name, this.onBus);
      this.locks = await this.host.lockedParts(this.name);
      const loaded = await this.host.store.loadChecked(this.name, { kind: 'load' } satisfies TxOrigin);
      if (this.state !== 'loading') {
        loaded.doc.destroy();
        return;
      }
      this.adopt(loaded.doc);
      this.lastStoredId = loaded.lastId;
      this.serverSeen = loaded.lastId;
      this.sinceCompaction = loaded.tail;
      if (loaded.recovery) {
        const r = loaded.recovery;
        const moved = r.quarantined.map((x) => `${x.source} ${x.id}: ${x.reason}`).join('; ');
        this.host.log(
          'error',
          `${this.name} did not load (${r.reason}); recovered with ${r.kept} log rows, ` +
            `${r.quarantined.length} moved to yjs_quarantine (${moved})`,
        );
      }
    } catch (err) {
      this.host.log('error', `loading ${this.name} failed`, err);
      this.failed = true;
      throw err;
    }
    if (this.state !== 'loading') return;
    this.state = 'ready';
    for (const [kind, data] of this.busPending.splice(0)) this.onBus(kind, data);
    if (this.rangWhileLoading) this.ring();
    this.keepAlive = setInterval(this.onKeepAlive, this.host.limits.keepAliveMs);
    if (this.conns.size === 0) this.scheduleUnload();
  }

  /** Takes over the loaded document (no connection has seen the placeholder). */
  private adopt(doc: Y.Doc): void {
    this.doc.off('update', this.onDocUpdate);
    this.presence.rebind(doc);
    this.doc.destroy();
    this.doc = doc;
    doc.on('update', this.onDocUpdate);
  }

  /** The room's presence (y-protocols awareness). */
  get awareness() {
    return this.presence.awareness;
  }

  get pendingWrites(): number {
    return this.queue.length;
  }

  /** Adds a connection; initial sync is sent once the document has loaded. */
  attach(conn: Connection): void {
    if (this.unloadTimer) clearTimeout(this.unloadTimer);
    this.unloadTimer = null;
    this.conns.add(conn);
    conn.ws.on('close', () => this.detach(conn));
    this.ready.then(
      () => {
        if (conn.closed) return;
        conn.send(msgSync(SYNC_STEP1, Y.encodeStateVector(this.doc)));
        if (conn.wantsAck) conn.send(msgAccess(conn.access));
        conn.send(this.presence.allMessage());
        const pending = conn.pending ?? [];
        conn.pending = null;
        for (const data of pending) this.handle(conn, data);
      },
      () => conn.close(CLOSE.INTERNAL_ERROR),
    );
  }

  /** Handles one frame from `conn` (buffered while loading). */
  receive(conn: Connection, data: Buffer): void {
    if (conn.closed) return;
    if (conn.pending) {
      const l = this.host.limits;
      if (conn.pending.length >= l.maxPendingMessages || conn.pendingBytes + data.length > l.maxPendingBytes) {
        conn.close(CLOSE.RATE_LIMITED);
      } else {
        conn.pending.push(data);
        conn.pendingBytes += data.length;
      }
      return;
    }
    if (conn.held) {
      const l = this.host.limits;
      if (conn.held.length >= l.maxPendingMessages || conn.heldBytes + data.length > l.maxPendingBytes) {
        conn.close(CLOSE.RATE_LIMITED);
      } else {
        conn.held.push(data);
        conn.heldBytes += data.length;
      }
      return;
    }
    this.handle(conn, data);
  }

  private handle(conn: Connection, data: Buffer): void {
    if (conn.closed) return;
    try {
      const msg = parseClientFrame(data);
      // Stock clients echo every remote awareness change back: those are cheap and
      // frequent in busy rooms, so they cost a fraction of a token.
      if (!conn.messages.take(msg.type === 'awareness' ? 0.1 : 1)) return conn.close(CLOSE.RATE_LIMITED);
      switch (msg.type) {
        case 'sync-step1': {
          if (!conn.syncRate.take()) return conn.close(CLOSE.RATE_LIMITED);
          const sv = msg.stateVector;
          // Answered from committed state only: what a client sees is durable.
          this.replies.push({ conn, make: () => this.syncAnswer(sv) });
          this.scheduleFlush(true);
          return;
        }
        case 'sync-step2':
        case 'sync-update': {
          if (conn.access !== 'write') {
            if (conn.wantsAck && !isEmptyUpdate(msg.update)) {
              conn.send(msgRefused(REFUSED_READ_ONLY, 'read-only connection: update dropped'));
            }
            return;
          }
          return this.applyClientUpdate(conn, msg.update, msg.type === 'sync-update');
        }
        case 'awareness':
          return this.presence.applyClient(conn, msg.update);
        case 'query-awareness':
          if (!conn.syncRate.take()) return conn.close(CLOSE.RATE_LIMITED);
          return conn.send(this.presence.allMessage());
      }
    } catch (err) {
      if (err instanceof ProtocolError) {
        this.host.log('warn', `protocol error from conn ${conn.id} on ${this.name}: ${err.message}`);
        conn.close(CLOSE.PROTOCOL_ERROR);
      } else {
        this.host.log('error', `handling a message on ${this.name} failed`, err);
        conn.close(CLOSE.INTERNAL_ERROR);
      }
    }
  }

  /** `incremental`: a sync-update message (one change as the client's Yjs encoded it), not a whole SyncStep2. */
  private applyClientUpdate(conn: Connection, update: Uint8Array, incremental: boolean): void {
    if (update.length > this.host.limits.maxUpdateBytes) {
      this.host.log('warn', `update of ${update.length} bytes refused on ${this.name}`);
      return conn.close(CLOSE.UPDATE_REJECTED);
    }
    if (!conn.updateBytes.take(update.length)) {
      this.host.log('warn', `conn ${conn.id} on ${this.name} sent updates faster than its byte budget`);
      return conn.close(CLOSE.RATE_LIMITED);
    }
    if (update.length > this.host.limits.decodeInlineMaxBytes) return this.applyLargeClientUpdate(conn, update);
    this.applyCheckedClientUpdate(conn, update, incremental);
  }

  /**
   * A large update is decoded in the worker first, within the time budget; the
   * connection's later frames wait (in order) until it is decided.
   */
  private applyLargeClientUpdate(conn: Connection, update: Uint8Array): void {
    conn.held = [];
    conn.heldBytes = 0;
    const copy = Uint8Array.from(update);
    this.host.decodeGuard.check(copy).then(
      (verdict) => {
        if (conn.closed) return;
        if (verdict !== 'ok') {
          this.host.log('warn', `update of ${update.length} bytes refused on ${this.name}: ${verdict}`);
          return conn.close(CLOSE.UPDATE_REJECTED);
        }
        if (this.state !== 'ready') return conn.close(CLOSE.INTERNAL_ERROR);
        this.applyCheckedClientUpdate(conn, update, false);
        const queue = conn.held ?? [];
        conn.held = null;
        conn.heldBytes = 0;
        while (queue.length > 0 && !conn.closed) {
          this.handle(conn, queue.shift()!);
          if (conn.held) {
            // Another large update: the rest waits behind it, in order.
            (conn.held as Buffer[]).push(...queue);
            break;
          }
        }
      },
      (err) => {
        this.host.log('error', `decoding a large update on ${this.name} failed`, err);
        conn.close(CLOSE.INTERNAL_ERROR);
      },
    );
  }

  /**
   * Validates, checks locks, applies and (through the `update` event) queues for the group commit and forwards.
   * `early`: a small incremental update, which may be forwarded before it is applied (see below).
   */
  private applyCheckedClientUpdate(conn: Connection, update: Uint8Array, early: boolean): void {
    // Decoded once here; the lock check reuses it, and a re-encoding equal to these bytes is not decoded again.
    const decoded: DecodedOut = {};
    const verdict = validateUpdate(this.doc, update, this.roots, decoded);
    if (!verdict.ok) {
      this.host.log('warn', `update refused on ${this.name}: ${verdict.reason}`);
      return conn.close(CLOSE.UPDATE_REJECTED);
    }
    const locked = this.lockedNow();
    if (locked.size) {
      const part = touchedLockedPart(this.doc, update, locked, decoded.value);
      if (part !== null) {
        this.host.log('info', `update of conn ${conn.id} refused on ${this.name}: ${part} is locked`);
        return conn.close(CLOSE.DOCUMENT_LOCKED);
      }
    }
    // Forwarded before it is applied, when it is the first update the room accepts in this turn (the leading
    // edge) and every struct in it is new to the document: then applying it integrates exactly what it carries,
    // and its validated bytes are what Yjs would re-encode (the observers' Yjs decodes the same structs). Applying
    // and everything after it then happen while the observers already receive it. Other updates (a SyncStep2,
    // which re-sends known deletions; one that repeats known structs; the rest of a busy turn) are forwarded as
    // the server's own encoding after applying, as before. What is stored is always the server's encoding.
    if (early && decoded.allNew && !this.fanOutScheduled) {
      this.forward(update, conn);
      this.preForwarded = true;
    }
    // Only the clients whose structs the update carries can change (a document collects one client id per
    // editing session, thousands over its life: the checks below stay O(update), not O(history)).
    const touched = new Set<number>();
    for (const s of decoded.value!.structs) touched.add(s.id.client);
    const before = stateMap(this.doc, touched);
    this.validated = update;
    try {
      Y.applyUpdate(this.doc, update, { kind: 'client', conn } satisfies TxOrigin);
    } catch (err) {
      // The validator should have refused it: the document may be half-changed, so
      // it is dropped (nothing of it is stored) and reloaded from storage.
      conn.close(CLOSE.UPDATE_REJECTED);
      return this.fail(new Error(`applying a validated update threw: ${(err as Error)?.message}`));
    } finally {
      this.validated = null;
      this.preForwarded = false;
    }
    const store = this.doc.store as unknown as { pendingStructs: unknown; pendingDs: unknown };
    if (store.pendingStructs || store.pendingDs) {
      // Never keep content that could not be integrated (it was not validated in place).
      store.pendingStructs = null;
      store.pendingDs = null;
      conn.close(CLOSE.UPDATE_REJECTED);
    }
    const broken = checkStoreFrom(this.doc, before, touched);
    if (broken) {
      conn.close(CLOSE.UPDATE_REJECTED);
      return this.fail(new Error(`an update left the document unloadable: ${broken}`));
    }
    if (this.host.onEdit) this.host.onEdit(this, conn, grownClients(before, stateMap(this.doc, touched)));
    if (conn.wantsAck && !conn.closed) {
      this.ackWaiters.add(conn);
      for (const client of touched) this.ackClients.add(client);
      this.scheduleFlush();
    }
  }

  /** A message from another instance (already stored there). */
  private onBus = (kind: 'update' | 'awareness', data: Uint8Array): void => {
    if (this.state === 'loading') {
      if (this.busPending.length < 10_000) this.busPending.push([kind, data]);
      return;
    }
    if (this.state !== 'ready') return;
    if (kind === 'update') Y.applyUpdate(this.doc, data, { kind: 'redis' } satisfies TxOrigin);
    else this.presence.applyRemote(data);
  };

  /**
   * A command wrote into this document (`writeDocument`; woken by its activity
   * row, or by the server's safety-net poll): read the new rows, apply and forward them.
   */
  ring(): void {
    if (this.state === 'loading') {
      this.rangWhileLoading = true;
      return;
    }
    if (this.state === 'ready') {
      this.catchUp().catch((err) =>
        this.host.log('warn', `reading server-written changes of ${this.name} failed`, err),
      );
    }
  }

  /**
   * Reads the server-written rows after `serverSeen` and applies them with
   * origin `server` (already stored: forwarded to the clients, not stored
   * again). Yjs ignores what the document already holds, so a row read twice
   * changes nothing. Resolves when the document holds every such row committed
   * before the call.
   */
  catchUp(): Promise<void> {
    // Each call reads afresh after the previous read (a read already under way may predate the caller's rows).
    const next = this.catchUpChain.catch(() => undefined).then(() => this.readServerRows());
    this.catchUpChain = next;
    return next;
  }

  private async readServerRows(): Promise<void> {
    if (this.state !== 'ready' && this.state !== 'closing') return;
    const rows = await this.host.store.serverRowsAfter(this.name, this.serverSeen);
    if ((this.state !== 'ready' && this.state !== 'closing') || !rows.length) return;
    this.doc.transact(
      () => {
        for (const r of rows) Y.applyUpdate(this.doc, r.data, { kind: 'server' } satisfies TxOrigin);
      },
      { kind: 'server' } satisfies TxOrigin,
    );
    const store = this.doc.store as unknown as { pendingStructs: unknown; pendingDs: unknown };
    if (store.pendingStructs || store.pendingDs) {
      // A row builds on one this instance has not received yet (scale mode, Redis lagging):
      // re-read everything stored, in order, which holds both.
      store.pendingStructs = null;
      store.pendingDs = null;
      await this.host.store.load(this.name, this.doc, { kind: 'server' } satisfies TxOrigin);
    }
    this.serverSeen = Math.max(this.serverSeen, rows[rows.length - 1].id);
  }

  /** The parts locked at this moment (a lock ends by itself at its end time). */
  private lockedNow(): Set<string> {
    if (!this.locks.length) return new Set();
    const now = Date.now();
    return new Set(this.locks.filter((l) => l.endsAt === null || l.endsAt > now).map((l) => l.part));
  }

  /** A lock on this document was set or lifted: read the locks in force again. */
  refreshLocks(): Promise<void> {
    this.locksEpoch++;
    this.locksRead = this.locksRead
      .catch(() => undefined)
      .then(async () => {
        if (this.state === 'closed') return;
        this.locks = await this.host.lockedParts(this.name);
      });
    return this.locksRead;
  }

  /** Counts lock refreshes, so that a slower poll never overwrites a fresher read. */
  locksEpoch = 0;

  /** The safety-net poll's view of the locks in force, read when `locksEpoch` was `epoch`. */
  setLocks(locks: LockedPart[], epoch: number): void {
    if (epoch === this.locksEpoch) this.locks = locks;
  }

  /** After Redis was unreachable: re-read storage, forward what is new to our clients. */
  async resync(): Promise<void> {
    if (this.state !== 'ready') return;
    await this.host.store.load(this.name, this.doc, { kind: 'redis' } satisfies TxOrigin);
  }

  private onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.syncCache.clear();
    const o = origin as TxOrigin | undefined;
    if (o?.kind === 'redis' || o?.kind === 'server') {
      // Stored by the instance that accepted it, or by the command that wrote it: forward only.
      this.forward(update, null);
      return;
    }
    if (o?.kind !== 'client') return; // loads are not stored again
    // What is stored must load again: the server's own encoding is checked too, unless it is byte for byte the
    // update the validator just passed (the usual case: then the validator's checks were made on these bytes).
    const same = this.validated !== null && sameBytes(update, this.validated);
    this.validated = null;
    const broken = same ? null : checkEncodedUpdate(update);
    if (broken) {
      o.conn.close(CLOSE.UPDATE_REJECTED);
      this.fail(new Error(`the server's encoding of an update is not loadable: ${broken}`));
      return;
    }
    this.queue.push({ update, conn: o.conn });
    // Forward first: validated and applied is enough to pass it on (encoded once for
    // every receiver); it is stored by the next group commit, and only then is its
    // author told (message 100). See "Ordering guarantees" in docs/realtime.md.
    // (Already forwarded, as its validated bytes, when applyCheckedClientUpdate sent it before applying.)
    if (this.preForwarded) this.preForwarded = false;
    else this.forward(update, o.conn);
    this.host.bus?.publishUpdate(this.name, update);
    this.scheduleFlush();
  };

  /**
   * Forwarding, batched per event-loop turn with a leading edge: the FIRST
   * update a room accepts in a turn goes out at once (no wait for the turn to
   * end: a lone writer's update reaches its observers as fast as a relay
   * could send it); the updates that follow in the same turn are collected and
   * go to each observer as ONE message (merged; server encodings only, never
   * client bytes) at the end of the turn, or earlier if the group commit runs
   * first (`flushForwards`: nothing waits behind a storage write). Under load
   * (many writers, bursts) that turns k × n sends into at most 2n.
   */
  private forward(update: Uint8Array, from: Connection | null): void {
    if (!this.fanOutScheduled) {
      // Leading edge: send now, and open the turn's batch for what follows.
      this.fanOutScheduled = true;
      setImmediate(this.fanOut);
      this.sendForward([{ update, from }]);
      return;
    }
    this.outgoing.push({ update, from });
  }

  /** Sends what this turn collected (called by the group commit before it writes, and at the end of the turn). */
  flushForwards(): void {
    const batch = this.outgoing;
    if (!batch.length) return;
    this.outgoing = [];
    this.sendForward(batch);
  }

  private fanOut = (): void => {
    this.fanOutScheduled = false;
    this.flushForwards();
  };

  private sendForward(batch: { update: Uint8Array; from: Connection | null }[]): void {
    if (!batch.length || this.state === 'closed') return;
    if (batch.length === 1) {
      const { update, from } = batch[0];
      const frame = frameOf(msgSyncUpdate(update));
      for (const c of this.conns) if (c !== from && !c.pending) c.sendFrame(frame);
      return;
    }
    const all = frameOf(msgSyncUpdate(Y.mergeUpdates(batch.map((b) => b.update))));
    const authors = new Set(batch.map((b) => b.from));
    const ownLess = new Map<Connection, Uint8Array | null>();
    for (const c of this.conns) {
      if (c.pending) continue;
      if (!authors.has(c)) {
        c.sendFrame(all);
        continue;
      }
      // An author gets the others' updates of this turn, not its own back.
      let msg = ownLess.get(c);
      if (msg === undefined) {
        const others = batch.filter((b) => b.from !== c).map((b) => b.update);
        msg = others.length ? msgSyncUpdate(others.length === 1 ? others[0] : Y.mergeUpdates(others)) : null;
        ownLess.set(c, msg);
      }
      if (msg) c.send(msg);
    }
  }

  /** `urgent`: someone waits for it (a sync answer, an unload), so it does not wait for the commit window. */
  private scheduleFlush(urgent = false): void {
    this.host.commits.mark(this, urgent);
  }

  /**
   * Group commit, first half (called by GroupCommit, synchronously for all
   * rooms of one commit): hands over the updates to store and prepares what
   * goes out once they are committed: forwards, acknowledgements, and
   * sync answers computed from exactly the state being committed.
   */
  take(): CommitWork | null {
    if (this.failed || this.state === 'closed') return null;
    if (this.compacting) {
      this.deferred = true;
      return null;
    }
    if (!this.queue.length && !this.ackWaiters.size && !this.replies.length) return null;
    const batch = this.queue;
    const acks = this.ackWaiters;
    const replies = this.replies.map((r) => ({ conn: r.conn, msg: r.make() }));
    // The state at the cut of the clients these updates carried structs of (every update of theirs applied so
    // far is in this batch or committed before): an author's own client ids are among them.
    const sv = acks.size ? Y.encodeStateVector(stateMap(this.doc, this.ackClients)) : null;
    this.queue = [];
    this.ackWaiters = new Set();
    this.ackClients = new Set();
    this.replies = [];
    if (batch.length) this.inFlight = true;
    return {
      updates: batch.map((b) => b.update),
      done: (lastId) => this.committed(batch, acks, replies, sv, lastId),
      failed: (err) => {
        this.inFlight = false;
        this.fail(err);
      },
    };
  }

  /** Group commit, second half: the batch is stored (and was forwarded already); acknowledge and answer syncs. */
  private committed(
    batch: { update: Uint8Array; conn: Connection }[],
    acks: Set<Connection>,
    replies: { conn: Connection; msg: Uint8Array }[],
    sv: Uint8Array | null,
    lastId: number,
  ): void {
    this.inFlight = false;
    if (this.failed) return;
    if (batch.length) {
      this.lastStoredId = lastId;
      this.sinceCompaction += batch.length;
      for (const b of batch) b.conn.committed++;
    }
    for (const r of replies) r.conn.send(r.msg);
    if (sv) for (const c of acks) c.send(msgAck(c.committed, sv));
    if (this.sinceCompaction >= this.host.limits.compactEvery && !this.compactQueued && this.state === 'ready') {
      this.compactQueued = true;
      setImmediate(this.startCompaction);
    }
  }

  /** Compaction never overlaps a commit of this room: it starts between commits, and holds the next back. */
  private startCompaction = (): void => {
    this.compactQueued = false;
    // A commit of this room is in flight: its completion re-triggers compaction.
    if (this.compacting || this.inFlight || this.failed || this.state !== 'ready') return;
    this.compacting = this.compact().finally(() => {
      this.compacting = null;
      if (this.deferred) {
        this.deferred = false;
        this.scheduleFlush();
      }
    });
  };

  /** Snapshot + delete of the rows it covers (only while no commit of this room is in flight). */
  private async compact(): Promise<void> {
    if (this.failed || this.sinceCompaction === 0 || this.lastStoredId === 0) return;
    const upto = this.lastStoredId;
    const count = this.sinceCompaction;
    try {
      if (this.host.bus) await this.host.store.compactFromStore(this.name);
      else {
        // Rows a command wrote meanwhile are deleted with the others: the snapshot must hold them.
        await this.catchUp();
        const snapshot = Y.encodeStateAsUpdate(this.doc);
        // The snapshot replaces log rows only if it loads again (checked in the worker).
        const bad = await this.host.decodeGuard.checkLoadable(snapshot, this.host.limits.snapshotCheckBudgetMs);
        if (bad) {
          if (!this.compactionRefused) this.host.log('error', `compaction of ${this.name} refused: ${bad}`);
          this.compactionRefused = true;
          return;
        }
        await this.host.store.compact(this.name, snapshot, upto);
      }
      this.sinceCompaction = Math.max(0, this.sinceCompaction - count);
    } catch (err) {
      this.host.log('warn', `compaction of ${this.name} failed (will retry later)`, err);
    }
  }

  /**
   * Waits until what this room holds is committed and sent (and no compaction
   * runs). Bounded: writers that keep sending during an unload cannot hold it
   * forever (what they send after that is never acknowledged).
   */
  private async drain(): Promise<void> {
    for (let round = 0; round < 20; round++) {
      if (this.compacting) {
        await this.compacting;
        continue;
      }
      const pending = this.queue.length > 0 || this.ackWaiters.size > 0 || this.replies.length > 0;
      if (this.failed || (!pending && !this.inFlight)) return;
      if (pending) this.scheduleFlush(true);
      await this.host.commits.settle();
    }
  }

  /** Storage failed: the in-memory document holds unstored changes, so drop it; clients resync. */
  private fail(err: unknown): void {
    this.host.log('error', `storing updates of ${this.name} failed; closing the document`, err);
    this.failed = true;
    for (const c of this.conns) c.close(CLOSE.INTERNAL_ERROR);
    void this.unload();
  }

  /**
   * SyncStep2 for a client's state vector, from the cache when the same
   * (normalised) state vector was answered since the last change. The state
   * vector is normalised against the document (unknown clients dropped,
   * clocks capped), so made-up vectors all land on a few entries.
   */
  private syncAnswer(sv: Uint8Array): Uint8Array {
    const theirs = Y.decodeStateVector(sv);
    const kept: [number, number][] = [];
    for (const [client, clock] of theirs) {
      // Looked up one by one (0: a client id the document does not know), not by encoding every client id
      // the document ever had.
      const have = Y.getState(this.doc.store, client);
      if (have === 0 || clock <= 0) continue;
      kept.push([client, Math.min(clock, have)]);
    }
    kept.sort((a, b) => a[0] - b[0]);
    const key = kept.map(([c, k]) => `${c}:${k}`).join(',');
    let msg = this.syncCache.get(key);
    this.host.counters.syncAnswers++;
    if (!msg) {
      this.host.counters.syncEncodings++;
      const norm = new Map(kept);
      msg = msgSync(SYNC_STEP2, Y.encodeStateAsUpdate(this.doc, kept.length ? Y.encodeStateVector(norm) : undefined));
      if (this.syncCache.size >= 16) this.syncCache.delete(this.syncCache.keys().next().value!);
      this.syncCache.set(key, msg);
    }
    return msg;
  }

  /** Something for every connection at least every keepAliveMs (the client drops after 30 s of silence). */
  private onKeepAlive = (): void => {
    if (!this.conns.size) return;
    const frame = frameOf(this.presence.allMessage());
    for (const c of this.conns) if (!c.pending) c.sendFrame(frame);
  };

  private detach(conn: Connection): void {
    if (!this.conns.delete(conn)) return;
    this.ackWaiters.delete(conn);
    this.presence.release(conn);
    if (this.conns.size === 0) this.scheduleUnload();
  }

  private scheduleUnload(): void {
    if (this.state !== 'ready' || this.unloadTimer) return;
    this.unloadTimer = setTimeout(() => {
      this.unloadTimer = null;
      if (this.conns.size === 0) void this.unload();
    }, this.host.limits.idleUnloadMs);
  }

  /** Flushes, compacts, frees everything; resolves once nothing of the room is left. */
  async unload(code: CloseCode | null = null): Promise<void> {
    if (this.state === 'closing' || this.state === 'closed') return this.closedPromise;
    this.state = 'closing';
    if (this.unloadTimer) clearTimeout(this.unloadTimer);
    this.unloadTimer = null;
    if (this.keepAlive) clearInterval(this.keepAlive);
    this.keepAlive = null;
    try {
      await this.ready.catch(() => undefined);
      await this.drain();
      if (code !== null) for (const c of this.conns) c.close(code);
      if (this.compacting) await this.compacting;
      if (!this.failed && !this.inFlight && this.sinceCompaction > 0) {
        // Marked as compacting so that no commit of this room overlaps it.
        this.compacting = this.compact();
        await this.compacting;
        this.compacting = null;
      }
    } finally {
      if (this.host.bus) await this.host.bus.unsubscribe(this.name).catch(() => undefined);
      this.presence.destroy();
      this.doc.off('update', this.onDocUpdate);
      this.doc.destroy();
      this.state = 'closed';
      this.host.onClosed(this);
      this.resolveClosed();
    }
  }
}
