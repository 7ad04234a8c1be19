import * as Y from 'yjs';
import { SHAPE_LIMITS, UPDATE_LIMITS } from './limits';

export type UpdateVerdict = { ok: true } | { ok: false; reason: string };

/** An update as `Y.decodeUpdate` returns it (decoded once, shared by the checks that follow validation). */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/** What a successful validation hands on (see `validateUpdate`). */
export interface DecodedOut {
  value?: DecodedUpdate;
  allNew?: boolean;
}

type Struct = Y.Item | Y.GC;

class Refused extends Error {}

/**
 * Checks a client's V1 update against the document it would be applied to,
 * WITHOUT applying it. Written as a parser of untrusted input: every walk has
 * a bound on steps and memory that depends only on the update's size (never
 * on what the references in it say), and the update is accepted only if Yjs
 * can integrate ALL of it with nothing left pending and nothing that breaks
 * the document's encoding:
 *
 * - decoding: V1 only (V2 decoding and `mergeUpdates` never run on client
 *   bytes); at most UPDATE_LIMITS.maxStructs structs and maxDeleteRanges
 *   delete ranges;
 * - structs: no skips, no zero-length structs (a zero-length GC is stored and
 *   acknowledged by Yjs but makes every later load fail), each client's
 *   structs contiguous, starting at or before what the document has, clocks
 *   within Number.MAX_SAFE_INTEGER, lengths ≤ SHAPE_LIMITS.maxStructLength;
 * - references (origin, right origin, parent): a reference to the author's
 *   own client must point strictly before the referring struct (an item whose
 *   origin is itself made the old walk loop until V8 ran out of memory); every
 *   other reference must resolve in the document or in the update, and the
 *   references inside the update must form no cycle (checked with one
 *   iterative depth-first pass: O(structs), no recursion);
 * - shape: every item lands under one of `roots`, at a nesting depth ≤
 *   SHAPE_LIMITS.maxDepth; an item's left and right neighbours must live in
 *   the same type and map key; a parent must be a type; strings and JSON
 *   values within limits; subdocuments refused;
 * - delete set: ranges of positive length, within what the document will
 *   hold after the update (so nothing is left pending).
 */
export function validateUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  /** Allowed root names; 'any' when re-checking stored rows during recovery (only structure matters there). */
  roots: ReadonlySet<string> | 'any',
  /**
   * Receives the decoded update (so the lock check need not decode it again), and `allNew`: the update carries at
   * least one struct and every struct in it is new to the document (each client's structs start exactly at the
   * document's state for that client), so applying it integrates all of it.
   */
  decodedOut?: DecodedOut,
): UpdateVerdict {
  try {
    check(doc, update, roots, decodedOut);
    return { ok: true };
  } catch (err) {
    return {
      ok: false,
      reason: err instanceof Refused ? err.message : `undecodable update (${(err as Error)?.name ?? 'error'})`,
    };
  }
}

/** Where an item lives: its parent type's key (root name or the type item's id), the map key, the depth. */
interface Place {
  key: string;
  sub: string | null;
  /** Depth of the parent type (root = 1). */
  depth: number;
}
/** The item is garbage-collected on integration (its neighbour or parent is gone). */
const GONE = 'gone' as const;
type Placed = Place | typeof GONE;

