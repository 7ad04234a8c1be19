import { setBlockType, toggleMark, chainCommands, exitCode } from 'prosemirror-commands';
import {
  InputRule,
  inputRules,
  textblockTypeInputRule,
  undoInputRule,
  wrappingInputRule,
} from 'prosemirror-inputrules';
import { keymap } from 'prosemirror-keymap';
import type { MarkType, Node as PMNode, NodeType } from 'prosemirror-model';
import { liftListItem, sinkListItem, splitListItem, wrapInList } from 'prosemirror-schema-list';
import type { Command, EditorState, Plugin } from 'prosemirror-state';
import { editorSchema as s, listNesting, MAX_LIST_NESTING } from './editor-schema';

/**
 * The editor's formatting commands, what is active at the selection (for the
 * toolbar's aria-pressed), its shortcuts and its input rules. Pure
 * ProseMirror: the same functions serve the toolbar and the keyboard.
 */

export type ListKind = 'bullet_list' | 'ordered_list';

export function markActive(state: EditorState, type: MarkType): boolean {
  const { from, $from, to, empty } = state.selection;
  if (empty) return !!type.isInSet(state.storedMarks || $from.marks());
  return state.doc.rangeHasMark(from, to, type);
}

export function headingLevel(state: EditorState): number | null {
  const { $from, $to } = state.selection;
  const node = $from.parent;
  if (node.type !== s.nodes.heading || !$from.sameParent($to)) return null;
  return node.attrs.level as number;
}

/** The nearest list around the selection, if any. */
function nearestList(state: EditorState): { node: PMNode; pos: number } | null {
  const { $from } = state.selection;
  for (let d = $from.depth; d > 0; d--) {
    const node = $from.node(d);
    if (node.type === s.nodes.bullet_list || node.type === s.nodes.ordered_list) return { node, pos: $from.before(d) };
  }
  return null;
}

export function listKind(state: EditorState): ListKind | null {
  const list = nearestList(state);
  return list ? (list.node.type.name as ListKind) : null;
}

/** Heading of this level, or back to a paragraph when the block already is one. */
export function toggleHeading(level: number): Command {
  return (state, dispatch) =>
    headingLevel(state) === level
      ? setBlockType(s.nodes.paragraph)(state, dispatch)
      : setBlockType(s.nodes.heading, { level })(state, dispatch);
}

/** Wraps the selection in a list of this kind; in such a list, lifts it out; in the other kind, switches kind. */
export function toggleList(kind: ListKind): Command {
  const type: NodeType = s.nodes[kind];
  return (state, dispatch) => {
    const list = nearestList(state);
    if (!list) return wrapInList(type)(state, dispatch);
    if (list.node.type === type) return liftListItem(s.nodes.list_item)(state, dispatch);
    if (dispatch) dispatch(state.tr.setNodeMarkup(list.pos, type, kind === 'ordered_list' ? { order: 1 } : {}));
    return true;
  };
}

/** One level deeper, but never beyond MAX_LIST_NESTING. */
export const sinkItem: Command = (state, dispatch) => {
  if (listNesting(state.selection.$from) >= MAX_LIST_NESTING) return false;
  return sinkListItem(s.nodes.list_item)(state, dispatch);
};

/** Tab / Shift-Tab act in lists only; elsewhere the keyboard focus moves on as usual (no trap). */
const inList =
  (cmd: Command): Command =>
  (state, dispatch) => {
    if (listNesting(state.selection.$from) === 0) return false;
    cmd(state, dispatch);
    return true;
  };

/** Where the link mark around the cursor starts and ends (or the selection, when it is not empty). */
function linkRange(state: EditorState): { from: number; to: number } | null {
  const { $from, from, to, empty } = state.selection;
  if (!empty) return { from, to };
  const parent = $from.parent;
  let pos = $from.start();
  let runStart = -1;
  let runMark: ReturnType<MarkType['isInSet']> = undefined;
  let found: { from: number; to: number } | null = null;
  parent.forEach((child) => {
    const childEnd = pos + child.nodeSize;
    const mark = s.marks.link.isInSet(child.marks);
    if (mark && runMark && mark.eq(runMark)) {
      // continues the run
    } else {
      runStart = mark ? pos : -1;
      runMark = mark;
    }
    if (runMark && runStart <= from && from <= childEnd) found = { from: runStart, to: childEnd };
    pos = childEnd;
  });
  return found;
}

