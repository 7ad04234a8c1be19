import * as Y from 'yjs';
import { docToYNodes, type DescNode } from './description-doc';

/**
 * Goal descriptions live in the network's commons document, root map `goals`
 * (lib/realtime/doc-schema.ts), one nested XmlFragment per goal id, edited
 * with the shared rich-text editor (live text, carets, presence).
 */
export const GOALS_ROOT = 'goals';

type XmlNode = Y.XmlElement | Y.XmlText | Y.XmlHook;

/** The plain text of a description: one line per block. */
export function fragmentText(frag: Y.XmlFragment): string {
  const textOf = (n: XmlNode): string =>
    n instanceof Y.XmlText
      ? (n.toDelta() as { insert?: unknown }[]).map((d) => (typeof d.insert === 'string' ? d.insert : '')).join('')
      : n instanceof Y.XmlElement
        ? (n.toArray() as XmlNode[]).map(textOf).join('')
        : '';
  return (frag.toArray() as XmlNode[]).map(textOf).join('\n');
}

/** Replaces the description with plain text, one paragraph per line (one transaction: every browser sees it at once). */
export function setFragmentText(doc: Y.Doc, frag: Y.XmlFragment, text: string) {
  doc.transact(() => {
    frag.delete(0, frag.length);
    frag.insert(
      0,
      text.split('\n').map((line) => {
        const p = new Y.XmlElement('paragraph');
        if (line) p.insert(0, [new Y.XmlText(line)]);
        return p;
      }),
    );
  });
}

/**
 * Replaces the description with a stored structure (headings, lists, marks,
 * links as they were), in one transaction: every browser sees it at once.
 */
export function setFragmentDoc(doc: Y.Doc, frag: Y.XmlFragment, nodes: DescNode[]) {
  doc.transact(() => {
    frag.delete(0, frag.length);
    frag.insert(0, docToYNodes(nodes));
  });
}

/** Restores an earlier version: its structure when it was kept, else its plain text (versions saved before 005). */
export function restoreFragment(
  doc: Y.Doc,
  frag: Y.XmlFragment,
  version: { description: string; descriptionDoc?: DescNode[] | null },
) {
  if (version.descriptionDoc && version.descriptionDoc.length) setFragmentDoc(doc, frag, version.descriptionDoc);
  else setFragmentText(doc, frag, version.description);
}

/**
 * Writes a stored version's text as a goal's description into the commons
 * document (the server's restore, lib/goals/restore-goal-version.ts): into
 * the goal's fragment, created when the goal has none yet.
 */
export function writeGoalText(
  doc: Y.Doc,
  goalId: string,
  version: { description: string; descriptionDoc?: DescNode[] | null },
) {
  const goals = doc.getMap<Y.XmlFragment>(GOALS_ROOT);
  let frag = goals.get(goalId);
  if (!(frag instanceof Y.XmlFragment)) {
    goals.set(goalId, new Y.XmlFragment());
    frag = goals.get(goalId)!;
  }
  restoreFragment(doc, frag, version);
}
