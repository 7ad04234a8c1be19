import * as Y from 'yjs';
import { record } from '../activity/record';
import { getDb } from '../db';
import type { Db, Queryable } from '../db/types';
import { parseDocName } from '../docs/names';
import { allowedRoots } from './doc-schema';
import { lockDocRows, readStoredRows, SERVER_ORIGIN, toU8 } from './doc-storage';
import { DEFAULT_LIMITS } from './limits';
import { checkEncodedUpdate, checkStoreFrom, stateMap } from './loadable';
import { validateUpdate } from './validate-update';

/**
 * A command writes into a collaborative document (restore a version, adopt a
 * decision into the minutes, …): docs/realtime.md, "Server-written changes".
 *
 * In ONE transaction on the document's rows (the same lock the realtime
 * server's appends and compactions take):
 * 1. the stored document (snapshot + log) is read and built;
 * 2. `change` runs on it inside a Yjs transaction with origin `'server'`; the
 *    update it makes is captured;
 * 3. the update is validated exactly like a client's (allowed roots, shape,
 *    sizes, references: `validateUpdate`; the re-encoding loads:
 *    `checkEncodedUpdate`; applied, it leaves a well-formed store);
 * 4. it is appended to the update log marked `origin = 'server'`, and the
 *    activity row `document.written` is recorded — both commit together.
 *
 * It resolves once that transaction has committed: the change is durable and
 * loads with the document from then on, wherever and whenever it is loaded
 * (a room loaded nowhere applies it on its next load; a room loading at that
 * moment reads it or is woken for it). After the commit the activity row's
 * wake-up reaches every realtime instance (in process; over the signed
 * loopback nudge in the embedded default; over Redis in scale mode), and each
 * instance that holds the room reads the new rows, applies them with origin
 * `server` and forwards them to its clients like any update. A lost wake-up
 * costs time, never the change: instances also poll for such rows every few
 * seconds, and a room never compacts its log before it has read them.
 *
 * A change that changes nothing writes nothing. A change that throws, or
 * whose update the validator refuses, writes nothing and rejects.
 *
 * `options.q`: run inside the caller's transaction (so the command's own
 * records and the document change commit together or not at all); the
 * caller's transaction then decides when it is durable. `options.db`: another
 * data layer than the process's (tests).
 */
export async function writeDocument(
  docName: string,
  change: (doc: Y.Doc) => void,
  meta: { actorId: string; networkId: string; reason: string },
  options: { q?: Queryable; db?: Db } = {},
): Promise<void> {
  const name = parseDocName(docName);
  if (!name) throw new Error(`writeDocument: not a document name: ${JSON.stringify(docName).slice(0, 80)}`);
  if (name.networkId !== meta.networkId) throw new Error('writeDocument: the document is not of this network');
  const run = async (q: Queryable) => {
    await lockDocRows(q, docName);
    const update = await makeUpdate(q, docName, allowedRoots(name.kind), change);
    if (!update) return;
    await q.run('INSERT INTO yjs_updates (doc, data, created_at, origin) VALUES (?, ?, ?, ?)', [
      docName,
      update,
      Date.now(),
      SERVER_ORIGIN,
    ]);
    await record(q, {
      kind: 'document.written',
      networkId: meta.networkId,
      actorId: meta.actorId,
      subjectId: docName,
      data: { doc: docName, reason: meta.reason.slice(0, 500), bytes: update.length },
    });
  };
  if (options.q) return run(options.q);
  const db = options.db ?? (await getDb());
  await db.tx(run);
}

/** Builds the stored document, runs `change` with origin 'server' and returns its validated update (null: no change). */
async function makeUpdate(
  q: Queryable,
  docName: string,
  roots: ReadonlySet<string>,
  change: (doc: Y.Doc) => void,
): Promise<Uint8Array | null> {
  const { snap, rows } = await readStoredRows(q, docName);
  const build = () => {
    const d = new Y.Doc({ gc: true });
    d.transact(() => {
      if (snap) Y.applyUpdate(d, toU8(snap.data));
      for (const r of rows) Y.applyUpdate(d, toU8(r.data));
    }, 'load');
    return d;
  };
  const work = build();
  const base = build();
  try {
    const updates: Uint8Array[] = [];
    work.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin === SERVER_ORIGIN) updates.push(u);
    });
    work.transact(() => change(work), SERVER_ORIGIN);
    if (!updates.length) return null;
    const update = updates.length === 1 ? updates[0] : Y.mergeUpdates(updates);
    if (update.length > DEFAULT_LIMITS.maxUpdateBytes) {
      throw new Error(
        `writeDocument: the change to ${docName} is ${update.length} bytes (max ${DEFAULT_LIMITS.maxUpdateBytes})`,
      );
    }
    const verdict = validateUpdate(base, update, roots);
    if (!verdict.ok) throw new Error(`writeDocument: the change to ${docName} was refused: ${verdict.reason}`);
    const encoded = checkEncodedUpdate(update);
    if (encoded) throw new Error(`writeDocument: the change to ${docName} would not load: ${encoded}`);
    const before = stateMap(base);
    Y.applyUpdate(base, update);
    const broken = checkStoreFrom(base, before);
    if (broken) throw new Error(`writeDocument: the change to ${docName} breaks the document: ${broken}`);
    return update;
  } finally {
    work.destroy();
    base.destroy();
  }
}