function check(doc: Y.Doc, update: Uint8Array, roots: ReadonlySet<string> | 'any', decodedOut?: DecodedOut): void {
  const whole = Y.decodeUpdate(update);
  if (decodedOut) decodedOut.value = whole;
  const { structs: decoded, ds } = whole;
  if (decoded.length > UPDATE_LIMITS.maxStructs) throw new Refused('too many structs');
  const c = new UpdateCheck(doc);

  // Group by client (the decoder yields each client's structs in a row), check lengths and contiguity.
  const byClient = c.byClient;
  for (const s of decoded as (Struct | Y.Skip)[]) {
    if (s instanceof Y.Skip) throw new Refused('skipped range');
    if (!Number.isSafeInteger(s.length) || s.length <= 0) throw new Refused('zero-length struct');
    if (s.length > SHAPE_LIMITS.maxStructLength) throw new Refused('struct too long');
    if (!Number.isSafeInteger(s.id.clock + s.length)) throw new Refused('clock too large');
    let list = byClient.get(s.id.client);
    if (!list) byClient.set(s.id.client, (list = []));
    else {
      const prev = list[list.length - 1];
      if (prev.id.clock + prev.length !== s.id.clock) throw new Refused('structs not contiguous');
    }
    list.push(s);
    if (s instanceof Y.Item) checkContent(s);
  }
  let allNew = byClient.size > 0;
  for (const [client, list] of byClient) {
    const state = c.stateOf(client);
    if (list[0].id.clock > state) throw new Refused('missing earlier changes');
    if (list[0].id.clock !== state) allNew = false;
  }
  if (decodedOut) decodedOut.allNew = allNew;

  // Delete set: bounded, positive lengths, nothing beyond what the document will hold.
  let ranges = 0;
  for (const [client, items] of ds.clients) {
    const end = c.endState(client);
    for (const d of items) {
      if (++ranges > UPDATE_LIMITS.maxDeleteRanges) throw new Refused('too many deletions');
      if (!Number.isSafeInteger(d.clock) || !Number.isSafeInteger(d.len) || d.len <= 0) {
        throw new Refused('empty deletion');
      }
      if (d.clock + d.len > end) throw new Refused('deletion of unknown content');
    }
  }

  // All structs in one array (each client's in a row); references are resolved to indices.
  const all = c.all;
  for (const [client, list] of byClient) {
    c.groupStart.set(client, all.length);
    for (const s of list) all.push(s);
  }
  const n = all.length;

  // Pass 1: edges between the update's structs (at most 4 per struct: the same
  // client's previous struct, origin, right origin, parent), then one iterative
  // DFS: no cycles.
  const g = graph(n);
  for (let i = 0; i < n; i++) {
    const s = all[i];
    if (i > 0 && all[i - 1].id.client === s.id.client) addEdge(g, i, i - 1);
    if (s instanceof Y.Item) {
      if (s.origin) {
        const r = c.resolve(s, s.origin);
        if (r >= 0) addEdge(g, i, r);
      }
      if (s.rightOrigin) {
        const r = c.resolve(s, s.rightOrigin);
        if (r >= 0) addEdge(g, i, r);
      }
      if (s.parent instanceof Y.ID) {
        const r = c.resolve(s, s.parent);
        if (r >= 0) addEdge(g, i, r);
      }
    }
  }
  const order = topologicalOrder(n, g);

  // Pass 2, in dependency order: where each item lands, depth, neighbours in one type.
  const placed = c.placed;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    const s = all[i];
    if (!(s instanceof Y.Item)) continue;
    let place: Placed;
    if (s.origin || s.rightOrigin) {
      const left = s.origin ? c.neighbour(s.origin, c.resolve(s, s.origin)) : null;
      const right = s.rightOrigin ? c.neighbour(s.rightOrigin, c.resolve(s, s.rightOrigin)) : null;
      if (left === GONE || right === GONE) place = GONE;
      else {
        place = (left ?? right)!;
        if (left && right && (left.key !== right.key || left.sub !== right.sub)) {
          throw new Refused('neighbours in different types');
        }
      }
    } else if (typeof (s.parent as unknown) === 'string') {
      const root = s.parent as unknown as string;
      if (roots !== 'any' && !roots.has(root)) throw new Refused(`unknown root "${root.slice(0, 40)}"`);
      place = { key: `root:${root}`, sub: s.parentSub, depth: 1 };
    } else if (s.parent instanceof Y.ID) {
      place = c.inside(s.parent, c.resolve(s, s.parent), s.parentSub);
    } else {
      throw new Refused('item without parent');
    }
    if (place !== GONE) {
      const depth = place.depth + (s.content instanceof Y.ContentType ? 1 : 0);
      if (depth > SHAPE_LIMITS.maxDepth) throw new Refused('nested too deep');
    }
    placed[i] = place;
  }
}

