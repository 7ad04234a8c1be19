/**
 * Micro-benchmark of the server's per-update checks, outside any socket:
 * `npx tsx bench/update-path.ts`.
 *
 * 1. The validator on a typing update (one struct) against a document of
 *    1,000 such updates, warm (µs per update).
 * 2. The loadability checks around applying an update (state before, struct
 *    check after, state after for the meeting tally) on a document with
 *    5,000 client ids (one per past editing session): scanning every client
 *    against only the clients the update carries structs of, which is what
 *    the room does.
 * 3. The state vector of an acknowledgement on that document: all 5,000
 *    client ids against the author's own (what the room sends).
 *
 * Figures go to docs/realtime.md by hand (this is a measurement aid, not the
 * benchmark of record: `npm run bench` is).
 */
import * as Y from 'yjs';
import { allowedRoots } from '../lib/realtime/doc-schema';
import { checkStoreFrom, stateMap } from '../lib/realtime/loadable';
import { validateUpdate } from '../lib/realtime/validate-update';

const now = () => process.hrtime.bigint();

function typingUpdates(count: number): Uint8Array[] {
  const writer = new Y.Doc();
  const updates: Uint8Array[] = [];
  writer.on('update', (u: Uint8Array) => updates.push(u));
  const text = writer.getText('notes');
  for (let i = 0; i < count; i++) text.insert(text.length, `~M${i}~`);
  return updates;
}

function validatorRun(): number {
  const roots = allowedRoots('commons');
  const updates = typingUpdates(21_000);
  const doc = new Y.Doc();
  for (const u of updates.slice(0, 1000)) Y.applyUpdate(doc, u);
  const measured = updates.slice(1000);
  let ns = 0;
  for (const u of measured) {
    const t = now();
    const verdict = validateUpdate(doc, u, roots);
    ns += Number(now() - t);
    if (!verdict.ok) throw new Error(verdict.reason);
    Y.applyUpdate(doc, u);
  }
  return ns / measured.length / 1000;
}

/** Encoding an acknowledgement's state vector: every client id of the document against the author's one. */
function ackRun(sessions: number): { whole: number; touched: number } {
  const doc = new Y.Doc();
  for (let i = 0; i < sessions; i++) {
    const s = new Y.Doc();
    s.getText('notes').insert(0, 'x');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(s));
  }
  const author = [doc.store.clients.keys().next().value as number];
  const rounds = 2000;
  let t = now();
  for (let i = 0; i < rounds; i++) Y.encodeStateVector(doc);
  const whole = Number(now() - t) / rounds / 1000;
  t = now();
  for (let i = 0; i < rounds; i++) Y.encodeStateVector(stateMap(doc, author));
  const touched = Number(now() - t) / rounds / 1000;
  return { whole, touched };
}

function checksRun(sessions: number): { whole: number; touched: number } {
  const doc = new Y.Doc();
  for (let i = 0; i < sessions; i++) {
    const s = new Y.Doc();
    Y.applyUpdate(s, Y.encodeStateAsUpdate(doc));
    s.getText('notes').insert(0, 'x');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(s, Y.encodeStateVector(doc)));
  }
  const writer = new Y.Doc();
  Y.applyUpdate(writer, Y.encodeStateAsUpdate(doc));
  const updates: Uint8Array[] = [];
  writer.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < 2000; i++) writer.getText('notes').insert(i % 100, 'y');
  let whole = 0;
  let touched = 0;
  for (const u of updates) {
    const clients = new Set<number>();
    for (const s of Y.decodeUpdate(u).structs) clients.add(s.id.client);
    let t = now();
    const beforeAll = stateMap(doc);
    whole += Number(now() - t);
    t = now();
    const beforeSome = stateMap(doc, clients);
    touched += Number(now() - t);
    Y.applyUpdate(doc, u);
    t = now();
    if (checkStoreFrom(doc, beforeAll) !== null) throw new Error('broken');
    stateMap(doc);
    whole += Number(now() - t);
    t = now();
    if (checkStoreFrom(doc, beforeSome, clients) !== null) throw new Error('broken');
    stateMap(doc, clients);
    touched += Number(now() - t);
  }
  return { whole: whole / updates.length / 1000, touched: touched / updates.length / 1000 };
}

const a = ackRun(5000);
const v = validatorRun();
console.log(`validator, one typing update, warm: ${v.toFixed(2)} µs`);
const c = checksRun(5000);
console.log(
  `checks around applying an update, 5,000 client ids: every client ${c.whole.toFixed(1)} µs, ` +
    `touched clients only ${c.touched.toFixed(2)} µs`,
);
console.log(
  `acknowledgement state vector, 5,000 client ids: every client ${a.whole.toFixed(1)} µs, ` +
    `the author's ${a.touched.toFixed(2)} µs`,
);
