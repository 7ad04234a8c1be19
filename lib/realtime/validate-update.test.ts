import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { allowedRoots } from './doc-schema';
import { validateUpdate } from './validate-update';

const roots = allowedRoots('commons');

describe('validateUpdate', () => {
  it('accepts ordinary edits to the known roots, including ones building on the document', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('Hallo')]);
    client.getXmlFragment('notes').insert(0, [p]);
    const first = Y.encodeStateAsUpdate(client);
    expect(validateUpdate(server, first, roots)).toEqual({ ok: true });
    Y.applyUpdate(server, first);
    const sv = Y.encodeStateVector(client);
    (p.get(0) as Y.XmlText).insert(5, ' Welt');
    client.getMap('goals').set('g', 'Ziel');
    expect(validateUpdate(server, Y.encodeStateAsUpdate(client, sv), roots)).toEqual({ ok: true });
  });

  it('refuses unknown roots, deep nesting, long strings, subdocuments and undecodable bytes', () => {
    const server = new Y.Doc();
    const cases: [string, (d: Y.Doc) => void][] = [
      ['unknown root', (d) => d.getText('other').insert(0, 'x')],
      ['long string', (d) => d.getMap('goals').set('s', 'x'.repeat(300_000))],
      ['subdocument', (d) => d.getMap('goals').set('d', new Y.Doc())],
      [
        'deep nesting',
        (d) => {
          let cur = d.getMap<unknown>('goals');
          for (let i = 0; i < 33; i++) {
            const n = new Y.Map<unknown>();
            cur.set('k', n);
            cur = n;
          }
        },
      ],
    ];
    for (const [what, make] of cases) {
      const d = new Y.Doc();
      make(d);
      expect(validateUpdate(server, Y.encodeStateAsUpdate(d), roots).ok, what).toBe(false);
    }
    expect(validateUpdate(server, new Uint8Array([1, 200, 3]), roots).ok).toBe(false);
  });

  it('counts depth through content already in the document', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    let cur = client.getMap<unknown>('goals');
    for (let i = 0; i < 30; i++) {
      const n = new Y.Map<unknown>();
      cur.set('k', n);
      cur = n;
    }
    const base = Y.encodeStateAsUpdate(client);
    expect(validateUpdate(server, base, roots)).toEqual({ ok: true });
    Y.applyUpdate(server, base);
    const sv = Y.encodeStateVector(client);
    const deeper = new Y.Map<unknown>();
    cur.set('k', deeper);
    deeper.set('k', new Y.Map());
    expect(validateUpdate(server, Y.encodeStateAsUpdate(client, sv), roots)).toMatchObject({ ok: false });
  });
});
