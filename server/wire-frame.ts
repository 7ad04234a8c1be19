/**
 * One binary websocket frame (RFC 6455 §5.2), built once per broadcast and
 * written as the same bytes to every receiver's socket.
 *
 * `ws` frames each `send` on its own: a header per receiver, then a cork, two
 * writes and an uncork of the socket, which Node turns into a two-buffer
 * `writev`. A room that forwards one update to 49 readers pays that 49 times.
 * A prebuilt frame is one `socket.write` of one buffer per receiver.
 *
 * Server frames are never masked. Only used on sockets without extensions
 * (the server turns permessage-deflate off), where ws's sender writes
 * synchronously and keeps no queue, so a frame written here cannot split one
 * of ws's own frames (Connection.sendFrame checks both).
 */
export interface Frame {
  /** Header and payload, as written to the socket. */
  readonly wire: Buffer;
  /** The payload alone (a view into `wire`), for sockets ws must frame itself. */
  readonly payload: Buffer;
}

const FIN_BINARY = 0x82;

export function frameOf(payload: Uint8Array): Frame {
  const n = payload.byteLength;
  const head = n < 126 ? 2 : n < 65536 ? 4 : 10;
  const wire = Buffer.allocUnsafe(head + n);
  wire[0] = FIN_BINARY;
  if (n < 126) {
    wire[1] = n;
  } else if (n < 65536) {
    wire[1] = 126;
    wire.writeUInt16BE(n, 2);
  } else {
    wire[1] = 127;
    wire.writeUInt32BE(Math.floor(n / 2 ** 32), 2);
    wire.writeUInt32BE(n >>> 0, 6);
  }
  wire.set(payload, head);
  return { wire, payload: wire.subarray(head) };
}
