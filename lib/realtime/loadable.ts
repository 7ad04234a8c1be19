/**
 * "Loadable": what the server stores must load again. Yjs itself accepts and
 * stores a few shapes it cannot read back (a zero-length GC struct is
 * integrated and encoded, and every later load then fails with "Unexpected
 * case"), so the server checks its own side too:
 *
 * - `checkStoreFrom`: after an update was applied, the structs of every client
 *   whose state changed are contiguous and of positive length (O(new structs));
 * - `checkEncodedUpdate`: an encoded V1 update (the server's re-encoding of a
 *   client change, a stored row, a snapshot) decodes, with no skipped ranges,
 *   no zero-length structs and no empty deletions;
 * - `checkLoadable`: an encoded update loads into an empty document with
 *   nothing pending, and the result encodes and decodes again (snapshots
 *   before they replace the previous one, stored rows during recovery).
 *
 * Each returns null when fine, or a short English reason.
 */
import * as Y from 'yjs';

type Struct = Y.Item | Y.GC;
type StoreClients = Map<number, Struct[]>;

/** Each client's struct list, or with `only`, those clients' (undefined: the document has none of theirs). */
function structLists(doc: Y.Doc, only?: Iterable<number>): Iterable<[number, Struct[] | undefined]> {
  const clients = (doc.store as unknown as { clients: StoreClients }).clients;
  return only ? [...only].map((client) => [client, clients.get(client)]) : clients;
}

/**
 * Each client's state (next clock) without encoding anything; with `only`, just
 * those clients' (a long-lived document collects thousands of client ids, one
 * per editing session, and an update touches one or two of them).
 */
export function stateMap(doc: Y.Doc, only?: Iterable<number>): Map<number, number> {
  const out = new Map<number, number>();
  const entries = structLists(doc, only);
  for (const [client, structs] of entries) {
    const last = structs?.[structs.length - 1];
    if (last) out.set(client, last.id.clock + last.length);
  }
  return out;
}

/**
 * Checks the structs of every client whose state differs from `before` (all
 * clients when empty); with `only`, of those clients alone (the ones an update
 * carried structs of: no other client's structs can change when it is applied).
 */
export function checkStoreFrom(
  doc: Y.Doc,
  before: ReadonlyMap<number, number>,
  only?: Iterable<number>,
): string | null {
  const entries = structLists(doc, only);
  for (const [client, structs] of entries) {
    if (!structs) continue;
    if (!structs.length) return `client ${client} has an empty struct list`;
    const last = structs[structs.length - 1];
    const was = before.get(client) ?? 0;
    if (was > 0 && last.id.clock + last.length === was) continue;
    // Walk back to the struct holding clock was-1 (or the start), then forward to the end.
    let i = structs.length - 1;
    while (i > 0 && structs[i].id.clock >= was) i--;
    if (i === 0 && structs[0].id.clock !== 0) return `client ${client} does not start at clock 0`;
    for (let k = i; k < structs.length; k++) {
      const s = structs[k];
      if (!(s.length > 0)) return `zero-length struct of client ${client}`;
      if (k > i && structs[k - 1].id.clock + structs[k - 1].length !== s.id.clock) {
        return `structs of client ${client} not contiguous`;
      }
    }
  }
  return null;
}

/** Decodes a V1 update and checks its structs and delete set. */
export function checkEncodedUpdate(update: Uint8Array): string | null {
  let decoded: { structs: unknown[]; ds: { clients: Map<number, { clock: number; len: number }[]> } };
  try {
    decoded = Y.decodeUpdate(update) as unknown as typeof decoded;
  } catch (err) {
    return `does not decode (${(err as Error)?.message ?? 'error'})`;
  }
  for (const s of decoded.structs as (Struct | Y.Skip)[]) {
    if (s instanceof Y.Skip) return 'skipped range';
    if (!(s.length > 0)) return 'zero-length struct';
  }
  for (const items of decoded.ds.clients.values()) {
    for (const d of items) if (!(d.len > 0)) return 'empty deletion';
  }
  return null;
}

/** Loads `update` into an empty document; it must integrate fully and encode again. */
export function checkLoadable(update: Uint8Array): string | null {
  const broken = checkEncodedUpdate(update);
  if (broken) return broken;
  const doc = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(doc, update);
    const store = doc.store as unknown as { pendingStructs: unknown; pendingDs: unknown };
    if (store.pendingStructs || store.pendingDs) return 'leaves changes pending';
    const inStore = checkStoreFrom(doc, new Map());
    if (inStore) return inStore;
    const again = checkEncodedUpdate(Y.encodeStateAsUpdate(doc));
    return again ? `re-encoding ${again}` : null;
  } catch (err) {
    return `does not load (${(err as Error)?.message ?? 'error'})`;
  } finally {
    doc.destroy();
  }
}
