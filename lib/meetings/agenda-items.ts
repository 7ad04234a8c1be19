import * as Y from 'yjs';

/**
 * The items of a meeting's agenda, read from its collaborative document
 * (`agenda`, a y-prosemirror fragment). Shared by the browser (the meeting
 * page) and the server (comments, facilitation), so both see the same items.
 *
 * An item is a top-level paragraph or heading, or an item of a top-level list.
 * Its identity is the `itemId` attribute the agenda editor gives every
 * paragraph and heading (app/_components/collab/item-ids.ts; the server gives
 * its own agenda lines one too): for a list item, that of its first paragraph,
 * so turning a line into a list item (or back) keeps it. The id stays when the
 * words change, when the item moves (cut and paste carry it) and when a
 * paragraph becomes a heading; a copy gets a new one. Items with no words, and
 * items without an id (written by a client that does not set them, until an
 * agenda editor opens the document), are not commentable items.
 *
 * The ids come from clients, so they are only trusted as far as checked here:
 * a well-formed random id (`ITEM_ID`), the first occurrence wins, and a comment
 * names its meeting too (`<meetingId>:<itemId>`), so the same id in another
 * meeting's agenda is another item.
 */
export interface AgendaItem {
  id: string;
  /** The item's words (at most 200 characters, whitespace collapsed). */
  title: string;
  /** The Yjs client that created the item's node (who wrote it, for facilitation). */
  client: number | null;
}

/** A client-made item id: 8–64 letters, digits, `-` or `_`. */
export const ITEM_ID = /^[A-Za-z0-9_-]{8,64}$/;

const LIST = new Set(['bullet_list', 'ordered_list']);
const TITLE_MAX = 200;

function textOf(node: Y.XmlElement | Y.XmlText): string {
  if (node instanceof Y.XmlText)
    return node
      .toDelta()
      .map((d: { insert?: unknown }) => (typeof d.insert === 'string' ? d.insert : ''))
      .join('');
  return (node.toArray() as (Y.XmlElement | Y.XmlText)[]).map(textOf).join(' ');
}

/** The first `itemId` of an element or, depth first, of its descendants (bounded: the server limits depth). */
function firstItemId(el: Y.XmlElement): string | null {
  const own = el.getAttribute('itemId');
  if (typeof own === 'string') return ITEM_ID.test(own) ? own : null;
  for (const child of el.toArray()) if (child instanceof Y.XmlElement) return firstItemId(child);
  return null;
}

function shorten(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > TITLE_MAX ? `${t.slice(0, TITLE_MAX - 1)}…` : t;
}

/** Every top-level item of the agenda in order (with or without an id), with its words. */
export function agendaBlocks(agenda: Y.XmlFragment): { id: string | null; title: string; client: number | null }[] {
  const out: { id: string | null; title: string; client: number | null }[] = [];
  const add = (el: Y.XmlElement | Y.XmlText) => {
    const title = shorten(textOf(el));
    if (!title) return;
    out.push({
      id: el instanceof Y.XmlElement ? firstItemId(el) : null,
      title,
      client: el._item ? el._item.id.client : null,
    });
  };
  for (const child of agenda.toArray() as (Y.XmlElement | Y.XmlText)[]) {
    if (child instanceof Y.XmlElement && LIST.has(child.nodeName))
      for (const li of child.toArray() as (Y.XmlElement | Y.XmlText)[]) add(li);
    else add(child);
  }
  return out;
}

/** The commentable items: those with a well-formed id, the first of each id only. */
export function agendaItems(agenda: Y.XmlFragment): AgendaItem[] {
  const seen = new Set<string>();
  const out: AgendaItem[] = [];
  for (const b of agendaBlocks(agenda)) {
    if (!b.id || seen.has(b.id)) continue;
    seen.add(b.id);
    out.push({ id: b.id, title: b.title, client: b.client });
  }
  return out;
}

/** A comment subject id for an agenda item: `<meetingId>:<itemId>`. */
export const agendaSubjectId = (meetingId: string, itemId: string) => `${meetingId}:${itemId}`;

/** A fresh item id (works where `crypto.randomUUID` is missing: pages served over plain http). */
export function newItemId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
