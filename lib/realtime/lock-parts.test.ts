import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { touchedLockedPart } from './lock-parts';

const G1 = '11111111-1111-4111-8111-111111111111';
const G2 = '22222222-2222-4222-8222-222222222222';

/** A commons document with notes and two goal texts, and a client copy of it. */
function setup() {
  const server = new Y.Doc();
  const goals = server.getMap<Y.XmlFragment>('goals');
  server.transact(() => {
    for (const id of [G1, G2]) {
      const f = new Y.XmlFragment();
      goals.set(id, f);
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText('text of ' + id.slice(0, 4))]);
      f.insert(0, [p]);
    }
    server.getXmlFragment('notes').insert(0, [new Y.XmlText('notes')]);
  });
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client };
}

/** The update `edit` makes on the client. */
function updateOf(client: Y.Doc, edit: (d: Y.Doc) => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const on = (u: Uint8Array) => updates.push(u);
  client.on('update', on);
  client.transact(() => edit(client));
  client.off('update', on);
  return Y.mergeUpdates(updates);
}

const textIn = (d: Y.Doc, goal: string) =>
  (d.getMap<Y.XmlFragment>('goals').get(goal)!.get(0) as Y.XmlElement).get(0) as Y.XmlText;

describe('touchedLockedPart', () => {
  it('finds the goal text an insert, a format and a delete touch, and nothing else', () => {
    const { server, client } = setup();
    const locked = new Set([`goals/${G1}`]);
    const insertG1 = updateOf(client, (d) => textIn(d, G1).insert(0, 'x'));
    expect(touchedLockedPart(server, insertG1, locked)).toBe(`goals/${G1}`);
    const insertG2 = updateOf(client, (d) => textIn(d, G2).insert(0, 'y'));
    expect(touchedLockedPart(server, insertG2, locked)).toBeNull();
    const notes = updateOf(client, (d) => d.getXmlFragment('notes').insert(0, [new Y.XmlText('n')]));
    expect(touchedLockedPart(server, notes, locked)).toBeNull();
    expect(touchedLockedPart(server, notes, new Set(['notes']))).toBe('notes');
    const del = updateOf(client, (d) => textIn(d, G1).delete(0, 2));
    expect(touchedLockedPart(server, del, locked)).toBe(`goals/${G1}`);
    const format = updateOf(client, (d) => textIn(d, G1).format(0, 3, { strong: true }));
    expect(touchedLockedPart(server, format, locked)).toBe(`goals/${G1}`);
  });

  it('sees a goal text replaced as a whole, nested content built in one update, and locks on the whole root', () => {
    const { server, client } = setup();
    const replace = updateOf(client, (d) => d.getMap('goals').set(G1, new Y.XmlFragment()));
    expect(touchedLockedPart(server, replace, new Set([`goals/${G1}`]))).toBe(`goals/${G1}`);
    const nested = updateOf(client, (d) => {
      const f = d.getMap<Y.XmlFragment>('goals').get(G2)!;
      const list = new Y.XmlElement('bullet_list');
      const item = new Y.XmlElement('list_item');
      item.insert(0, [new Y.XmlText('deep')]);
      list.insert(0, [item]);
      f.insert(0, [list]);
    });
    expect(touchedLockedPart(server, nested, new Set([`goals/${G2}`]))).toBe(`goals/${G2}`);
    expect(touchedLockedPart(server, nested, new Set([`goals/${G1}`]))).toBeNull();
    expect(touchedLockedPart(server, nested, new Set(['goals']))).toBe(`goals/${G2}`);
  });

  it('sees an update that only deletes what it inserted itself', () => {
    const { server, client } = setup();
    const both = updateOf(client, (d) => {
      textIn(d, G1).insert(0, 'tmp');
      textIn(d, G1).delete(0, 3);
    });
    expect(touchedLockedPart(server, both, new Set([`goals/${G1}`]))).toBe(`goals/${G1}`);
    expect(touchedLockedPart(server, both, new Set())).toBeNull();
  });
});
