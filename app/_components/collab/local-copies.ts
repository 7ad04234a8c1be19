/**
 * The copies Netzwerkraum keeps in this browser for offline work, and how
 * they are forgotten when a person signs out (on a shared computer the next
 * person must not read them):
 * - collaborative documents in IndexedDB (y-indexeddb), one database per
 *   document and person, named `nwr:<userId>:<docName>` (use-collab-doc.ts);
 * - record changes made offline and not yet sent, in localStorage under
 *   `nwr:outbox:<userId>:<networkId>` (cooperation/outbox.tsx).
 *
 * Open documents register here, so that they can be closed before their
 * databases are deleted (a database with an open connection is only deleted
 * once every connection has closed).
 */

/** Prefix of every IndexedDB database we create. */
export const LOCAL_DB_PREFIX = 'nwr:';
/** Prefix of the offline record outboxes in localStorage. */
export const OUTBOX_PREFIX = 'nwr:outbox:';

/** What an open document offers: whether it has changes the server has not stored, and a way to close its copy. */
export interface LocalCopy {
  hasUnsaved(): boolean;
  /** Stops writing to the local copy and closes it (the document itself may stay on screen). */
  closeLocal(): Promise<void>;
}

const open = new Set<LocalCopy>();

export function registerLocalCopy(copy: LocalCopy): () => void {
  open.add(copy);
  return () => open.delete(copy);
}

/** Outbox entries in localStorage, all people (the browser is shared; everything of ours goes). */
function outboxKeys(): string[] {
  const keys: string[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k?.startsWith(OUTBOX_PREFIX)) keys.push(k);
    }
  } catch {
    // storage blocked: nothing to find
  }
  return keys;
}

/**
 * How many changes made in this browser have not reached the server: queued
 * record changes in the outbox (refused ones are not counted: they will never
 * be sent) plus every open document with unacknowledged edits.
 */
export function unsentChanges(): number {
  let n = 0;
  for (const key of outboxKeys()) {
    try {
      const items = JSON.parse(localStorage.getItem(key) ?? '[]') as { state?: string }[];
      if (Array.isArray(items)) n += items.filter((i) => i?.state === 'queued').length;
    } catch {
      // unreadable: counts as nothing
    }
  }
  for (const copy of open) if (copy.hasUnsaved()) n++;
  return n;
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    let req: IDBOpenDBRequest;
    try {
      req = indexedDB.deleteDatabase(name);
    } catch {
      return resolve();
    }
    req.onsuccess = () => resolve();
    req.onerror = () => resolve();
    // Blocked by a connection we do not know of (another tab): the deletion
    // still happens as soon as it closes; don't hold the sign-out for it.
    req.onblocked = () => setTimeout(resolve, 1_000);
  });
}

/**
 * Deletes this origin's Netzwerkraum databases and outboxes. Open documents
 * are closed first. Resolves when the deletions are done (or could not be
 * done: it never throws, signing out must go on).
 */
export async function clearLocalCopies(): Promise<void> {
  await Promise.all([...open].map((c) => c.closeLocal().catch(() => undefined)));
  for (const key of outboxKeys()) {
    try {
      localStorage.removeItem(key);
    } catch {
      // blocked storage: nothing was stored either
    }
  }
  if (typeof indexedDB === 'undefined') return;
  let names: string[] = [];
  try {
    names = (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith(LOCAL_DB_PREFIX));
  } catch {
    // indexedDB.databases() is missing in old browsers: nothing we can list
  }
  await Promise.all(names.map(deleteDatabase));
}
