/**
 * Every limit the realtime server enforces, in one place: the server's
 * per-connection and per-room budgets (`DEFAULT_LIMITS`, overridable per
 * server in tests), the shape of documents (`SHAPE_LIMITS`) and the bounds on
 * decoding one client update (`UPDATE_LIMITS`). docs/realtime.md lists them
 * with what happens when each is exceeded. Import them, never copy numbers.
 */

export interface Limits {
  /** Largest websocket frame accepted; larger closes with 1009 (`ws` itself). */
  maxPayloadBytes: number;
  /** Largest document update accepted; larger closes with CLOSE.UPDATE_REJECTED. */
  maxUpdateBytes: number;
  /** Largest awareness state (JSON) per client; larger is dropped. */
  maxAwarenessStateBytes: number;
  /** Server sends something to every connection at least this often (the client drops after 30 s of silence). */
  keepAliveMs: number;
  /** Close a connection whose send buffer grows beyond this (CLOSE.SLOW_CONSUMER). */
  maxBufferedBytes: number;
  /** Token bucket for all messages of one connection (CLOSE.RATE_LIMITED). */
  messageBurst: number;
  messagesPerSecond: number;
  /** Token bucket for awareness updates (excess is dropped, not closed). */
  awarenessBurst: number;
  awarenessPerSecond: number;
  /**
   * Token bucket for SyncStep1 requests of one connection (a stock client sends
   * one per connect). Each answer is a whole-document diff, so excess closes
   * with CLOSE.RATE_LIMITED instead of making the server encode and send the
   * document again and again.
   */
  syncBurst: number;
  syncPerSecond: number;
  /**
   * Token bucket, in bytes, for the updates of one person (shared by all their
   * sockets): validating and
   * applying costs time in proportion to the bytes, so a writer sending large
   * updates back to back is closed with CLOSE.RATE_LIMITED before it can hold
   * the event loop for long. (A paste of 1 MiB passes; ten in a second do not.)
   */
  updateBytesBurst: number;
  updateBytesPerSecond: number;
  /** Messages (and their total bytes) buffered while authenticating and loading. */
  maxPendingMessages: number;
  maxPendingBytes: number;
  /** Open sockets per person and per remote address (CLOSE.TOO_MANY_CONNECTIONS). */
  maxConnectionsPerUser: number;
  maxConnectionsPerAddress: number;
  /** Unload a document this long after its last connection left. */
  idleUnloadMs: number;
  /** Compact after this many stored updates. */
  compactEvery: number;
  /**
   * The group commit's window: an update waits up to this long so that the updates of many rooms share one
   * transaction (only its author's acknowledgement waits; observers have it already). 0: every turn.
   */
  commitDelayMs: number;
  /** Updates larger than this are first decoded in a worker, within `decodeBudgetMs`. */
  decodeInlineMaxBytes: number;
  decodeBudgetMs: number;
  /** Checking that a new snapshot loads (in the worker) before it replaces the old one. */
  snapshotCheckBudgetMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxPayloadBytes: 2 * 1024 * 1024,
  maxUpdateBytes: 1024 * 1024,
  maxAwarenessStateBytes: 2 * 1024,
  keepAliveMs: 15_000,
  maxBufferedBytes: 8 * 1024 * 1024,
  messageBurst: 2000,
  messagesPerSecond: 1000,
  awarenessBurst: 60,
  awarenessPerSecond: 30,
  syncBurst: 10,
  syncPerSecond: 1,
  updateBytesBurst: 4 * 1024 * 1024,
  updateBytesPerSecond: 512 * 1024,
  maxPendingMessages: 200,
  maxPendingBytes: 4 * 1024 * 1024,
  maxConnectionsPerUser: 40,
  maxConnectionsPerAddress: 400,
  idleUnloadMs: 2_000,
  compactEvery: 1000,
  commitDelayMs: 20,
  decodeInlineMaxBytes: 64 * 1024,
  decodeBudgetMs: 2_000,
  snapshotCheckBudgetMs: 30_000,
};

/** The shape every stored document keeps (checked on every client update). */
export const SHAPE_LIMITS = {
  /** Nesting depth of shared types (root = 1). ProseMirror lists nest 2 per level. */
  maxDepth: 32,
  /** Longest string in one struct (text run, JSON value). */
  maxStringLength: 256 * 1024,
  /** Longest map key, format attribute name, root name or JSON object key. */
  maxKeyLength: 1024,
  /** Nesting depth inside one JSON/Any value. */
  maxJsonDepth: 16,
  /** Longest single struct (clock span) accepted from a client. */
  maxStructLength: 16 * 1024 * 1024,
} as const;

/** Bounds on one client update (besides its byte size, `maxUpdateBytes`). */
export const UPDATE_LIMITS = {
  /** Structs (items and GC ranges) in one update. */
  maxStructs: 200_000,
  /** Ranges in one update's delete set. */
  maxDeleteRanges: 200_000,
} as const;
