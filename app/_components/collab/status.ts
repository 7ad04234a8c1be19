/**
 * The connection state a person sees, derived from the socket and the
 * acknowledgements. Kept pure so it can be tested without a browser.
 */
export type CollabStatus =
  | 'connecting'
  | 'live'
  | 'syncing'
  | 'saved'
  | 'offline'
  | 'readOnly'
  | 'signedOut'
  | 'noAccess'
  | 'tooMany'
  | 'locked'
  | 'error';

/** Terminal states: the client stopped reconnecting and says why. */
export type StopReason = 'signedOut' | 'noAccess' | 'tooMany' | 'locked' | 'error';

export interface ConnectionFacts {
  stopped: StopReason | null;
  connected: boolean;
  synced: boolean;
  /** Synced at least once since the page opened. */
  wasLive: boolean;
  /** The browser says it has no network. */
  browserOffline: boolean;
  access: 'read' | 'write';
  pending: boolean;
  saved: boolean;
}

export function deriveStatus(f: ConnectionFacts): CollabStatus {
  if (f.stopped) return f.stopped;
  if (!f.connected || f.browserOffline) return f.wasLive || f.browserOffline ? 'offline' : 'connecting';
  if (!f.synced) return f.wasLive ? 'syncing' : 'connecting';
  if (f.access === 'read') return 'readOnly';
  if (f.pending) return 'syncing';
  return f.saved ? 'saved' : 'live';
}

/** What a websocket close code means for the client (lib/realtime/close-codes.ts). */
export function closeOutcome(code: number): 'reconnect' | 'refreshTicket' | StopReason {
  if (code === 4401) return 'refreshTicket';
  if (code === 4403 || code === 4404) return 'noAccess';
  // Too many sockets for this person or address: other tabs must close first.
  if (code === 4429) return 'tooMany';
  // An update touched a locked part (lib/documents): refused, nothing stored.
  if (code === 4423) return 'locked';
  if (code >= 4400 && code <= 4499) return 'error';
  return 'reconnect';
}

/** Reconnect delay: the y-websocket backoff, with jitter so a restarted server is not hit by a storm. */
export function backoffMs(attempt: number, random = Math.random): number {
  const base = Math.min(2 ** attempt * 100, 2_500);
  return Math.round(base / 2 + (random() * base) / 2);
}
