/**
 * Markdown-light for comments: **bold**, *italics* (or _italics_), links
 * `[text](https://…)` and bare http(s) addresses, lists (`- `, `* `, `1. `),
 * paragraphs, and mentions `@[Name](<user id>)`. Parsed into a small tree that
 * is rendered by React (app/_components/comments) and as HTML for mail
 * (`toHtml`), so no markup of the author's ever reaches a page: every text is
 * a text node or escaped. A link is kept only when its address is http:,
 * https: or mailto: (parsed by the WHATWG URL parser, as a browser would:
 * `java\tscript:` is javascript: too); any other is shown as plain text.
 * Safe in the browser (no Node imports).
 */
export type Inline =
  | { t: 'text'; v: string }
  | { t: 'br' }
  | { t: 'strong'; c: Inline[] }
  | { t: 'em'; c: Inline[] }
  | { t: 'link'; href: string; c: Inline[] }
  | { t: 'mention'; userId: string; name: string };

export type Block = { t: 'p'; c: Inline[] } | { t: 'ul'; items: Inline[][] } | { t: 'ol'; items: Inline[][] };

export const MENTION = /@\[([^\]\n]{1,120})\]\(([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)/g;

/** The address if a comment may link to it (http, https, mailto), else null. */
export function safeHref(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'mailto:') return null;
  return url.href;
}

const INLINE =
  /@\[([^\]\n]{1,120})\]\(([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)|\[([^\]\n]{1,500})\]\(([^)\s]{1,2000})\)|\*\*([^*\n]{1,2000})\*\*|\*([^*\n]{1,2000})\*|\b_([^_\n]{1,2000})_\b|(https?:\/\/[^\s<>()"']{1,2000})/g;

export function parseInline(text: string, depth = 0): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  const push = (v: string) => {
    if (!v) return;
    const prev = out[out.length - 1];
    if (prev?.t === 'text') prev.v += v;
    else out.push({ t: 'text', v });
  };
  for (const m of text.matchAll(INLINE)) {
    push(text.slice(last, m.index));
    last = (m.index ?? 0) + m[0].length;
    if (m[2]) out.push({ t: 'mention', name: m[1], userId: m[2] });
    else if (m[4] !== undefined) {
      const href = safeHref(m[4]);
      const label = depth < 2 ? parseInline(m[3], depth + 1) : [{ t: 'text' as const, v: m[3] }];
      if (href) out.push({ t: 'link', href, c: label.filter((x) => x.t !== 'link') });
      else push(m[0]);
    } else if (m[5] !== undefined)
      out.push({ t: 'strong', c: depth < 2 ? parseInline(m[5], depth + 1) : [{ t: 'text', v: m[5] }] });
    else if (m[6] !== undefined)
      out.push({ t: 'em', c: depth < 2 ? parseInline(m[6], depth + 1) : [{ t: 'text', v: m[6] }] });
    else if (m[7] !== undefined)
      out.push({ t: 'em', c: depth < 2 ? parseInline(m[7], depth + 1) : [{ t: 'text', v: m[7] }] });
    else if (m[8] !== undefined) {
      const raw = m[8].replace(/[.,;:!?]+$/, '');
      last -= m[8].length - raw.length;
      const href = safeHref(raw);
      if (href) out.push({ t: 'link', href, c: [{ t: 'text', v: raw }] });
      else push(raw);
    }
  }
  push(text.slice(last));
  return out;
}

const UL = /^\s*[-*]\s+(.*)$/;
const OL = /^\s*\d{1,3}[.)]\s+(.*)$/;

/** The comment's text as blocks. */
export function parseMarkdown(text: string): Block[] {
  const blocks: Block[] = [];
  let para: string[] = [];
  let list: { t: 'ul' | 'ol'; items: Inline[][] } | null = null;
  const flushPara = () => {
    if (!para.length) return;
    const c: Inline[] = [];
    para.forEach((line, i) => {
      if (i > 0) c.push({ t: 'br' });
      c.push(...parseInline(line));
    });
    blocks.push({ t: 'p', c });
    para = [];
  };
  const flushList = () => {
    if (list) blocks.push(list);
    list = null;
  };
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const ul = UL.exec(line);
    const ol = ul ? null : OL.exec(line);
    if (ul || ol) {
      flushPara();
      const t = ul ? 'ul' : 'ol';
      if (list && list.t !== t) flushList();
      list ??= { t, items: [] };
      list.items.push(parseInline((ul ?? ol)![1]));
    } else if (line.trim() === '') {
      flushPara();
      flushList();
    } else {
      flushList();
      para.push(line);
    }
  }
  flushPara();
  flushList();
  return blocks;
}

/** The user ids a text mentions, once each. */
export function mentionedIds(text: string): string[] {
  return [...new Set([...text.matchAll(MENTION)].map((m) => m[2]))];
}

const esc = (v: string) =>
  v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function inlineHtml(c: Inline[]): string {
  return c
    .map((n) => {
      switch (n.t) {
        case 'text':
          return esc(n.v);
        case 'br':
          return '<br>';
        case 'strong':
          return `<strong>${inlineHtml(n.c)}</strong>`;
        case 'em':
          return `<em>${inlineHtml(n.c)}</em>`;
        case 'link':
          return `<a href="${esc(n.href)}" rel="nofollow noopener">${inlineHtml(n.c)}</a>`;
        case 'mention':
          return `<strong>@${esc(n.name)}</strong>`;
      }
    })
    .join('');
}

/** Safe HTML for a comment (mails): everything escaped, links only when safe. */
export function toHtml(text: string): string {
  return parseMarkdown(text)
    .map((b) =>
      b.t === 'p'
        ? `<p>${inlineHtml(b.c)}</p>`
        : `<${b.t}>${b.items.map((i) => `<li>${inlineHtml(i)}</li>`).join('')}</${b.t}>`,
    )
    .join('\n');
}

/** Plain text for a comment (mails, CSV, excerpts): mentions as @Name, no markup. */
export function toPlainText(text: string): string {
  return text.replace(MENTION, (_m, name: string) => `@${name}`);
}