/**
 * The state of one check: the update's structs by client and in one array,
 * and lookups into the document. (Methods, not closures: this runs for every
 * update a client sends, so nothing is created per call but this object and
 * its maps.)
 */
class UpdateCheck {
  private readonly store: Y.Doc['store'];
  private readonly docState = new Map<number, number>();
  readonly byClient = new Map<number, Struct[]>();
  readonly groupStart = new Map<number, number>();
  readonly all: Struct[] = [];
  readonly placed: (Placed | undefined)[] = [];

  constructor(doc: Y.Doc) {
    this.store = doc.store;
  }

  /** The document's state (next clock) for `client`. */
  stateOf(client: number): number {
    let s = this.docState.get(client);
    if (s === undefined) this.docState.set(client, (s = Y.getState(this.store, client)));
    return s;
  }

  /** The state the document will have for `client` once the update is applied. */
  endState(client: number): number {
    const list = this.byClient.get(client);
    const s = this.stateOf(client);
    if (!list) return s;
    const last = list[list.length - 1];
    return Math.max(s, last.id.clock + last.length);
  }

  /** Index in `all` of the update's struct holding `id`, or -1. */
  private inUpdate(id: Y.ID): number {
    const list = this.byClient.get(id.client);
    if (!list) return -1;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid];
      if (id.clock < s.id.clock) hi = mid - 1;
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
      else return this.groupStart.get(id.client)! + mid;
    }
    return -1;
  }

  /**
   * Where a reference from `from` resolves: in the document (-1), or in the
   * update (the struct's index). Refuses what Yjs could not resolve.
   */
  resolve(from: Struct, id: Y.ID): number {
    if (!Number.isSafeInteger(id.clock) || id.clock < 0) throw new Refused('reference to unknown content');
    if (id.client === from.id.client && id.clock >= from.id.clock) {
      throw new Refused('reference to itself or a later change');
    }
    if (id.clock < this.stateOf(id.client)) return -1;
    const i = this.inUpdate(id);
    if (i < 0) throw new Refused('reference to unknown content');
    return i;
  }

  /** The place of a neighbour (origin or right origin) resolved to `r`. */
  neighbour(id: Y.ID, r: number): Placed {
    if (r < 0) {
      const s = Y.getItem(this.store, id) as Struct;
      if (!(s instanceof Y.Item)) return GONE;
      const p = docPlace(s.parent as Y.AbstractType<unknown>);
      return s.parentSub === null ? p : { key: p.key, sub: s.parentSub, depth: p.depth };
    }
    return this.placed[r] ?? GONE;
  }

  /** The place inside the type created by the item `id` resolved to `r`. */
  inside(id: Y.ID, r: number, sub: string | null): Placed {
    const s = r < 0 ? (Y.getItem(this.store, id) as Struct) : this.all[r];
    if (!(s instanceof Y.Item)) return GONE;
    if (!(s.content instanceof Y.ContentType)) {
      if (s.content instanceof Y.ContentDeleted) return GONE;
      throw new Refused('parent is not a type');
    }
    if (r < 0) {
      const p = docPlace(s.content.type as Y.AbstractType<unknown>);
      return { key: p.key, sub, depth: p.depth };
    }
    const outer = this.placed[r];
    if (!outer || outer === GONE) return GONE;
    return { key: idKey(s.id), sub, depth: outer.depth + 1 };
  }
}

/**
 * Where a type of the document lives: its key and depth. A type's place never
 * changes once it is integrated (its parent chain is fixed), so it is
 * remembered per type object (dropped with the type).
 */
const docPlaces = new WeakMap<Y.AbstractType<unknown>, Place>();
function docPlace(t: Y.AbstractType<unknown>): Place {
  let p = docPlaces.get(t);
  if (p) return p;
  let depth = 1;
  let cur: Y.AbstractType<unknown> | null = t;
  while (cur?._item && depth <= SHAPE_LIMITS.maxDepth + 1) {
    depth++;
    cur = cur._item.parent as Y.AbstractType<unknown> | null;
  }
  const key = t._item ? idKey(t._item.id) : `root:${Y.findRootTypeKey(t)}`;
  p = { key, sub: null, depth };
  docPlaces.set(t, p);
  return p;
}

