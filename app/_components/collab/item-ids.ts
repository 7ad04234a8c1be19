import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey, type Transaction } from 'prosemirror-state';
import { newItemId } from '@/lib/meetings/agenda-items';

export const itemIdsKey = new PluginKey('itemIds');

/**
 * Gives every paragraph and heading with words a stable `itemId` (agenda
 * items: lib/meetings/agenda-items.ts), so comments can hang on an item while
 * its words change. Empty lines get none, so merely opening an empty agenda
 * (before or after it synced) writes nothing. Runs after every change that
 * touched the document:
 * - a block without an id whose start maps back to a block of the previous
 *   state whose id is gone (a paragraph turned into a heading, a line wrapped
 *   into a list) takes that id back; otherwise it gets a new one;
 * - when one id appears twice (Enter splits a block and ProseMirror copies its
 *   attributes; a copy pasted), the block with words keeps it (pressing Enter
 *   at the start of an item leaves the id with the item, not with the empty
 *   line above it), else the first; the others get new ids (empty ones none).
 * Only while the editor may write (`isActive`), so a reader never changes the
 * document. Two writers giving one block an id at the same moment converge
 * (Yjs keeps one attribute value).
 */
export function itemIdsPlugin(isActive: () => boolean): Plugin {
  return new Plugin({
    key: itemIdsKey,
    appendTransaction(trs: readonly Transaction[], oldState, newState) {
      if (!isActive() || !trs.some((tr) => tr.docChanged)) return null;
      const blocks: { pos: number; node: PMNode }[] = [];
      newState.doc.descendants((node, pos) => {
        if (node.type.spec.attrs && 'itemId' in node.type.spec.attrs) {
          blocks.push({ pos, node });
          return false;
        }
        return true;
      });
      const present = new Map<string, { pos: number; node: PMNode }[]>();
      for (const b of blocks) {
        const id = b.node.attrs.itemId as string | null;
        if (id) present.set(id, [...(present.get(id) ?? []), b]);
      }
      const keep = new Map<string, number>();
      for (const [id, list] of present) keep.set(id, (list.find((b) => b.node.textContent.trim()) ?? list[0]).pos);

      /** A position of the new document, mapped back through every transaction to the previous state. */
      const back = (pos: number) => {
        let p = pos;
        for (let i = trs.length - 1; i >= 0; i--) p = trs[i].mapping.invert().map(p, -1);
        return p;
      };
      const reclaimed = new Set<string>();
      const tr = newState.tr;
      for (const b of blocks) {
        const id = b.node.attrs.itemId as string | null;
        if (id && keep.get(id) === b.pos) continue;
        const hasWords = b.node.textContent.trim() !== '';
        if (!hasWords) {
          // An empty line needs no id (it is no item); a copied one is dropped.
          if (id) tr.setNodeAttribute(b.pos, 'itemId', null);
          continue;
        }
        let next: string | null = null;
        if (!id) {
          const old = back(b.pos + 1);
          if (old >= 0 && old <= oldState.doc.content.size) {
            const parent = oldState.doc.resolve(old).parent;
            const was = parent.attrs.itemId as string | null | undefined;
            if (was && !present.has(was) && !reclaimed.has(was)) next = was;
          }
        }
        next ??= newItemId();
        reclaimed.add(next);
        tr.setNodeAttribute(b.pos, 'itemId', next);
      }
      if (!tr.docChanged) return null;
      return tr.setMeta('addToHistory', false);
    },
  });
}
