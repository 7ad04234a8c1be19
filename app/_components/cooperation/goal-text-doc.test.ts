import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docText, fragmentToDoc, ZDescriptionDoc, type DescNode } from '@/lib/goals/description-doc';
import { GOALS_ROOT, fragmentText, restoreFragment, setFragmentText } from './goal-text-doc';

/** A description as y-prosemirror writes it: a heading, a list, bold and italic text, a link. */
function richDescription(doc: Y.Doc, frag: Y.XmlFragment) {
  doc.transact(() => {
    const h = new Y.XmlElement('heading');
    h.setAttribute('level', 2 as unknown as string);
    const ht = new Y.XmlText();
    h.insert(0, [ht]);
    const p = new Y.XmlElement('paragraph');
    const pt = new Y.XmlText();
    p.insert(0, [pt]);
    const list = new Y.XmlElement('bullet_list');
    const items = ['Rooms', 'People'].map((word) => {
      const li = new Y.XmlElement('list_item');
      const lp = new Y.XmlElement('paragraph');
      const lt = new Y.XmlText();
      lp.insert(0, [lt]);
      li.insert(0, [lp]);
      return { li, lt, word };
    });
    list.insert(
      0,
      items.map((i) => i.li),
    );
    frag.insert(0, [h, p, list]);
    ht.insert(0, 'Our plan');
    pt.applyDelta([
      { insert: 'Bold', attributes: { strong: {} } },
      { insert: ' and ' },
      { insert: 'italic', attributes: { em: {} } },
      { insert: ', see ' },
      { insert: 'our site', attributes: { link: { href: 'https://example.org/plan', title: null } } },
    ]);
    for (const i of items) i.lt.insert(0, i.word);
  });
}

/** Two peers of the commons document, exchanging every update (as the realtime server relays them). */
function peers() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (u: Uint8Array) => Y.applyUpdate(b, u, 'remote'));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, u, 'remote'));
  return { a, b };
}

describe('goal description text in the commons document', () => {
  it('reads a rich-text description as plain text, one line per paragraph', () => {
    const doc = new Y.Doc();
    const frag = new Y.XmlFragment();
    doc.getMap(GOALS_ROOT).set('g1', frag);
    const p1 = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    p1.insert(0, [text]);
    frag.insert(0, [p1, new Y.XmlElement('paragraph')]);
    text.insert(0, 'Rooms from Alpha, ');
    text.insert(18, 'people from Beta', { strong: true });
    expect(fragmentText(frag)).toBe('Rooms from Alpha, people from Beta\n');
  });

  it('restoring an earlier text replaces the description for every peer in one change', () => {
    const { a, b } = peers();
    a.getMap(GOALS_ROOT).set('g1', new Y.XmlFragment());
    const fa = a.getMap<Y.XmlFragment>(GOALS_ROOT).get('g1')!;
    setFragmentText(a, fa, 'current text\nwith two lines');
    const fb = b.getMap<Y.XmlFragment>(GOALS_ROOT).get('g1')!;
    expect(fragmentText(fb)).toBe('current text\nwith two lines');
    let updates = 0;
    b.on('update', () => updates++);
    setFragmentText(a, fa, 'the earlier text');
    expect(fragmentText(fb)).toBe('the earlier text');
    expect(updates).toBe(1);
  });
});

describe('the structure of a description (kept with each version so a restore keeps formatting)', () => {
  it('converts headings, lists, bold, italic and links to JSON and back to the same tree', () => {
    const a = new Y.Doc();
    const fa = a.getXmlFragment('a');
    richDescription(a, fa);
    const stored: DescNode[] = JSON.parse(JSON.stringify(fragmentToDoc(fa)));
    expect(ZDescriptionDoc.safeParse(stored).success).toBe(true);
    expect(stored[0]).toEqual({ type: 'heading', attrs: { level: 2 }, content: [{ delta: [{ insert: 'Our plan' }] }] });
    expect(stored[2]).toMatchObject({ type: 'bullet_list', content: [{ type: 'list_item' }, { type: 'list_item' }] });
    expect(docText(stored)).toBe(fragmentText(fa));

    const { a: peerA, b: peerB } = peers();
    peerA.getMap(GOALS_ROOT).set('g1', new Y.XmlFragment());
    const target = peerA.getMap<Y.XmlFragment>(GOALS_ROOT).get('g1')!;
    setFragmentText(peerA, target, 'plain text written later');
    let updates = 0;
    peerB.on('update', () => updates++);
    restoreFragment(peerA, target, { description: 'ignored when the structure is there', descriptionDoc: stored });
    expect(updates).toBe(1);
    const seenByB = peerB.getMap<Y.XmlFragment>(GOALS_ROOT).get('g1')!;
    // The same XML (elements, attributes, marks) as the original, for the peer too.
    expect(seenByB.toString()).toBe(fa.toString());
    expect(target.toString()).toBe(fa.toString());
    expect(seenByB.toString()).toContain('<heading level="2">Our plan</heading>');
    expect(seenByB.toString()).toContain('<strong>Bold</strong>');
    expect(seenByB.toString()).toContain('<em>italic</em>');
    expect(seenByB.toString()).toContain('<bullet_list><list_item><paragraph>Rooms</paragraph></list_item>');
    expect(fragmentToDoc(seenByB)).toEqual(stored);
  });

  it('a version kept before structures were stored restores as plain paragraphs, as before', () => {
    const doc = new Y.Doc();
    const frag = doc.getXmlFragment('x');
    richDescription(doc, frag);
    restoreFragment(doc, frag, { description: 'first line\nsecond line', descriptionDoc: null });
    expect(frag.toString()).toBe('<paragraph>first line</paragraph><paragraph>second line</paragraph>');
    restoreFragment(doc, frag, { description: 'only text' });
    expect(fragmentText(frag)).toBe('only text');
  });

  it('refuses structures that are too deep, too large or carry odd names', () => {
    let deep: DescNode = { type: 'paragraph' };
    for (let i = 0; i < 25; i++) deep = { type: 'blockquote', content: [deep] };
    expect(ZDescriptionDoc.safeParse([deep]).success).toBe(false);
    expect(ZDescriptionDoc.safeParse([{ type: 'p onclick' }]).success).toBe(false);
    expect(ZDescriptionDoc.safeParse([{ delta: [{ insert: 'x', attributes: { 'a b': true } }] }]).success).toBe(false);
    expect(ZDescriptionDoc.safeParse([{ type: 'paragraph', extra: 1 }]).success).toBe(false);
    const wide = Array.from({ length: 2001 }, () => ({ type: 'paragraph' }));
    expect(ZDescriptionDoc.safeParse(wide).success).toBe(false);
  });
});