export function linkAt(state: EditorState): string | null {
  const { $from, from, to, empty } = state.selection;
  if (empty) {
    const mark = s.marks.link.isInSet($from.marks()) ?? s.marks.link.isInSet($from.nodeBefore?.marks ?? []);
    return mark ? String(mark.attrs.href) : null;
  }
  let href: string | null = null;
  state.doc.nodesBetween(from, to, (node) => {
    const mark = s.marks.link.isInSet(node.marks);
    if (mark && href === null) href = String(mark.attrs.href);
  });
  return href;
}

/** Links the selection to `href` (already checked); with nothing selected, inserts the address as linked text. */
export function setLink(href: string): Command {
  return (state, dispatch) => {
    const mark = s.marks.link.create({ href });
    const { from, to, empty } = state.selection;
    if (dispatch) {
      if (empty) {
        const range = linkAt(state) ? linkRange(state) : null;
        if (range)
          dispatch(state.tr.removeMark(range.from, range.to, s.marks.link).addMark(range.from, range.to, mark));
        else dispatch(state.tr.insert(from, s.text(href, [mark])).scrollIntoView());
      } else dispatch(state.tr.removeMark(from, to, s.marks.link).addMark(from, to, mark).scrollIntoView());
    }
    return true;
  };
}

export const removeLink: Command = (state, dispatch) => {
  if (!linkAt(state)) return false;
  const range = linkRange(state);
  if (!range) return false;
  if (dispatch) dispatch(state.tr.removeMark(range.from, range.to, s.marks.link));
  return true;
};

export const toggleBold = toggleMark(s.marks.strong);
export const toggleItalic = toggleMark(s.marks.em);

/** Shortcuts (Mod = Ctrl, or Cmd on a Mac); `openLink` shows the toolbar's link form. */
export function formattingKeymap(openLink: () => boolean): Plugin {
  const br = s.nodes.hard_break;
  return keymap({
    'Mod-b': toggleBold,
    'Mod-i': toggleItalic,
    'Mod-k': () => openLink(),
    'Mod-Alt-0': setBlockType(s.nodes.paragraph),
    'Mod-Alt-1': toggleHeading(1),
    'Mod-Alt-2': toggleHeading(2),
    'Mod-Alt-3': toggleHeading(3),
    'Mod-Shift-7': toggleList('ordered_list'),
    'Mod-Shift-8': toggleList('bullet_list'),
    Enter: splitListItem(s.nodes.list_item),
    Tab: inList(sinkItem),
    'Shift-Tab': inList(liftListItem(s.nodes.list_item)),
    'Shift-Enter': chainCommands(exitCode, (state, dispatch) => {
      if (dispatch) dispatch(state.tr.replaceSelectionWith(br.create()).scrollIntoView());
      return true;
    }),
    Backspace: undoInputRule,
  });
}

/** Markdown-like typing: "- " or "* " starts a bullet list, "1. " a numbered list, "## " a heading. */
export function formattingInputRules(): Plugin {
  const rules: InputRule[] = [
    wrappingInputRule(/^\s*([-*])\s$/, s.nodes.bullet_list),
    wrappingInputRule(
      /^(\d+)\.\s$/,
      s.nodes.ordered_list,
      (match) => ({ order: Number(match[1]) }),
      (match, node) => node.childCount + (node.attrs.order as number) === Number(match[1]),
    ),
    textblockTypeInputRule(/^(#{1,3})\s$/, s.nodes.heading, (match) => ({ level: match[1].length })),
  ];
  return inputRules({ rules });
}