const idKey = (id: Y.ID) => `${id.client}:${id.clock}`;

/**
 * The dependency graph of one check (at most 4 edges per struct). Up to
 * SCRATCH_STRUCTS structs it lives in arrays reused across calls (validation
 * is synchronous and never re-entered); larger updates get their own.
 */
interface Graph {
  edges: Int32Array;
  edgeCount: Uint8Array;
  state: Uint8Array;
  next: Uint8Array;
  stack: Int32Array;
  order: Int32Array;
}
const SCRATCH_STRUCTS = 4096;
const newGraph = (n: number): Graph => ({
  edges: new Int32Array(n * 4),
  edgeCount: new Uint8Array(n),
  state: new Uint8Array(n),
  next: new Uint8Array(n),
  stack: new Int32Array(n),
  order: new Int32Array(n),
});
const scratch = newGraph(SCRATCH_STRUCTS);
function graph(n: number): Graph {
  if (n > SCRATCH_STRUCTS) return newGraph(n);
  scratch.edgeCount.fill(0, 0, n);
  scratch.state.fill(0, 0, n);
  return scratch;
}
function addEdge(g: Graph, from: number, to: number): void {
  g.edges[from * 4 + g.edgeCount[from]++] = to;
}

/** Iterative DFS post-order over the edges (dependencies first); refuses a cycle. Returns g.order (first n). */
function topologicalOrder(n: number, g: Graph): Int32Array {
  const { edges, edgeCount, state, next, stack, order } = g; // state: 0 new, 1 on the stack, 2 done
  let done = 0;
  for (let root = 0; root < n; root++) {
    if (state[root]) continue;
    let top = 0;
    stack[0] = root;
    next[root] = 0;
    state[root] = 1;
    while (top >= 0) {
      const v = stack[top];
      if (next[v] < edgeCount[v]) {
        const w = edges[v * 4 + next[v]++];
        if (state[w] === 1) throw new Refused('references form a cycle');
        if (state[w] === 0) {
          state[w] = 1;
          next[w] = 0;
          stack[++top] = w;
        }
      } else {
        state[v] = 2;
        order[done++] = v;
        top--;
      }
    }
  }
  return order;
}

function checkContent(item: Y.Item): void {
  const c = item.content as unknown;
  if (item.parentSub !== null && item.parentSub.length > SHAPE_LIMITS.maxKeyLength) throw new Refused('key too long');
  const parent = item.parent as unknown;
  if (typeof parent === 'string' && parent.length > SHAPE_LIMITS.maxKeyLength) {
    throw new Refused('root name too long');
  }
  if (c instanceof Y.ContentString) {
    if (c.str.length > SHAPE_LIMITS.maxStringLength) throw new Refused('string too long');
  } else if (c instanceof Y.ContentAny) {
    for (const v of c.arr) checkJson(v, 0);
  } else if (c instanceof Y.ContentJSON) {
    for (const v of c.arr) checkJson(v, 0);
  } else if (c instanceof Y.ContentFormat) {
    if (c.key.length > SHAPE_LIMITS.maxKeyLength) throw new Refused('key too long');
    checkJson(c.value, 0);
  } else if (c instanceof Y.ContentEmbed) {
    checkJson(c.embed, 0);
  } else if (c instanceof Y.ContentDoc) {
    throw new Refused('subdocuments are not allowed');
  } else if (c instanceof Y.ContentType) {
    const t = c.type as unknown as { nodeName?: string; hookName?: string };
    if (typeof t.nodeName === 'string' && t.nodeName.length > 256) throw new Refused('node name too long');
    if (typeof t.hookName === 'string' && t.hookName.length > 256) throw new Refused('hook name too long');
  } else if (!(c instanceof Y.ContentDeleted) && !(c instanceof Y.ContentBinary)) {
    throw new Refused('unknown content');
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
      if (k.length > SHAPE_LIMITS.maxKeyLength) throw new Refused('key too long');
      checkJson(x, depth + 1);
    }
  }
}
