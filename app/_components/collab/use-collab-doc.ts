'use client';

import { useEffect, useState, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import type { Awareness } from 'y-protocols/awareness';
import {
  MESSAGE_ACCESS,
  MESSAGE_ACK,
  MESSAGE_REFUSED,
  PARAM_ACK,
  PARAM_TICKET,
  REFUSED_READ_ONLY,
  TICKET_PATH,
  type Access,
  type TicketResponse,
} from '@/lib/realtime/protocol';
import { AckTracker } from './ack';
import { clearLocalCopies, registerLocalCopy } from './local-copies';
import { backoffMs, closeOutcome, deriveStatus, type CollabStatus, type StopReason } from './status';
import { api, ApiError } from '@/app/_lib/api-client';

export interface CollabDoc {
  doc: Y.Doc;
  provider: WebsocketProvider;
  awareness: Awareness;
  status: CollabStatus;
  access: Access;
  synced: boolean;
  /** Drop the connection and connect again at once (with a fresh ticket). */
  reconnect: () => void;
}

export interface CollabDocOptions {
  /** The realtime server's base URL (REALTIME_URL); each ticket answer may override it. */
  realtimeUrl: string;
  /** What the page already knows about the person's access (the server decides again at connect). */
  initialAccess?: Access;
  /** Separates this person's offline copy from other people's on a shared computer. */
  storageScope?: string;
}

/** One live session of a document; lives as long as the component that uses it. */
class CollabSession {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly local: IndexeddbPersistence | null;
  private readonly acks = new AckTracker();
  private listeners = new Set<() => void>();
  private snapshot: { status: CollabStatus; access: Access; synced: boolean };
  private access: Access;
  private stopped: StopReason | null = null;
  private destroyed = false;
  private wasLive = false;
  private attempt = 0;
  private unauthenticatedInARow = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private connecting = false;
  /** Whether the current/last connect carried a fresh ticket (else only the session cookie). */
  private usedTicket = false;
  private readonly unregister: () => void;

  constructor(
    readonly docName: string,
    private readonly opts: CollabDocOptions,
  ) {
    this.access = opts.initialAccess ?? 'write';
    this.snapshot = { status: 'connecting', access: this.access, synced: false };
    this.local =
      typeof indexedDB === 'undefined'
        ? null
        : new IndexeddbPersistence(`nwr:${opts.storageScope ?? 'anon'}:${docName}`, this.doc);
    this.provider = new WebsocketProvider(opts.realtimeUrl, docName, this.doc, {
      connect: false,
      disableBc: true,
      params: { [PARAM_ACK]: '1' },
      // We decide about every reconnect ourselves (a fresh ticket first): see onConnectionClose.
      shouldReconnect: () => false,
    });
    // y-protocols starts our presence at clock 0, and peers take only a clock above the one they know (0 for
    // someone new): they would see us join only at the 15 s renewal. Clock 1 from the start: seen at once.
    this.provider.awareness.setLocalState({});
    // Sign-out closes and deletes every local copy (local-copies.ts).
    this.unregister = registerLocalCopy({
      hasUnsaved: () => this.acks.pending,
      closeLocal: async () => {
        await this.local?.destroy();
      },
    });
    this.installMessageHandlers();
    this.provider.on('status', this.emit);
    this.provider.on('sync', this.onSync);
    this.provider.on('connection-close', this.onConnectionClose);
    this.doc.on('update', this.onDocUpdate);
    if (typeof window !== 'undefined') {
      window.addEventListener('online', this.onOnline);
      window.addEventListener('offline', this.emit);
    }
    // Local copy first (fast, works offline), then the network; never wait long for IndexedDB.
    const localReady = this.local
      ? Promise.race([this.local.whenSynced, new Promise((r) => setTimeout(r, 1_000))])
      : Promise.resolve();
    void localReady.then(() => this.connect());
  }

  subscribe = (fn: () => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getSnapshot = () => this.snapshot;

  /**
   * The session is gone (signed out elsewhere, expired, ended everywhere): the
   * offline copies of this browser must not outlive it (shared computers).
   */
  private forgetLocalCopies() {
    if (this.stopped === 'signedOut') void clearLocalCopies();
  }

  private emit = () => {
    const p = this.provider;
    const status = deriveStatus({
      stopped: this.stopped,
      connected: p.wsconnected,
      synced: p.synced,
      wasLive: this.wasLive,
      browserOffline: typeof navigator !== 'undefined' && navigator.onLine === false,
      access: this.access,
      pending: this.acks.pending,
      saved: this.acks.saved,
    });
    const s = this.snapshot;
    if (s.status === status && s.access === this.access && s.synced === p.synced) return;
    this.snapshot = { status, access: this.access, synced: p.synced };
    for (const fn of this.listeners) fn();
  };

  private installMessageHandlers() {
    const handlers = this.provider.messageHandlers;
    handlers[MESSAGE_ACK] = (_enc, dec) => {
      decoding.readVarUint(dec); // count of our updates stored so far
      this.acks.noteAck(Y.decodeStateVector(decoding.readVarUint8Array(dec)));
      this.emit();
    };
    handlers[MESSAGE_ACCESS] = (_enc, dec) => {
      const access = decoding.readVarString(dec);
      if (access === 'read' || access === 'write') this.access = access;
      this.emit();
    };
    handlers[MESSAGE_REFUSED] = (_enc, dec) => {
      const reason = decoding.readVarUint(dec);
      decoding.readVarString(dec);
      if (reason === REFUSED_READ_ONLY) this.access = 'read';
      this.emit();
    };
  }

  private onSync = (synced: boolean) => {
    if (synced) {
      this.wasLive = true;
      this.attempt = 0;
      this.unauthenticatedInARow = 0;
    }
    this.emit();
  };

  private onDocUpdate = (_update: Uint8Array, origin: unknown) => {
    // Changes from the server (origin: the provider) and from the local copy are not ours to acknowledge.
    if (origin === this.provider || origin === this.local) return;
    this.acks.noteLocalChange(this.doc);
    this.emit();
  };

  private onOnline = () => {
    this.attempt = 0;
    if (!this.provider.wsconnected && !this.stopped) this.reconnectSoon(0);
    this.emit();
  };

  /** Every close ends with our own decision: stop, or fetch a fresh ticket and connect again. */
  private onConnectionClose = (event: CloseEvent | null) => {
    // Keep y-websocket's own timer from reconnecting with the used ticket.
    this.provider.shouldConnect = false;
    if (this.destroyed) return;
    const outcome = event ? closeOutcome(event.code) : 'reconnect';
    if (outcome !== 'reconnect' && outcome !== 'refreshTicket') {
      this.stopped = outcome;
    } else if (outcome === 'refreshTicket' && this.usedTicket && ++this.unauthenticatedInARow >= 2) {
      // Two fresh tickets in a row refused: the session is gone. (A refusal of a cookie-only connect, made
      // because the ticket could not be fetched, says nothing: keep trying.)
      this.stopped = 'signedOut';
      this.forgetLocalCopies();
    } else {
      this.reconnectSoon(backoffMs(this.attempt++));
    }
    this.emit();
  };

  private reconnectSoon(delay: number) {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, delay);
  }

  /** Fetches a fresh single-use ticket, then opens the socket. */
  async connect(): Promise<void> {
    if (this.destroyed || this.stopped || this.connecting || this.provider.ws) return;
    this.connecting = true;
    try {
      const params: Record<string, string> = { [PARAM_ACK]: '1' };
      try {
        const body = await api.post<TicketResponse>(TICKET_PATH, { doc: this.docName });
        params[PARAM_TICKET] = body.ticket;
        this.access = body.access;
        if (body.url) this.provider.serverUrl = body.url.replace(/\/+$/, '');
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) {
          this.stopped = 'signedOut';
          this.forgetLocalCopies();
        } else if (err instanceof ApiError && (err.status === 403 || err.status === 404)) {
          this.stopped = 'noAccess';
        }
        // Other answers (5xx), or no network for the ticket: the server also accepts the session cookie,
        // and if the socket fails too we simply stay offline with every edit kept locally.
      }
      if (this.destroyed || this.stopped) return;
      this.usedTicket = PARAM_TICKET in params;
      this.provider.params = params;
      this.provider.connect();
    } finally {
      this.connecting = false;
      this.emit();
    }
  }

  /** Closes the socket and connects again at once (also used by tests and the "reconnect" button). */
  reconnect = () => {
    if (this.destroyed) return;
    this.stopped = null;
    this.attempt = 0;
    this.unauthenticatedInARow = 0;
    if (this.provider.ws) this.provider.disconnect();
    this.reconnectSoon(0);
  };

  destroy() {
    this.destroyed = true;
    this.unregister();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', this.onOnline);
      window.removeEventListener('offline', this.emit);
    }
    this.doc.off('update', this.onDocUpdate);
    this.provider.off('status', this.emit);
    this.provider.off('sync', this.onSync);
    this.provider.off('connection-close', this.onConnectionClose);
    this.provider.destroy();
    void this.local?.destroy();
    this.doc.destroy();
    this.listeners.clear();
  }
}

