import * as Y from 'yjs';
import { z } from 'zod';

/**
 * The structure of a goal's rich-text description, kept with every text
 * version so that restoring an earlier version brings back its formatting
 * (headings, lists, bold/italic, links …), not only its words.
 *
 * It is the shared document's own XML tree (what y-prosemirror writes), as
 * JSON: an element is `{type, attrs?, content?}`, a run of text is
 * `{delta: [{insert, attributes?}]}` with the marks as Yjs text attributes
 * (`{strong: {}}`, `{link: {href: '…'}}`). Converting back gives the same
 * tree, whatever node and mark names the editor uses.
 */
const NAME = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;
const ZPrimitive = z.union([z.string().max(2000), z.number().finite(), z.boolean(), z.null()]);
const ZAttrs = z.record(z.string().regex(NAME), ZPrimitive);
const ZMarks = z.record(z.string().regex(NAME), z.union([ZPrimitive, ZAttrs]));

export interface DescTextNode {
  delta: { insert: string; attributes?: Record<string, unknown> }[];
}
export interface DescElementNode {
  type: string;
  attrs?: Record<string, string | number | boolean | null>;
  content?: DescNode[];
}
export type DescNode = DescTextNode | DescElementNode;

const ZTextNode = z
  .object({
    delta: z.array(z.object({ insert: z.string().max(100_000), attributes: ZMarks.optional() }).strict()).max(2000),
  })
  .strict();
const ZNode: z.ZodType<DescNode> = z.lazy(() =>
  z.union([
    ZTextNode,
    z
      .object({
        type: z.string().regex(NAME),
        attrs: ZAttrs.optional(),
        content: z.array(ZNode).max(2000).optional(),
      })
      .strict(),
  ]),
);

export const MAX_DOC_DEPTH = 20;
export const MAX_DOC_NODES = 20_000;

/** The description's structure as sent by a browser: bounded in depth and size. */
export const ZDescriptionDoc = z
  .array(ZNode)
  .max(2000)
  .superRefine((nodes, ctx) => {
    let count = 0;
    const walk = (list: DescNode[], depth: number): boolean => {
      if (depth > MAX_DOC_DEPTH) return false;
      for (const n of list) {
        count += 1;
        if (count > MAX_DOC_NODES) return false;
        if ('content' in n && n.content && !walk(n.content, depth + 1)) return false;
      }
      return true;
    };
    if (!walk(nodes, 1)) ctx.addIssue({ code: 'custom', message: 'too deep or too large' });
  });

type XmlNode = Y.XmlElement | Y.XmlText | Y.XmlHook;

function textNode(t: Y.XmlText): DescTextNode {
  const delta = (t.toDelta() as { insert?: unknown; attributes?: Record<string, unknown> }[])
    .filter((d): d is { insert: string; attributes?: Record<string, unknown> } => typeof d.insert === 'string')
    .map((d) =>
      d.attributes && Object.keys(d.attributes).length
        ? { insert: d.insert, attributes: { ...d.attributes } }
        : { insert: d.insert },
    );
  return { delta };
}

function elementNode(e: Y.XmlElement): DescElementNode {
  const node: DescElementNode = { type: e.nodeName };
  const attrs = e.getAttributes() as Record<string, unknown>;
  const kept = Object.entries(attrs).filter(
    ([, v]) => v === null || ['string', 'number', 'boolean'].includes(typeof v),
  ) as [string, string | number | boolean | null][];
  if (kept.length) node.attrs = Object.fromEntries(kept);
  const content = (e.toArray() as XmlNode[]).flatMap(toNode);
  if (content.length) node.content = content;
  return node;
}

function toNode(n: XmlNode): DescNode[] {
  if (n instanceof Y.XmlText) return [textNode(n)];
  if (n instanceof Y.XmlElement) return [elementNode(n)];
  return [];
}

/** The structure of a description fragment (headings, lists, marks and links included). */
export function fragmentToDoc(frag: Y.XmlFragment): DescNode[] {
  return (frag.toArray() as XmlNode[]).flatMap(toNode);
}

/** New (not yet integrated) Yjs nodes for a stored structure. */
export function docToYNodes(nodes: DescNode[]): (Y.XmlElement | Y.XmlText)[] {
  return nodes.map((n) => {
    if ('delta' in n) {
      const t = new Y.XmlText();
      if (n.delta.length) t.applyDelta(n.delta.map((d) => ({ ...d })));
      return t;
    }
    const e = new Y.XmlElement(n.type);
    for (const [k, v] of Object.entries(n.attrs ?? {})) e.setAttribute(k, v as string);
    if (n.content?.length) e.insert(0, docToYNodes(n.content));
    return e;
  });
}

/** The plain text of a stored structure: one line per top-level block (as `fragmentText`). */
export function docText(nodes: DescNode[]): string {
  const textOf = (n: DescNode): string =>
    'delta' in n ? n.delta.map((d) => d.insert).join('') : (n.content ?? []).map(textOf).join('');
  return nodes.map(textOf).join('\n');
}
