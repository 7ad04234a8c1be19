import { Schema, type MarkSpec, type ResolvedPos } from 'prosemirror-model';
import { schema as basicSchema } from 'prosemirror-schema-basic';
import { addListNodes } from 'prosemirror-schema-list';

/**
 * The one schema of every shared rich-text document (goal descriptions,
 * shared notes, home notes): prosemirror-schema-basic (paragraph, heading
 * 1–6, blockquote, code, rule, image, hard break; strong, em, code, link)
 * plus `bullet_list`, `ordered_list` and `list_item` (prosemirror-schema-list).
 * Additive: every document written with the basic schema still opens.
 *
 * The node and mark names are what y-prosemirror writes into the Yjs tree and
 * what a goal version's stored structure keeps (lib/goals/description-doc.ts
 * converts any names, so lists round-trip without an allow-list).
 */

/** Only these addresses become clickable links; anything else (javascript:, data:) is dropped. */
export function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  const trimmed = href.trim();
  if (!/^(https?:\/\/|mailto:)/i.test(trimmed)) return null;
  try {
    const url = new URL(trimmed);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? trimmed : null;
  } catch {
    return null;
  }
}

/** An address a person typed into the link form: http(s) only, a scheme added when missing. */
export function normaliseLinkInput(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed || /\s/.test(trimmed)) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (!url.hostname.includes('.') && url.hostname !== 'localhost') return null;
    return withScheme;
  } catch {
    return null;
  }
}

/** Links render only with a safe address (another peer could write any href into the shared document). */
const link: MarkSpec = {
  attrs: { href: { default: '' }, title: { default: null } },
  inclusive: false,
  parseDOM: [
    {
      tag: 'a[href]',
      getAttrs: (dom: HTMLElement) => {
        const href = safeHref(dom.getAttribute('href'));
        return href ? { href, title: dom.getAttribute('title') } : false;
      },
    },
  ],
  toDOM: (mark) => {
    const href = safeHref(mark.attrs.href);
    return [
      'a',
      {
        ...(href ? { href } : {}),
        ...(mark.attrs.title ? { title: String(mark.attrs.title) } : {}),
        rel: 'noopener noreferrer nofollow',
        target: '_blank',
      },
      0,
    ];
  },
};

/**
 * `itemId` on paragraphs and headings: the identity of an agenda item
 * (lib/meetings/agenda-items.ts), set only by the agenda editor
 * (item-ids.ts); null everywhere else, and y-prosemirror writes no null
 * attribute, so other documents are unchanged. It is kept in the copied HTML
 * (`data-item-id`), so cutting and pasting an item keeps its comments.
 */
const itemIdAttr = { itemId: { default: null as string | null } };
const itemIdOf = (dom: HTMLElement) => {
  const v = dom.getAttribute('data-item-id');
  return v && /^[A-Za-z0-9_-]{8,64}$/.test(v) ? v : null;
};
const withItemId = (attrs: Record<string, unknown>) =>
  typeof attrs.itemId === 'string' ? { 'data-item-id': attrs.itemId } : {};

const nodes = basicSchema.spec.nodes
  .update('paragraph', {
    ...basicSchema.spec.nodes.get('paragraph'),
    attrs: itemIdAttr,
    parseDOM: [{ tag: 'p', getAttrs: (dom: HTMLElement) => ({ itemId: itemIdOf(dom) }) }],
    toDOM: (node) => ['p', withItemId(node.attrs), 0],
  })
  .update('heading', {
    ...basicSchema.spec.nodes.get('heading'),
    attrs: { level: { default: 1 }, ...itemIdAttr },
    parseDOM: [1, 2, 3, 4, 5, 6].map((level) => ({
      tag: `h${level}`,
      getAttrs: (dom: HTMLElement) => ({ level, itemId: itemIdOf(dom) }),
    })),
    toDOM: (node) => [`h${node.attrs.level}`, withItemId(node.attrs), 0],
  });

export const editorSchema = new Schema({
  nodes: addListNodes(nodes, 'paragraph block*', 'block'),
  marks: basicSchema.spec.marks.update('link', link),
});

/**
 * How deep lists may nest (a list inside a list item counts one level). The
 * limits this keeps us within: a goal version's stored structure may be at
 * most MAX_DOC_DEPTH = 20 deep (lib/goals/description-doc.ts; a list
 * level costs 2 – list and item – and the innermost paragraph and its text 2
 * more, so at most 9 levels fit), and the realtime server refuses shared
 * types nested deeper than SHAPE_LIMITS.maxDepth = 32 (lib/realtime/doc-schema.ts;
 * in the commons document a goal text starts at depth 2, so 14 levels fit).
 * Eight levels stay within both, with room to spare.
 */
export const MAX_LIST_NESTING = 8;

/** How many lists enclose a position (0 outside any list). */
export function listNesting($pos: ResolvedPos): number {
  let n = 0;
  for (let d = $pos.depth; d > 0; d--) {
    const name = $pos.node(d).type.name;
    if (name === 'bullet_list' || name === 'ordered_list') n += 1;
  }
  return n;
}
