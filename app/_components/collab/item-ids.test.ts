import { describe, expect, it } from 'vitest';
import { splitBlock } from 'prosemirror-commands';
import type { Node as PMNode } from 'prosemirror-model';
import { EditorState, TextSelection, type Command } from 'prosemirror-state';
import { prosemirrorToYXmlFragment } from 'y-prosemirror';
import * as Y from 'yjs';
import { agendaItems } from '@/lib/meetings/agenda-items';
import { toggleHeading, toggleList } from './editor-commands';
import { editorSchema as s } from './editor-schema';
import { itemIdsPlugin } from './item-ids';

/**
 * The agenda editor's item ids (item-ids.ts): what a person does to an agenda
 * line keeps or gives its id as lib/meetings/agenda-items.ts expects, so the
 * comments on an item stay with it.
 */
const p = (text: string, itemId: string | null = null) => s.node('paragraph', { itemId }, text ? [s.text(text)] : []);

function stateOf(doc: PMNode, active = true) {
  return EditorState.create({ schema: s, doc, plugins: [itemIdsPlugin(() => active)] });
}
function run(state: EditorState, cmd: Command): EditorState {
  let next = state;
  expect(cmd(state, (tr) => (next = state.apply(tr)))).toBe(true);
  return next;
}
function type(state: EditorState, text: string): EditorState {
  return state.apply(state.tr.insertText(text));
}
const at = (state: EditorState, pos: number) =>
  state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos)));
const ids = (state: EditorState) => {
  const out: (string | null)[] = [];
  state.doc.descendants((n) => {
    if (n.isTextblock) {
      out.push(n.attrs.itemId as string | null);
      return false;
    }
    return true;
  });
  return out;
};
/** The items the server reads from the same content (through y-prosemirror, as the realtime server stores it). */
const serverItems = (state: EditorState) => {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('agenda');
  prosemirrorToYXmlFragment(state.doc, fragment);
  return agendaItems(fragment).map((i) => ({ id: i.id, title: i.title }));
};

describe('agenda item ids', () => {
  it('a line with words gets an id; an empty line none, so opening an empty agenda writes nothing', () => {
    let st = stateOf(s.node('doc', null, [p('')]));
    st = type(at(st, 1), '');
    expect(ids(st)).toEqual([null]);
    st = type(at(st, 1), 'Flyer');
    const [id] = ids(st);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(serverItems(st)).toEqual([{ id, title: 'Flyer' }]);
  });

  it('Enter at the end or at the start of an item leaves the id with its words', () => {
    let st = stateOf(s.node('doc', null, [p('Flyer', 'flyerItem001')]));
    st = run(at(st, 6), splitBlock);
    expect(ids(st)).toEqual(['flyerItem001', null]);
    st = type(st, 'Sommerfest');
    const [, second] = ids(st);
    expect(second).toMatch(/^[0-9a-f]{32}$/);
    let front = stateOf(s.node('doc', null, [p('Flyer', 'flyerItem001')]));
    front = run(at(front, 1), splitBlock);
    expect(ids(front)).toEqual([null, 'flyerItem001']);
    // Split in the middle: the first part keeps it, the second is a new item.
    let mid = stateOf(s.node('doc', null, [p('FlyerDruck', 'flyerItem001')]));
    mid = run(at(mid, 6), splitBlock);
    const [a, b] = ids(mid);
    expect(a).toBe('flyerItem001');
    expect(b).not.toBe('flyerItem001');
    expect(b).toMatch(/^[0-9a-f]{32}$/);
  });

  it('a paragraph that becomes a heading or a list item keeps its id (the server sees the same item)', () => {
    let st = stateOf(s.node('doc', null, [p('Flyer', 'flyerItem001'), p('Raum', 'roomItem0001')]));
    st = run(at(st, 2), toggleHeading(2));
    expect(st.doc.firstChild!.type.name).toBe('heading');
    expect(ids(st)).toEqual(['flyerItem001', 'roomItem0001']);
    st = run(at(st, st.doc.firstChild!.nodeSize + 2), toggleList('bullet_list'));
    expect(st.doc.lastChild!.type.name).toBe('bullet_list');
    expect(serverItems(st)).toEqual([
      { id: 'flyerItem001', title: 'Flyer' },
      { id: 'roomItem0001', title: 'Raum' },
    ]);
  });

  it('a copy gets a new id; a reader never changes the document', () => {
    let st = stateOf(s.node('doc', null, [p('Flyer', 'flyerItem001')]));
    st = st.apply(st.tr.insert(st.doc.content.size, p('Flyer', 'flyerItem001')));
    const [first, copy] = ids(st);
    expect(first).toBe('flyerItem001');
    expect(copy).not.toBe('flyerItem001');
    const reader = stateOf(s.node('doc', null, [p('')]), false);
    expect(ids(type(at(reader, 1), 'Text'))).toEqual([null]);
  });
});
