import * as Y from 'yjs';
import { SHAPE_LIMITS } from './doc-schema';

export type UpdateVerdict = { ok: true } | { ok: false; reason: string };

type Struct = Y.Item | Y.GC | Y.Skip;

class Refused extends Error {}

/**
 * Checks a client's V1 update against the document it would be applied to,
 * WITHOUT applying it: the update must decode (V1 only; V2 decoding and
 * `mergeUpdates` are never run on client bytes), every item must land under
 * one of `roots` at a nesting depth ≤ SHAPE_LIMITS.maxDepth, strings and JSON
 * values must stay within limits, subdocuments are refused, and every
 * reference (origin, parent, earlier clocks of the same client) must resolve
 * in the update itself or in `doc` (so nothing is left pending).
 */
export function validateUpdate(doc: Y.Doc, update: Uint8Array, roots: ReadonlySet<string>): UpdateVerdict {
  try {
    check(doc, update, roots);
    return { ok: true };
  } catch (err) {
    return { ok: false, reason: err instanceof Refused ? err.message : `undecodable update (${(err as Error)?.name})` };
  }
}

function check(doc: Y.Doc, update: Uint8Array, roots: ReadonlySet<string>): void {
  const { structs } = Y.decodeUpdate(update);
  const store = doc.store;
  const byClient = new Map<number, Struct[]>();
  for (const s of structs as Struct[]) {
    if (!(s.length >= 0) || s.length > SHAPE_LIMITS.maxStructLength) throw new Refused('struct too long');
    if (s.id.clock + s.length > Number.MAX_SAFE_INTEGER) throw new Refused('clock too large');
    let list = byClient.get(s.id.client);
    if (!list) byClient.set(s.id.client, (list = []));
    list.push(s);
    if (s instanceof Y.Item) checkContent(s);
  }
  // No gaps: each client's first struct must continue what the document has.
  for (const [client, list] of byClient) {
    const first = list.find((s) => !(s instanceof Y.Skip));
    if (first && first.id.clock > Y.getState(store, client)) throw new Refused('missing earlier changes');
  }

  const findInUpdate = (id: Y.ID): Struct | undefined => {
    const list = byClient.get(id.client);
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid];
      if (id.clock < s.id.clock) hi = mid - 1;
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
      else return s instanceof Y.Skip ? undefined : s;
    }
    return undefined;
  };
  const findInDoc = (id: Y.ID): Y.Item | Y.GC | undefined =>
    id.clock < Y.getState(store, id.client) ? (Y.getItem(store, id) as Y.Item | Y.GC) : undefined;

  /** Depth of an integrated type (root = 1). */
  const docTypeDepth = (t: Y.AbstractType<unknown> | null): number => {
    let d = 1;
    while (t && t._item) {
      d++;
      t = t._item.parent as Y.AbstractType<unknown> | null;
      if (d > SHAPE_LIMITS.maxDepth + 1) break;
    }
    return d;
  };

  const memo = new Map<Y.Item, number>();
  /** Depth of the type an update item is inserted into. */
  const parentDepth = (item: Y.Item): number => {
    const path: Y.Item[] = [];
    let cur: Y.Item = item;
    let depth: number;
    for (;;) {
      const known = memo.get(cur);
      if (known !== undefined) {
        depth = known;
        break;
      }
      const parent = cur.parent as unknown;
      if (typeof parent === 'string') {
        if (!roots.has(parent)) throw new Refused(`unknown root "${parent.slice(0, 40)}"`);
        depth = 1;
        break;
      }
      if (parent instanceof Y.ID) {
        depth = typeDepthOfId(parent);
        break;
      }
      const ref = cur.origin ?? cur.rightOrigin;
      if (!ref) throw new Refused('item without parent');
      const inUpdate = findInUpdate(ref);
      if (inUpdate instanceof Y.Item) {
        path.push(cur);
        cur = inUpdate;
        continue;
      }
      if (inUpdate) {
        depth = 1; // a GC'd origin: the item is garbage-collected on integration
        break;
      }
      const inDoc = findInDoc(ref);
      if (!inDoc) throw new Refused('reference to unknown content');
      depth = inDoc instanceof Y.Item ? docTypeDepth(inDoc.parent as Y.AbstractType<unknown> | null) : 1;
      break;
    }
    memo.set(cur, depth);
    for (const p of path) memo.set(p, depth);
    if (depth > SHAPE_LIMITS.maxDepth) throw new Refused('nested too deep');
    return depth;
  };
  /** Depth of the type created by the item with this id (it must hold a ContentType). */
  const typeDepthOfId = (id: Y.ID): number => {
    const inUpdate = findInUpdate(id);
    if (inUpdate instanceof Y.Item) {
      if (!(inUpdate.content instanceof Y.ContentType)) throw new Refused('parent is not a type');
      return parentDepth(inUpdate) + 1;
    }
    if (inUpdate) return 1;
    const inDoc = findInDoc(id);
    if (!inDoc) throw new Refused('reference to unknown parent');
    if (inDoc instanceof Y.Item) {
      if (!(inDoc.content instanceof Y.ContentType)) {
        if (inDoc.content instanceof Y.ContentDeleted) return 1; // deleted parent: the item is GC'd
        throw new Refused('parent is not a type');
      }
      return docTypeDepth(inDoc.content.type);
    }
    return 1; // GC'd or deleted parent: the item is garbage-collected on integration
  };

  for (const list of byClient.values()) {
    for (const s of list) {
      if (!(s instanceof Y.Item)) continue;
      const d = parentDepth(s) + (s.content instanceof Y.ContentType ? 1 : 0);
      if (d > SHAPE_LIMITS.maxDepth) throw new Refused('nested too deep');
    }
  }
}

function checkContent(item: Y.Item): void {
  const c = item.content as unknown;
  if (item.parentSub !== null && item.parentSub.length > 1024) throw new Refused('key too long');
  if (c instanceof Y.ContentString) {
    if (c.str.length > SHAPE_LIMITS.maxStringLength) throw new Refused('string too long');
  } else if (c instanceof Y.ContentAny) {
    for (const v of c.arr) checkJson(v, 0);
  } else if (c instanceof Y.ContentJSON) {
    for (const v of c.arr) checkJson(v, 0);
  } else if (c instanceof Y.ContentFormat) {
    if (c.key.length > 1024) throw new Refused('key too long');
    checkJson(c.value, 0);
  } else if (c instanceof Y.ContentEmbed) {
    checkJson(c.embed, 0);
  } else if (c instanceof Y.ContentDoc) {
    throw new Refused('subdocuments are not allowed');
  } else if (c instanceof Y.ContentType) {
    const t = c.type as unknown as { nodeName?: string; hookName?: string };
    if (typeof t.nodeName === 'string' && t.nodeName.length > 256) throw new Refused('node name too long');
    if (typeof t.hookName === 'string' && t.hookName.length > 256) throw new Refused('hook name too long');
  }
}

function checkJson(v: unknown, depth: number): void {
  if (depth > SHAPE_LIMITS.maxJsonDepth) throw new Refused('value nested too deep');
  if (typeof v === 'string') {
    if (v.length > SHAPE_LIMITS.maxStringLength) throw new Refused('string too long');
  } else if (Array.isArray(v)) {
    for (const x of v) checkJson(x, depth + 1);
  } else if (v && typeof v === 'object' && !(v instanceof Uint8Array)) {
    for (const [k, x] of Object.entries(v)) {
      if (k.length > 1024) throw new Refused('key too long');
      checkJson(x, depth + 1);
    }
  }
}
