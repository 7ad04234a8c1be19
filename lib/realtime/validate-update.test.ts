import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { allowedRoots } from './doc-schema';
import { validateUpdate, type DecodedOut } from './validate-update';

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

  it('says whether every struct of an accepted update is new to the document (allNew)', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    const updates: Uint8Array[] = [];
    client.on('update', (u: Uint8Array) => updates.push(u));
    client.getText('notes').insert(0, 'eins');
    client.getText('notes').insert(4, ' zwei');
    client.getText('notes').delete(0, 1);
    const out = (u: Uint8Array) => {
      const o: DecodedOut = {};
      expect(validateUpdate(server, u, roots, o)).toEqual({ ok: true });
      return o.allNew;
    };
    expect(out(updates[0])).toBe(true);
    Y.applyUpdate(server, updates[0]);
    expect(out(updates[0])).toBe(false); // all known
    expect(out(Y.mergeUpdates([updates[0], updates[1]]))).toBe(false); // known and new
    expect(out(updates[1])).toBe(true);
    Y.applyUpdate(server, updates[1]);
    expect(out(updates[2])).toBe(false); // a deletion only: no struct
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

  const hex = (h: string) => Uint8Array.from(h.match(/../g)!.map((b) => parseInt(b, 16)));

  it('refuses, within a bound, an item whose origin is itself (issue 7, defect 1: the frame 00020a01010700840700017800)', () => {
    const update = hex('00020a01010700840700017800').subarray(3);
    expect(validateUpdate(new Y.Doc(), update, roots)).toEqual({
      ok: false,
      reason: 'reference to itself or a later change',
    });
  });

  it('refuses a zero-length GC struct (issue 7, defect 2: 00020701016000000000) and other empty shapes', () => {
    expect(validateUpdate(new Y.Doc(), hex('00020701016000000000').subarray(3), roots)).toMatchObject({ ok: false });
    // An empty string item and an empty deletion.
    expect(validateUpdate(new Y.Doc(), hex('0101070004010576616c756504' + '00' + '00'), roots).ok).toBe(false);
    const d = new Y.Doc();
    d.getMap('goals').set('a', 1);
    const ok = Y.encodeStateAsUpdate(d);
    const withEmptyDeletion = Uint8Array.from([...ok.subarray(0, ok.length - 1), 1, ...varuint(d.clientID), 1, 0, 0]);
    expect(validateUpdate(new Y.Doc(), withEmptyDeletion, roots).ok).toBe(false);
    const beyond = Uint8Array.from([...ok.subarray(0, ok.length - 1), 1, ...varuint(d.clientID), 1, 0, 5]);
    expect(validateUpdate(new Y.Doc(), beyond, roots)).toEqual({ ok: false, reason: 'deletion of unknown content' });
  });

  it('refuses references that form a cycle across clients and neighbours in different types', () => {
    // Two clients, each inserting after the other's item: A0 → B0 → A0.
    const enc = (structs: [number, number, number, number][]) => {
      // [client, clock, originClient, originClock] items with string content "x", one per client.
      const out = [structs.length];
      for (const [client, clock, oc, ok] of structs)
        out.push(1, ...varuint(client), clock, 0x84, ...varuint(oc), ok, 1, 0x78);
      out.push(0);
      return Uint8Array.from(out);
    };
    expect(
      validateUpdate(
        new Y.Doc(),
        enc([
          [5, 0, 6, 0],
          [6, 0, 5, 0],
        ]),
        roots,
      ),
    ).toEqual({
      ok: false,
      reason: 'references form a cycle',
    });
    const server = new Y.Doc();
    const c = new Y.Doc();
    c.getXmlFragment('notes').push([new Y.XmlText('ab')]);
    c.getMap('goals').set('k', new Y.Text('cd'));
    Y.applyUpdate(server, Y.encodeStateAsUpdate(c));
    const notesText = c.getXmlFragment('notes').get(0) as Y.XmlText;
    const goalsText = c.getMap('goals').get('k') as Y.Text;
    const left = notesText._start!.id;
    const right = goalsText._start!.id;
    // Origin in one type, right origin in another.
    const bad = [
      1,
      1,
      ...varuint(77),
      0,
      0xc4,
      ...varuint(left.client),
      left.clock,
      ...varuint(right.client),
      right.clock,
      1,
      0x78,
      0,
    ];
    expect(validateUpdate(server, Uint8Array.from(bad), roots)).toEqual({
      ok: false,
      reason: 'neighbours in different types',
    });
  });

  it('accepts every honest update of three clients editing text, lists, maps and nested types at random (no false refusals)', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const server = new Y.Doc();
    const clients = [new Y.Doc(), new Y.Doc(), new Y.Doc({ gc: false })];
    const refused: string[] = [];
    for (const c of clients) {
      c.on('update', (u: Uint8Array, origin: unknown) => {
        if (origin === 'remote') return;
        const v = validateUpdate(server, u, roots);
        if (!v.ok) refused.push(v.reason);
        else Y.applyUpdate(server, u);
      });
    }
    for (let step = 0; step < 1500; step++) {
      const c = clients[Math.floor(rand() * 3)];
      const frag = c.getXmlFragment('notes');
      const goals = c.getMap<unknown>('goals');
      const r = rand();
      if (r < 0.3 || frag.length === 0) {
        const p = new Y.XmlElement('paragraph');
        p.insert(0, [new Y.XmlText('t' + step)]);
        frag.insert(Math.floor(rand() * (frag.length + 1)), [p]);
      } else if (r < 0.6) {
        const p = frag.get(Math.floor(rand() * frag.length));
        const t = p instanceof Y.XmlElement ? (p.get(0) as Y.XmlText | undefined) : undefined;
        if (t) {
          if (rand() < 0.7)
            t.insert(Math.floor(rand() * (t.length + 1)), 'abc', rand() < 0.3 ? { bold: true } : undefined);
          else if (t.length > 1) t.delete(Math.floor(rand() * (t.length - 1)), 1);
        }
      } else if (r < 0.75) {
        frag.delete(Math.floor(rand() * frag.length), 1);
      } else if (r < 0.9) {
        const inner = new Y.Map<unknown>();
        inner.set('title', 'g' + step);
        inner.set('list', Y.Array.from([1, 2, 3]));
        goals.set('g' + Math.floor(rand() * 20), inner);
      } else {
        goals.delete('g' + Math.floor(rand() * 20));
      }
      // Sync now and then (a client offline for a while sends its SyncStep2 diff).
      if (rand() < 0.3) {
        for (const o of clients) {
          if (o === c) continue;
          const diff = Y.encodeStateAsUpdate(server, Y.encodeStateVector(o));
          Y.applyUpdate(o, diff, 'remote');
        }
      }
    }
    for (const c of clients) {
      const diff = Y.encodeStateAsUpdate(c, Y.encodeStateVector(server));
      const v = validateUpdate(server, diff, roots);
      if (!v.ok) refused.push(`sync step 2: ${v.reason}`);
      else Y.applyUpdate(server, diff);
    }
    expect(refused).toEqual([]);
    expect((server.store as unknown as { pendingStructs: unknown }).pendingStructs).toBeNull();
  });
});

function varuint(n: number): number[] {
  const out: number[] = [];
  while (n > 127) {
    out.push(128 | (n & 127));
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}
