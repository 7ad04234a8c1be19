import { describe, expect, it } from 'vitest';
import type { Node as PMNode } from 'prosemirror-model';
import { EditorState, TextSelection, type Command } from 'prosemirror-state';
import { prosemirrorToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import * as Y from 'yjs';
import { docToYNodes, fragmentToDoc, ZDescriptionDoc } from '@/lib/goals/description-doc';
import { allowedRoots } from '@/lib/realtime/doc-schema';
import { validateUpdate } from '@/lib/realtime/validate-update';
import { GOALS_ROOT, restoreFragment } from '@/app/_components/cooperation/goal-text-doc';
import {
  linkAt,
  listKind,
  markActive,
  removeLink,
  setLink,
  sinkItem,
  toggleHeading,
  toggleList,
} from './editor-commands';
import { editorSchema as s, listNesting, MAX_LIST_NESTING, normaliseLinkInput, safeHref } from './editor-schema';

const p = (text: string) => s.node('paragraph', null, text ? [s.text(text)] : []);
const item = (...content: PMNode[]) => s.node('list_item', null, content);

/** A description with a heading, bold/italic text, a link, a bullet list with a nested numbered list. */
function richDoc(): PMNode {
  return s.node('doc', null, [
    s.node('heading', { level: 2 }, [s.text('Our plan')]),
    s.node('paragraph', null, [
      s.text('Bold', [s.marks.strong.create()]),
      s.text(' and '),
      s.text('italic', [s.marks.em.create()]),
      s.text(', see '),
      s.text('our site', [s.marks.link.create({ href: 'https://example.org/plan' })]),
    ]),
    s.node('bullet_list', null, [
      item(p('Rooms'), s.node('ordered_list', { order: 1 }, [item(p('Room A')), item(p('Room B'))])),
      item(p('People')),
    ]),
  ]);
}

/** A list nested `levels` deep, the innermost item holding `text`. */
function nestedList(levels: number, text: string): PMNode {
  let node = s.node('bullet_list', null, [item(p(text))]);
  for (let i = 1; i < levels; i++) node = s.node('bullet_list', null, [item(p(`level ${levels - i}`), node)]);
  return s.node('doc', null, [node]);
}

describe('the editor schema', () => {
  it('accepts bullet and numbered lists (nested too) next to the basic nodes and marks', () => {
    expect(Object.keys(s.nodes)).toEqual(expect.arrayContaining(['bullet_list', 'ordered_list', 'list_item']));
    expect(Object.keys(s.marks)).toEqual(['link', 'em', 'strong', 'code']);
    expect(() => richDoc().check()).not.toThrow();
    expect(() => s.nodeFromJSON(richDoc().toJSON()).check()).not.toThrow();
  });

  it('a description with lists round-trips through the Yjs document and the stored version structure', () => {
    const doc = richDoc();
    const frag = new Y.Doc().getXmlFragment('description');
    prosemirrorToYXmlFragment(doc, frag);
    // What a version keeps: the structure as JSON, validated as the API does.
    const stored = ZDescriptionDoc.parse(JSON.parse(JSON.stringify(fragmentToDoc(frag))));
    expect(JSON.stringify(stored)).toContain('"type":"bullet_list"');
    expect(JSON.stringify(stored)).toContain('"type":"ordered_list"');

    // Restoring it into a goal's text in the commons document gives the same editor document back.
    const commons = new Y.Doc();
    commons.getMap(GOALS_ROOT).set('g1', new Y.XmlFragment());
    const goal = commons.getMap<Y.XmlFragment>(GOALS_ROOT).get('g1')!;
    restoreFragment(commons, goal, { description: 'ignored', descriptionDoc: stored });
    expect(yXmlFragmentToProseMirrorRootNode(goal, s).eq(doc)).toBe(true);

    const again = new Y.Doc().getXmlFragment('x');
    again.insert(0, docToYNodes(stored));
    expect(yXmlFragmentToProseMirrorRootNode(again, s).toJSON()).toEqual(doc.toJSON());
  });

  it(`lists nested ${MAX_LIST_NESTING} levels deep stay within the version structure's and the realtime server's depth limits`, () => {
    const doc = nestedList(MAX_LIST_NESTING, 'deepest');
    expect(() => doc.check()).not.toThrow();
    const frag = new Y.Doc().getXmlFragment('x');
    prosemirrorToYXmlFragment(doc, frag);
    expect(ZDescriptionDoc.safeParse(fragmentToDoc(frag)).success).toBe(true);

    // The same text in a goal of the commons document passes the server's update check.
    const client = new Y.Doc();
    client.getMap(GOALS_ROOT).set('g1', new Y.XmlFragment());
    prosemirrorToYXmlFragment(doc, client.getMap<Y.XmlFragment>(GOALS_ROOT).get('g1')!);
    expect(validateUpdate(new Y.Doc(), Y.encodeStateAsUpdate(client), allowedRoots('commons'))).toEqual({ ok: true });
  });
});

/** An editor state with the cursor inside the first occurrence of `text`. */
function stateAt(doc: PMNode, text: string, offset = 1): EditorState {
  let pos = -1;
  doc.descendants((node, at) => {
    if (pos < 0 && node.isText && node.text!.includes(text)) pos = at + node.text!.indexOf(text) + offset;
  });
  const state = EditorState.create({ doc });
  return state.apply(state.tr.setSelection(TextSelection.create(doc, pos)));
}

function apply(state: EditorState, cmd: Command) {
  let next = state;
  const ok = cmd(state, (tr) => {
    next = state.apply(tr);
  });
  return { ok, state: next };
}

describe('the formatting commands', () => {
  it('toggles lists: wrap, switch kind, lift out', () => {
    let st = stateAt(s.node('doc', null, [p('one')]), 'one');
    st = apply(st, toggleList('bullet_list')).state;
    expect(listKind(st)).toBe('bullet_list');
    st = apply(st, toggleList('ordered_list')).state;
    expect(listKind(st)).toBe('ordered_list');
    st = apply(st, toggleList('ordered_list')).state;
    expect(listKind(st)).toBeNull();
    expect(st.doc.eq(s.node('doc', null, [p('one')]))).toBe(true);
  });

  it(`does not indent a list item beyond ${MAX_LIST_NESTING} levels`, () => {
    // The innermost item has a sibling before it, so sinking it would be possible.
    let inner = s.node('bullet_list', null, [item(p('before')), item(p('deepest'))]);
    for (let i = 1; i < MAX_LIST_NESTING; i++) inner = s.node('bullet_list', null, [item(p(`l${i}`), inner)]);
    const st = stateAt(s.node('doc', null, [inner]), 'deepest');
    expect(listNesting(st.selection.$from)).toBe(MAX_LIST_NESTING);
    expect(apply(st, sinkItem).ok).toBe(false);
    const shallow = stateAt(s.node('doc', null, [s.node('bullet_list', null, [item(p('a')), item(p('b'))])]), 'b');
    const sunk = apply(shallow, sinkItem);
    expect(sunk.ok).toBe(true);
    expect(listNesting(sunk.state.selection.$from)).toBe(2);
  });

  it('toggles a heading back to a paragraph', () => {
    let st = stateAt(s.node('doc', null, [p('title')]), 'title');
    st = apply(st, toggleHeading(2)).state;
    expect(st.doc.firstChild!.type.name).toBe('heading');
    st = apply(st, toggleHeading(2)).state;
    expect(st.doc.firstChild!.type.name).toBe('paragraph');
  });

  it('sets, changes and removes a link around the cursor', () => {
    const doc = s.node('doc', null, [
      s.node('paragraph', null, [
        s.text('see '),
        s.text('our site', [s.marks.link.create({ href: 'https://a.example' })]),
      ]),
    ]);
    let st = stateAt(doc, 'our site', 3);
    expect(linkAt(st)).toBe('https://a.example');
    st = apply(st, setLink('https://b.example/x')).state;
    expect(linkAt(st)).toBe('https://b.example/x');
    expect(st.doc.textContent).toBe('see our site');
    st = apply(st, removeLink).state;
    expect(linkAt(st)).toBeNull();
    expect(st.doc.rangeHasMark(0, st.doc.content.size, s.marks.link)).toBe(false);
    expect(markActive(st, s.marks.strong)).toBe(false);
  });

  it('accepts only http(s) link addresses, and never renders an unsafe one', () => {
    expect(normaliseLinkInput('example.org/plan')).toBe('https://example.org/plan');
    expect(normaliseLinkInput('http://example.org')).toBe('http://example.org');
    expect(normaliseLinkInput('javascript:alert(1)')).toBeNull();
    expect(normaliseLinkInput('data:text/html,hi')).toBeNull();
    expect(normaliseLinkInput('ftp://example.org')).toBeNull();
    expect(normaliseLinkInput('not a url')).toBeNull();
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref(' JAVASCRIPT:alert(1)')).toBeNull();
    expect(safeHref('https://example.org')).toBe('https://example.org');
    const spec = s.marks.link.spec.toDOM!(s.marks.link.create({ href: 'javascript:alert(1)' }), true) as [
      string,
      Record<string, string>,
    ];
    expect(spec[1].href).toBeUndefined();
  });
});
