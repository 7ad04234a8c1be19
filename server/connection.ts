/**
 * One websocket of a room: who it is, its access, its rate budgets, what it
 * sent while the document loaded, and a send that drops a slow consumer
 * instead of buffering without bound.
 */
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import { frameOf, type Frame } from './wire-frame';
import type { Limits } from '../lib/realtime/limits';
import { CLOSE, CLOSE_REASON, type CloseCode } from '../lib/realtime/close-codes';
import type { Access } from '../lib/realtime/protocol';

export interface Identity {
  id: string;
  name: string;
  organisation: string | null;
  colour: string;
}

export class TokenBucket {
  private tokens: number;
  private last = Date.now();
  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
  ) {
    this.tokens = burst;
  }
  take(cost = 1): boolean {
    const now = Date.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }
}

let nextConnId = 1;

/** Messages up to this size are framed and copied by us; larger ones are left to ws (no copy of the payload). */
const DIRECT_MAX = 64 * 1024;

export class Connection {
  readonly id = nextConnId++;
  closed = false;
  /** The one awareness clientID this connection may set or clear. */
  awarenessId: number | null = null;
  /** Updates from this connection that are committed. */
  committed = 0;
  pending: Buffer[] | null = [];
  pendingBytes = 0;
  /** Frames held back while a large update of this connection is decoded in the worker. */
  held: Buffer[] | null = null;
  heldBytes = 0;
  readonly messages: TokenBucket;
  readonly awarenessRate: TokenBucket;
  /** SyncStep1 and awareness queries: each is answered with a whole-document (or whole-presence) message. */
  readonly syncRate: TokenBucket;
  /** Bytes of document updates (their validation and apply cost grows with their size). */
  readonly updateBytes: TokenBucket;
  private killTimer: NodeJS.Timeout | null = null;
  /** The TCP socket under `ws`, when prebuilt frames may be written to it directly (see wire-frame.ts). */
  private readonly socket: Socket | null;

  constructor(
    readonly ws: WebSocket,
    readonly userId: string,
    public access: Access,
    readonly wantsAck: boolean,
    readonly identity: Identity,
    limits: Limits,
    private readonly maxBuffered: number,
    private readonly onClose: (code: CloseCode) => void = () => undefined,
    /** The person's update-byte budget, shared by all their sockets (one bucket per connection when absent). */
    updateBytes?: TokenBucket,
  ) {
    this.messages = new TokenBucket(limits.messageBurst, limits.messagesPerSecond);
    this.awarenessRate = new TokenBucket(limits.awarenessBurst, limits.awarenessPerSecond);
    this.syncRate = new TokenBucket(limits.syncBurst, limits.syncPerSecond);
    this.updateBytes = updateBytes ?? new TokenBucket(limits.updateBytesBurst, limits.updateBytesPerSecond);
    this.socket = directSocket(ws);
    ws.once('close', () => {
      this.closed = true;
      if (this.killTimer) clearTimeout(this.killTimer);
      this.killTimer = null;
    });
  }

  /** Sends one protocol message; closes a slow consumer instead of buffering without bound. */
  send(data: Uint8Array): void {
    if (!this.mayWrite()) return;
    // Send errors surface as the socket's 'error' event (which terminates it).
    // A small message is framed here and written as one buffer; a large one
    // (a whole document) goes through ws, which writes it without a copy.
    if (this.socket && data.byteLength < DIRECT_MAX && isIdle(this.ws)) this.socket.write(frameOf(data).wire);
    else this.ws.send(data);
  }

  /** Whether prebuilt frames go straight to the socket (false: every send goes through ws). */
  get writesFrames(): boolean {
    return this.socket !== null;
  }

  /** Sends one prebuilt frame (the same bytes to every receiver of a broadcast), with the checks of send. */
  sendFrame(frame: Frame): void {
    if (!this.mayWrite()) return;
    if (this.socket && isIdle(this.ws)) this.socket.write(frame.wire);
    else this.ws.send(frame.payload);
  }

  /** Open, and not a slow consumer (one whose buffer passed the bound is closed instead). */
  private mayWrite(): boolean {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return false;
    if (this.ws.bufferedAmount > this.maxBuffered) {
      this.close(CLOSE.SLOW_CONSUMER);
      return false;
    }
    return true;
  }

  close(code: CloseCode): void {
    if (this.closed) return;
    this.closed = true;
    this.onClose(code);
    try {
      this.ws.close(code, CLOSE_REASON[code]);
    } catch {
      this.ws.terminate();
    }
    // A peer that does not answer the close handshake (or a slow consumer
    // whose buffer holds the close frame) is cut off.
    this.killTimer = setTimeout(() => this.ws.terminate(), 2000);
  }
}

/** ws' internals that decide whether a frame may bypass its sender (ws 8). */
interface WsInternals {
  _socket?: unknown;
  _sender?: { _state?: unknown; _queue?: unknown[] };
}

/**
 * The socket to write prebuilt frames to: only without extensions (no
 * compression, so a frame goes out as built) and only with the ws 8 internals
 * this relies on; otherwise null and every send goes through ws.
 */
function directSocket(ws: WebSocket): Socket | null {
  const internals = ws as unknown as WsInternals;
  const socket = internals._socket as Socket | undefined;
  if (ws.extensions !== '' || !socket || typeof socket.write !== 'function') return null;
  if (!internals._sender || !Array.isArray(internals._sender._queue)) return null;
  return socket;
}

/** ws' sender has nothing queued (its own frames are written whole, before ours). */
function isIdle(ws: WebSocket): boolean {
  const sender = (ws as unknown as WsInternals)._sender!;
  return sender._state === 0 && sender._queue!.length === 0;
}
