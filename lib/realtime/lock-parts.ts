import * as Y from 'yjs';

/**
 * Which parts of a document an update touches, for document locks
 * (lib/documents). A part is a root of the document (`notes`, `minutes`, …)
 * or, in the commons' `goals` map, one goal's text (`goals/<goalId>`).
 *
 * Called only on an update the validator accepted (`validateUpdate`: every
 * reference resolves in the document or the update), and only while a lock is
 * in force on the document. The work is bounded by the update's size plus the
 * document items its delete set covers. Anything it cannot place counts as
 * touching every part (the update is then refused while any lock holds).
 */
export const EVERY_PART = '*';

type Struct = Y.Item | Y.GC;

/** The part an item of the document lives in. */
function partOfDocItem(item: Y.Item): string {
  let top: Y.Item = item;
  for (let steps = 0; steps < 10_000; steps++) {
    const parent = top.parent as Y.AbstractType<unknown> | null;
    if (!parent) return EVERY_PART;
    if (!parent._item) {
      const root = Y.findRootTypeKey(parent);
      return root === 'goals' && top.parentSub ? `goals/${top.parentSub}` : root;
    }
    top = parent._item;
  }
  return EVERY_PART;
}

/** Does `part` fall under one of the locked parts? */
export function isLocked(part: string, locked: ReadonlySet<string>): boolean {
  if (part === EVERY_PART) return locked.size > 0;
  if (locked.has(part)) return true;
  const slash = part.indexOf('/');
  return slash > 0 && locked.has(part.slice(0, slash));
}

/**
 * The first locked part the update touches (inserts into, or deletes from),
 * or null when it touches none of them.
 */
export function touchedLockedPart(
  doc: Y.Doc,
  update: Uint8Array,
  locked: ReadonlySet<string>,
  /** The update decoded already (by the validator): not decoded again. */
  decoded?: ReturnType<typeof Y.decodeUpdate>,
): string | null {
  if (!locked.size) return null;
  const { structs, ds } = (decoded ?? Y.decodeUpdate(update)) as unknown as {
    structs: Struct[];
    ds: { clients: Map<number, { clock: number; len: number }[]> };
  };
  // The update's own structs by client, in clock order (a reference may point into the middle of one).
  const own = new Map<number, Struct[]>();
  for (const s of structs) {
    const list = own.get(s.id.client);
    if (list) list.push(s);
    else own.set(s.id.client, [s]);
  }
  for (const list of own.values()) list.sort((a, b) => a.id.clock - b.id.clock);
  const inUpdate = (id: Y.ID): Struct | null => {
    const list = own.get(id.client);
    if (!list) return null;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid];
      if (id.clock < s.id.clock) hi = mid - 1;
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
      else return s;
    }
    return null;
  };
  const inDoc = (id: Y.ID): Struct | null =>
    id.clock < Y.getState(doc.store, id.client) ? (Y.getItem(doc.store, id) as Struct) : null;

  const memo = new Map<Struct, string>();
  /** The part of a struct of the update, resolving references iteratively. */
  const partOfUpdateStruct = (start: Struct): string => {
    const chain: Struct[] = [];
    let s: Struct | null = start;
    let part: string | null = null;
    while (s && part === null) {
      const known = memo.get(s);
      if (known !== undefined) {
        part = known;
        break;
      }
      if (chain.length > structs.length + 1 || !(s instanceof Y.Item)) {
        part = EVERY_PART;
        break;
      }
      chain.push(s);
      const parent = s.parent as unknown;
      if (typeof parent === 'string') {
        part = parent === 'goals' && s.parentSub ? `goals/${s.parentSub}` : parent;
        break;
      }
      // The parent (or, when it is implicit, a neighbour: it shares the parent and map key).
      const ref = (parent as Y.ID | null) ?? s.origin ?? s.rightOrigin;
      if (!ref) {
        part = EVERY_PART;
        break;
      }
      const docItem = inDoc(ref);
      if (docItem) {
        part = docItem instanceof Y.Item ? partOfDocItem(docItem) : EVERY_PART;
        break;
      }
      s = inUpdate(ref);
      if (!s) part = EVERY_PART;
    }
    const result = part ?? EVERY_PART;
    for (const c of chain) memo.set(c, result);
    return result;
  };

  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue;
    const part = partOfUpdateStruct(s);
    if (isLocked(part, locked)) return part;
  }
  for (const [client, ranges] of ds.clients) {
    const docStructs = doc.store.clients.get(client) as Struct[] | undefined;
    const state = docStructs ? Y.getState(doc.store, client) : 0;
    for (const { clock, len } of ranges) {
      const end = clock + len;
      // Deleted content the document holds …
      if (docStructs && clock < state) {
        let i = Y.findIndexSS(docStructs, clock);
        for (; i < docStructs.length && docStructs[i].id.clock < end; i++) {
          const s = docStructs[i];
          if (!(s instanceof Y.Item) || s.deleted) continue;
          const part = partOfDocItem(s);
          if (isLocked(part, locked)) return part;
        }
      }
      // … and content the update itself adds and deletes.
      for (const s of own.get(client) ?? []) {
        if (s.id.clock + s.length <= clock || s.id.clock >= end) continue;
        const part = partOfUpdateStruct(s);
        if (isLocked(part, locked)) return part;
      }
    }
  }
  return null;
}
