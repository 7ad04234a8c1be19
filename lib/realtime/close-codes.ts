/**
 * Every websocket close code the realtime server uses: one shared file for the
 * server, our client and the docs.
 *
 * How the y-websocket 3.1 client reacts: codes 4400–4499 stop reconnecting
 * (permanent); every other code reconnects with backoff. So:
 * - 1012 and 4000–4399: "come back" (reconnect, re-authenticate, resync);
 * - 4400–4499: "do not come back" (fix something first: sign in, get access).
 */
export const CLOSE = {
  /** Normal close (client left). */
  NORMAL: 1000,
  /** A frame larger than LIMITS.maxPayloadBytes (set by `ws` itself). Reconnects. */
  MESSAGE_TOO_BIG: 1009,
  /** Server restarting / shutting down gracefully. Reconnects. */
  SERVICE_RESTART: 1012,

  /** Your rights changed: reconnect to be admitted at your new level (with a fresh ticket). */
  PERMISSIONS_CHANGED: 4000,
  /** You did not read fast enough (send buffer over its bound). Reconnect and resync. */
  SLOW_CONSUMER: 4001,
  /** A document update was refused (malformed, too large, wrong shape). The document is unchanged. Reconnects. */
  UPDATE_REJECTED: 4002,
  /** Too many messages too fast. Reconnects (with the client's backoff). */
  RATE_LIMITED: 4003,
  /** Server-side failure while handling this connection (e.g. storage). Reconnects. */
  INTERNAL_ERROR: 4004,

  /** Not a valid protocol frame (padded varint, trailing bytes, several messages, unknown type). Permanent. */
  PROTOCOL_ERROR: 4400,
  /** No valid ticket or session (expired, reused, unknown, signed out). Permanent: get a new ticket first. */
  UNAUTHENTICATED: 4401,
  /** Signed in, but no access to this document, or the Origin is not allowed. Permanent. */
  FORBIDDEN: 4403,
  /** Not a document name (see lib/docs/names.ts), or no such document (meetings do not exist yet). Permanent. */
  UNKNOWN_DOCUMENT: 4404,
  /**
   * The update touched a part of the document a network manager has locked
   * (lib/documents): refused, nothing stored, the document unchanged. Permanent,
   * so a client that ignores the lock does not resend the refused change in a loop;
   * reconnecting (to read) is fine.
   */
  DOCUMENT_LOCKED: 4423,
  /** This person or address already holds Limits.maxConnectionsPerUser / PerAddress sockets. Permanent. */
  TOO_MANY_CONNECTIONS: 4429,
} as const;

export type CloseCode = (typeof CLOSE)[keyof typeof CLOSE];

/** True when the standard client will reconnect after this code. */
export function reconnects(code: number): boolean {
  return !(code >= 4400 && code <= 4499);
}

/** Short English reasons sent in the close frame (≤ 123 bytes). */
export const CLOSE_REASON: Record<CloseCode, string> = {
  [CLOSE.NORMAL]: 'bye',
  [CLOSE.MESSAGE_TOO_BIG]: 'message too big',
  [CLOSE.SERVICE_RESTART]: 'service restart',
  [CLOSE.PERMISSIONS_CHANGED]: 'permissions changed, reconnect',
  [CLOSE.SLOW_CONSUMER]: 'slow consumer',
  [CLOSE.UPDATE_REJECTED]: 'update rejected',
  [CLOSE.RATE_LIMITED]: 'rate limited',
  [CLOSE.INTERNAL_ERROR]: 'internal error',
  [CLOSE.PROTOCOL_ERROR]: 'protocol error',
  [CLOSE.UNAUTHENTICATED]: 'unauthenticated',
  [CLOSE.FORBIDDEN]: 'forbidden',
  [CLOSE.UNKNOWN_DOCUMENT]: 'unknown document',
  [CLOSE.DOCUMENT_LOCKED]: 'document locked: update refused',
  [CLOSE.TOO_MANY_CONNECTIONS]: 'too many connections',
};
