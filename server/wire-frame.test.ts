import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import { DEFAULT_LIMITS } from '../lib/realtime/limits';
import { Connection } from './connection';
import { frameOf } from './wire-frame';

// Frames written straight to the TCP socket must be read by a real ws client
// exactly as if ws had framed them, in all three length forms of RFC 6455.
describe('frameOf', () => {
  let wss: WebSocketServer;
  let server: WebSocket;
  let client: WebSocket;
  const received: Buffer[] = [];
  let waiting: (() => void) | null = null;

  beforeAll(async () => {
    wss = new WebSocketServer({ port: 0, perMessageDeflate: false });
    await new Promise((r) => wss.once('listening', r));
    const port = (wss.address() as { port: number }).port;
    const accepted = new Promise<WebSocket>((r) => wss.once('connection', r));
    client = new WebSocket(`ws://127.0.0.1:${port}`);
    client.binaryType = 'nodebuffer';
    client.on('message', (data, isBinary) => {
      expect(isBinary).toBe(true);
      received.push(data as Buffer);
      waiting?.();
    });
    server = await accepted;
    await new Promise((r) => client.once('open', r));
  });
  afterAll(async () => {
    client.close();
    await new Promise((r) => wss.close(r));
  });

  const identity = { id: 'u', name: 'U', organisation: null, colour: '#000000' };

  const roundTrip = async (payload: Uint8Array) => {
    const before = received.length;
    const socket = (server as unknown as { _socket: Socket })._socket;
    socket.write(frameOf(payload).wire);
    while (received.length === before) await new Promise<void>((r) => (waiting = r));
    return received[before];
  };

  it.each([0, 1, 125, 126, 127, 65535, 65536, 200_000])('delivers a %i-byte payload unchanged', async (n) => {
    const payload = new Uint8Array(n);
    for (let i = 0; i < n; i++) payload[i] = (i * 31 + 7) & 255;
    const got = await roundTrip(payload);
    expect(got.length).toBe(n);
    expect(Buffer.compare(got, Buffer.from(payload))).toBe(0);
  });

  it('keeps the payload view equal to what was framed', () => {
    const payload = Uint8Array.from([0, 2, 3, 1, 2, 3]);
    const frame = frameOf(payload);
    expect([...frame.payload]).toEqual([...payload]);
    expect(frame.wire.length).toBe(payload.length + 2);
    expect(frame.wire[0]).toBe(0x82);
  });

  it('interleaves with frames ws writes itself on the same socket', async () => {
    const socket = (server as unknown as { _socket: Socket })._socket;
    const before = received.length;
    server.send(Buffer.from([1]));
    socket.write(frameOf(Uint8Array.from([2, 2])).wire);
    server.send(Buffer.from([3, 3, 3]));
    while (received.length < before + 3) await new Promise<void>((r) => (waiting = r));
    expect(received.slice(before).map((b) => [...b])).toEqual([[1], [2, 2], [3, 3, 3]]);
  });

  it('is what a Connection writes on this version of ws, through send and sendFrame alike', async () => {
    const conn = new Connection(server, 'u', 'write', false, identity, DEFAULT_LIMITS, 1 << 20);
    // The internals of ws the direct path relies on are there (else every send would silently go through ws).
    expect(conn.writesFrames).toBe(true);
    const before = received.length;
    conn.sendFrame(frameOf(Uint8Array.from([4, 4, 4, 4])));
    conn.send(Uint8Array.from([5]));
    conn.send(new Uint8Array(70_000).fill(6)); // over 64 KiB: framed by ws
    conn.sendFrame(frameOf(Uint8Array.from([7])));
    while (received.length < before + 4) await new Promise<void>((r) => (waiting = r));
    const got = received.slice(before);
    expect([...got[0]]).toEqual([4, 4, 4, 4]);
    expect([...got[1]]).toEqual([5]);
    expect(got[2].length).toBe(70_000);
    expect(got[2].every((b) => b === 6)).toBe(true);
    expect([...got[3]]).toEqual([7]);
  });

  it('is not used on a socket with an extension (permessage-deflate): ws frames and compresses', async () => {
    const deflating = new WebSocketServer({ port: 0, perMessageDeflate: { threshold: 0 } });
    await new Promise((r) => deflating.once('listening', r));
    const accepted = new Promise<WebSocket>((r) => deflating.once('connection', r));
    const peer = new WebSocket(`ws://127.0.0.1:${(deflating.address() as { port: number }).port}`);
    const side = await accepted;
    await new Promise((r) => peer.once('open', r));
    try {
      expect(side.extensions).toContain('permessage-deflate');
      const conn = new Connection(side, 'u', 'write', false, identity, DEFAULT_LIMITS, 1 << 20);
      expect(conn.writesFrames).toBe(false);
      const got = new Promise<Buffer>((r) => peer.once('message', (d) => r(d as Buffer)));
      conn.sendFrame(frameOf(Uint8Array.from([9, 8, 7])));
      expect([...(await got)]).toEqual([9, 8, 7]);
    } finally {
      peer.close();
      await new Promise((r) => deflating.close(r));
    }
  });
});
