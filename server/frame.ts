/**
 * Strict decoding of one client frame. The y-websocket protocol uses lib0
 * varints, which lib0 itself decodes leniently (`0x80 0x00` reads as 0); a gate
 * on lenient decoding or on raw bytes is bypassable. Here every varint must be
 * canonical, every length must fit, and the frame must hold exactly one
 * message with no trailing bytes. Anything else is a ProtocolError (the caller
 * closes that socket with CLOSE.PROTOCOL_ERROR).
 */
import {
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
  SYNC_STEP1,
  SYNC_STEP2,
  SYNC_UPDATE,
} from '../lib/realtime/protocol';

export class ProtocolError extends Error {}

export type ClientMessage =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'sync-step2'; update: Uint8Array }
  | { type: 'sync-update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' };

/** A cursor over a byte array that refuses anything non-canonical. */
export class StrictReader {
  pos = 0;
  constructor(readonly buf: Uint8Array) {}

  get done(): boolean {
    return this.pos === this.buf.length;
  }

  /** Canonical unsigned LEB128, at most 2^53 - 1. */
  varUint(): number {
    let value = 0;
    let mult = 1;
    for (let i = 0; ; i++) {
      if (this.pos >= this.buf.length) throw new ProtocolError('truncated varint');
      if (i >= 8) throw new ProtocolError('varint too long');
      const byte = this.buf[this.pos++];
      value += (byte & 0x7f) * mult;
      if (byte < 0x80) {
        if (byte === 0 && i > 0) throw new ProtocolError('non-canonical varint');
        if (value > Number.MAX_SAFE_INTEGER) throw new ProtocolError('varint too large');
        return value;
      }
      mult *= 128;
    }
  }

  bytes(len: number): Uint8Array {
    if (len > this.buf.length - this.pos) throw new ProtocolError('length beyond frame');
    const out = this.buf.subarray(this.pos, this.pos + len);
    this.pos += len;
    return out;
  }

  varBytes(): Uint8Array {
    return this.bytes(this.varUint());
  }

  varString(): string {
    const b = this.varBytes();
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(b);
    } catch {
      throw new ProtocolError('invalid utf-8');
    }
  }

  end(): void {
    if (!this.done) throw new ProtocolError('trailing bytes');
  }
}

/** Decodes one client frame, or throws ProtocolError. */
export function parseClientFrame(buf: Uint8Array): ClientMessage {
  const r = new StrictReader(buf);
  const type = r.varUint();
  let msg: ClientMessage;
  switch (type) {
    case MESSAGE_SYNC: {
      const sub = r.varUint();
      const payload = r.varBytes();
      if (sub === SYNC_STEP1) {
        checkStateVector(payload);
        msg = { type: 'sync-step1', stateVector: payload };
      } else if (sub === SYNC_STEP2) msg = { type: 'sync-step2', update: payload };
      else if (sub === SYNC_UPDATE) msg = { type: 'sync-update', update: payload };
      else throw new ProtocolError(`unknown sync message ${sub}`);
      break;
    }
    case MESSAGE_AWARENESS:
      msg = { type: 'awareness', update: r.varBytes() };
      break;
    case MESSAGE_QUERY_AWARENESS:
      msg = { type: 'query-awareness' };
      break;
    default:
      throw new ProtocolError(`unknown message type ${type}`);
  }
  r.end();
  return msg;
}

/** A state vector: count, then (client, clock) pairs, nothing after. */
function checkStateVector(payload: Uint8Array): void {
  const r = new StrictReader(payload);
  const n = r.varUint();
  if (n > payload.length) throw new ProtocolError('state vector count beyond payload');
  for (let i = 0; i < n; i++) {
    r.varUint();
    r.varUint();
  }
  r.end();
}

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** The JSON text ('null' removes the state). */
  state: string;
}

/**
 * An awareness update: count, then (clientID, clock, JSON string) entries.
 * Stock clients echo every remote change back, so many entries are normal;
 * the count is only checked against the payload (each entry takes ≥ 3 bytes).
 */
export function parseAwareness(payload: Uint8Array): AwarenessEntry[] {
  const r = new StrictReader(payload);
  const n = r.varUint();
  if (n * 3 > payload.length) throw new ProtocolError('awareness count beyond payload');
  const out: AwarenessEntry[] = [];
  for (let i = 0; i < n; i++) {
    const clientId = r.varUint();
    const clock = r.varUint();
    const state = r.varString();
    out.push({ clientId, clock, state });
  }
  r.end();
  return out;
}
