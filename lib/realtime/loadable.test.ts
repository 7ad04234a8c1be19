import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkStoreFrom, stateMap } from './loadable';

/** A document edited by `n` sessions (client ids), each typing one character. */
function docWithSessions(n: number): { doc: Y.Doc; clients: number[] } {
  const doc = new Y.Doc();
  const clients: number[] = [];
  for (let i = 0; i < n; i++) {
    const session = new Y.Doc();
    Y.applyUpdate(session, Y.encodeStateAsUpdate(doc));
    session.getText('notes').insert(0, String(i));
    clients.push(session.clientID);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(session, Y.encodeStateVector(doc)));
  }
  return { doc, clients };
}

describe('stateMap and checkStoreFrom restricted to the clients an update touched', () => {
  it('stateMap(doc, only) holds exactly those clients that have structs', () => {
    const { doc, clients } = docWithSessions(5);
    expect(stateMap(doc).size).toBe(5);
    const some = stateMap(doc, [clients[1], clients[3], 424242]);
    expect([...some.keys()].sort()).toEqual([clients[1], clients[3]].sort());
    expect(some.get(clients[1])).toBe(1);
  });

  it('checks the touched clients and leaves the others alone', () => {
    const { doc, clients } = docWithSessions(3);
    const before = stateMap(doc, [clients[0]]);
    // Break client 0's list the way a zero-length struct would (state moves on, length 0 inside).
    const structs = (doc.store as unknown as { clients: Map<number, (Y.Item | Y.GC)[]> }).clients.get(clients[0])!;
    structs.push(new Y.GC(Y.createID(clients[0], 1), 0), new Y.GC(Y.createID(clients[0], 1), 2));
    expect(checkStoreFrom(doc, before, [clients[0]])).toMatch(/zero-length struct/);
    // Not among the touched clients: not looked at.
    expect(checkStoreFrom(doc, before, [clients[1], clients[2]])).toBeNull();
    // The whole-document scan (no `only`) finds it too.
    expect(checkStoreFrom(doc, new Map())).toMatch(/zero-length struct/);
  });
});
