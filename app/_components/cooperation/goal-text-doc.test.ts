import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { GOALS_ROOT, fragmentText, setFragmentText } from './goal-text-doc';

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
