/**
 * Clients for the benchmark: the real providers (y-websocket 3.1 for ours and
 * the reference, the Hocuspocus provider for Hocuspocus) and lightweight
 * raw-protocol observers that only read frames and look for marker bytes, so
 * that hundreds of observers do not make the load generator the bottleneck.
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import { HocuspocusProvider } from '@hocuspocus/provider';

/** `floor`: a bare relay (no Yjs); `ours-redis`: two instances of ours over Redis (writer on A, observers on B). */
export type SystemName = 'ours' | 'reference' | 'hocuspocus' | 'floor' | 'ours-redis';

/** Where and how to connect to one room. */
export interface Endpoint {
  /** Base URL (ws://127.0.0.1:port). */
  base: string;
  /** Query parameters (e.g. a single-use ticket). */
  params: Record<string, string>;
  /** Extra upgrade headers (Origin, Cookie). */
  headers: Record<string, string>;
}

export interface System {
  name: SystemName;
  /** Prepares `count` fresh rooms (for ours: networks the bench user belongs to). */
  makeRooms(count: number): Promise<string[]>;
  /** A fresh endpoint for one connection to `room` (ours mints a ticket each time). */
  endpoint(room: string): Promise<Endpoint>;
  /** For mass connections: an endpoint that does not need a per-connection ticket (ours: the session cookie). */
  massEndpoint?(room: string): Promise<Endpoint>;
  /** Where each room's writer connects, when not where the observers do (two instances: A and B). */
  writerEndpoint?(room: string): Promise<Endpoint>;
  /** A bare relay without Yjs: writer and observers are all raw clients, frames carry the markers. */
  relayOnly?: boolean;
  protocol: 'y-websocket' | 'hocuspocus';
}

const EMPTY_SV = Y.encodeStateVector(new Y.Doc());
const HOCUS_VERSION = '4.7.0';

/** Frame builders for the two wire protocols (one message per frame). */
export function syncStep1Frame(protocol: System['protocol'], room: string, sv: Uint8Array = EMPTY_SV): Uint8Array {
  const e = encoding.createEncoder();
  if (protocol === 'hocuspocus') encoding.writeVarString(e, room);
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint8Array(e, sv);
  return encoding.toUint8Array(e);
}

export function updateFrame(protocol: System['protocol'], room: string, update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  if (protocol === 'hocuspocus') encoding.writeVarString(e, room);
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 2);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

function hocusAuthFrame(room: string, token = ''): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, room);
  encoding.writeVarUint(e, 2); // Auth
  encoding.writeVarUint(e, 0); // Token
  encoding.writeVarString(e, token);
  encoding.writeVarString(e, HOCUS_VERSION);
  return encoding.toUint8Array(e);
}

/** True when a frame is a SyncStep2 (the answer to our SyncStep1). */
function isSyncStep2(protocol: System['protocol'], data: Uint8Array): boolean {
  try {
    const d = decoding.createDecoder(data);
    if (protocol === 'hocuspocus') decoding.readVarString(d);
    const type = decoding.readVarUint(d);
    if (type !== 0 && type !== 4) return false;
    return decoding.readVarUint(d) === 1;
  } catch {
    return false;
  }
}

export interface RawConn {
  ws: WebSocket;
  close(): void;
  isOpen(): boolean;
  send(frame: Uint8Array): void;
}

/**
 * Opens a raw observer: connects, sends SyncStep1 (Hocuspocus: auth first) and
 * resolves once the server's SyncStep2 arrived. `onFrame` sees every later frame.
 */
export function openRaw(
  sys: System,
  room: string,
  ep: Endpoint,
  onFrame: ((data: Buffer) => void) | null,
  timeoutMs = 30_000,
): Promise<RawConn> {
  return new Promise((resolve, reject) => {
    const qs = new URLSearchParams(ep.params).toString();
    const url = sys.protocol === 'hocuspocus' ? ep.base : `${ep.base}/${room}${qs ? `?${qs}` : ''}`;
    const ws = new WebSocket(url, { headers: ep.headers, perMessageDeflate: false });
    let synced = false;
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error('raw observer: no SyncStep2 in time'));
    }, timeoutMs);
    const conn: RawConn = {
      ws,
      close: () => ws.terminate(),
      isOpen: () => ws.readyState === WebSocket.OPEN,
      send: (f) => ws.send(f),
    };
    ws.on('open', () => {
      if (sys.protocol === 'hocuspocus') ws.send(hocusAuthFrame(room));
      ws.send(syncStep1Frame(sys.protocol, room));
    });
    ws.on('message', (data: Buffer) => {
      if (!synced) {
        if (isSyncStep2(sys.protocol, data)) {
          synced = true;
          clearTimeout(timer);
          resolve(conn);
        }
        return;
      }
      onFrame?.(data);
    });
    ws.on('error', (err) => {
      clearTimeout(timer);
      if (!synced) reject(err);
    });
    ws.on('close', (code) => {
      clearTimeout(timer);
      if (!synced) reject(new Error(`raw observer closed before sync (${code})`));
    });
  });
}

export interface RealClient {
  doc: Y.Doc;
  text: Y.Text;
  destroy(): void;
}

/** A real provider for the system (y-websocket 3.1 or the Hocuspocus provider), resolved once synced. */
export function openReal(sys: System, room: string, ep: Endpoint, timeoutMs = 30_000): Promise<RealClient> {
  const doc = new Y.Doc();
  const text = doc.getText('notes');
  return new Promise((resolve, reject) => {
    let destroy: () => void = () => {};
    const timer = setTimeout(() => {
      destroy();
      reject(new Error(`${sys.name}: real client not synced in time`));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      resolve({ doc, text, destroy });
    };
    if (sys.protocol === 'hocuspocus') {
      const p = new HocuspocusProvider({
        url: ep.base,
        name: room,
        document: doc,
        WebSocketPolyfill: WebSocket,
        onSynced: ({ state }: { state: boolean }) => state && done(),
      } as unknown as ConstructorParameters<typeof HocuspocusProvider>[0]);
      destroy = () => {
        p.destroy();
        doc.destroy();
      };
    } else {
      const headers = ep.headers;
      class HeaderWebSocket extends WebSocket {
        constructor(url: string, protocols?: string | string[]) {
          super(url, protocols, { headers, perMessageDeflate: false });
        }
      }
      const p = new WebsocketProvider(ep.base, room, doc, {
        disableBc: true,
        WebSocketPolyfill: HeaderWebSocket as unknown as typeof globalThis.WebSocket,
        params: ep.params,
        maxBackoffTime: 2500,
      });
      // One ticket per connect: a reconnect would need a fresh one, the bench does not reconnect.
      p.on('sync', (s: boolean) => s && done());
      destroy = () => {
        p.destroy();
        doc.destroy();
      };
    }
  });
}

/** Finds marker sequence numbers `~M<seq>~` in raw bytes. */
export function markersIn(data: Uint8Array): number[] {
  const buf = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.indexOf('~M') < 0) return [];
  const out: number[] = [];
  const s = buf.toString('latin1');
  const re = /~M(\d+)~/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) out.push(Number(m[1]));
  return out;
}
