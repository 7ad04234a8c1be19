/**
 * The realtime wire contract, shared by the server (`server/`), our browser
 * client and the benchmark. Stable: change only by adding.
 *
 * Transport: one websocket per document at
 *   `${REALTIME_URL}/<docName>?ticket=<ticket>[&ack=1]`
 * which is exactly what y-websocket 3.1's
 *   `new WebsocketProvider(REALTIME_URL, docName, ydoc, { params: { ticket } })`
 * builds. Every frame carries exactly ONE protocol message (lib0 encoding:
 * a varUint message type, then the payload). Frames with trailing bytes,
 * several messages or non-canonical (padded) varints close the socket with
 * CLOSE.PROTOCOL_ERROR.
 *
 * See docs/realtime.md for the full description.
 */
import { DEFAULT_LIMITS } from './limits';

/** Standard y-websocket message types. */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

/**
 * Our extra message types. Sent ONLY to connections that opted in with
 * `ack=1` (stock clients log unknown types). The 3.1 client lets you add
 * handlers via `provider.messageHandlers[type] = …`.
 */

/**
 * "Stored": sent after a batch containing updates from this connection was
 * committed to the database. Payload:
 *   varUint  count     – how many updates from this connection are committed so far
 *   varUint8Array sv   – the server document's state vector right after that commit
 *                        (`Y.encodeStateVector`; decode with `Y.decodeStateVector`)
 * A client knows all its local changes are durable when, for every clientID it
 * wrote with, `sv.get(clientID) >= Y.encodeStateVector(localDoc)[clientID]`.
 */
export const MESSAGE_ACK = 100;

/**
 * "Refused": the server dropped something this connection sent (it was never
 * applied, stored or forwarded). Payload:
 *   varUint   reason   – one of REFUSED_*
 *   varString detail   – English, for logs
 */
export const MESSAGE_REFUSED = 101;

/**
 * "Access": sent once right after the server's SyncStep1 to opted-in
 * connections. Payload: varString 'read' | 'write'.
 */
export const MESSAGE_ACCESS = 102;

/** Reasons in MESSAGE_REFUSED. */
export const REFUSED_READ_ONLY = 1;
export const REFUSED_AWARENESS = 2;

/** y-protocols sync sub-types (inside MESSAGE_SYNC). */
export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

/** URL query parameter names. */
export const PARAM_TICKET = 'ticket';
/** `ack=1` opts in to MESSAGE_ACK / MESSAGE_REFUSED / MESSAGE_ACCESS. */
export const PARAM_ACK = 'ack';

export type Access = 'read' | 'write';

/** The ticket route: `POST TICKET_PATH` with JSON `TicketRequest` → `TicketResponse`. */
export const TICKET_PATH = '/api/realtime/ticket';
export interface TicketRequest {
  /** A document name, e.g. `commons.<networkId>` (lib/docs/names.ts). */
  doc: string;
}
export interface TicketResponse {
  /** Single-use, valid for TICKET_TTL_MS, bound to this user and this document. */
  ticket: string;
  /** The realtime server's base URL (REALTIME_URL): the `serverUrl` argument of WebsocketProvider. */
  url: string;
  /** What the connection will be allowed to do (decided again at connect). */
  access: Access;
  /** Milliseconds since the epoch after which the ticket is refused. */
  expiresAt: number;
}
/** Tickets live at most this long (and are consumed by the first connect). */
export const TICKET_TTL_MS = 60_000;

/** Limits the server enforces (documented so clients can stay below them); all of them: lib/realtime/limits.ts. */
export const LIMITS = {
  maxPayloadBytes: DEFAULT_LIMITS.maxPayloadBytes,
  maxUpdateBytes: DEFAULT_LIMITS.maxUpdateBytes,
  maxAwarenessStateBytes: DEFAULT_LIMITS.maxAwarenessStateBytes,
  keepAliveMs: DEFAULT_LIMITS.keepAliveMs,
} as const;