const SERVER_SNAPSHOT = { status: 'connecting' as CollabStatus, access: 'read' as Access, synced: false };

/**
 * Live co-editing of one collaborative document (`commons.<net>`, `home.<net>.<org>`, …):
 * a Y.Doc synced through our realtime server (a fresh single-use ticket before every
 * connect, `ack=1` for "saved"), kept in IndexedDB for offline edits. Everything is
 * cleaned up on unmount. Returns null until mounted in the browser.
 */
export function useCollabDoc(docName: string, opts: CollabDocOptions): CollabDoc | null {
  const [session, setSession] = useState<CollabSession | null>(null);
  const { realtimeUrl, initialAccess, storageScope } = opts;
  useEffect(() => {
    const s = new CollabSession(docName, { realtimeUrl, initialAccess, storageScope });
    setSession(s);
    return () => {
      setSession(null);
      s.destroy();
    };
  }, [docName, realtimeUrl, initialAccess, storageScope]);

  const snap = useSyncExternalStore(
    session?.subscribe ?? noopSubscribe,
    session?.getSnapshot ?? serverSnapshot,
    serverSnapshot,
  );
  if (!session) return null;
  return {
    doc: session.doc,
    provider: session.provider,
    awareness: session.provider.awareness,
    status: snap.status,
    access: snap.access,
    synced: snap.synced,
    reconnect: session.reconnect,
  };
}

const noopSubscribe = () => () => {};
const serverSnapshot = () => SERVER_SNAPSHOT;
