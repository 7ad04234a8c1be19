import type { DescNode } from '../goals/description-doc';

/**
 * Rich text as Markdown: the structure of a shared document (what
 * y-prosemirror writes with the one editor schema, app/_components/collab/
 * editor-schema.ts — paragraphs, headings, lists, quotes, code, rules,
 * images; bold, italic, code and links) in the JSON form of
 * lib/goals/description-doc.ts. Text is escaped so that what a person typed
 * never becomes Markdown of its own; a link keeps its address only when it is
 * http(s) or mailto (another peer could have written `javascript:` into it).
 */

/** Escapes text so it reads as itself in Markdown. */
export function mdText(s: string): string {
  return s
    .replace(/([\\`*_{}[\]()<>#+!|~])/g, '\\$1')
    .replace(/^(\s*)([-=])(?=\s|$)/gm, '$1\\$2')
    .replace(/^(\s*\d+)\.(?=\s|$)/gm, '$1\\.');
}

/** One line of text for a heading or table cell: no line breaks, escaped. */
export function mdLine(s: string): string {
  return mdText(s.replace(/\s*[\r\n]+\s*/g, ' ').trim());
}

export function safeLink(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  const h = href.trim();
  if (!/^(https?:\/\/|mailto:)/i.test(h)) return null;
  try {
    const u = new URL(h);
    return ['http:', 'https:', 'mailto:'].includes(u.protocol) ? h.replace(/[()\s]/g, encodeURIComponent) : null;
  } catch {
    return null;
  }
}

type Marks = Record<string, unknown> | undefined;

function inline(delta: { insert: string; attributes?: Marks }[]): string {
  return delta
    .map(({ insert, attributes: a }) => {
      if (!insert) return '';
      if (a?.code) return '`' + insert.replace(/`/g, 'ˋ') + '`';
      // Markdown emphasis must not start or end with a space: keep the spaces outside.
      const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(insert) ?? ['', '', insert, ''];
      if (!core) return insert;
      let s = mdText(core).replace(/\n/g, '  \n');
      if (a?.em) s = `_${s}_`;
      if (a?.strong) s = `**${s}**`;
      const link = a?.link && typeof a.link === 'object' ? safeLink((a.link as { href?: unknown }).href) : null;
      if (link) s = `[${s}](${link})`;
      return lead + s + trail;
    })
    .join('');
}

function inlineOf(nodes: DescNode[] | undefined): string {
  return (nodes ?? [])
    .map((n) => {
      if ('delta' in n) return inline(n.delta);
      if (n.type === 'hard_break') return '  \n';
      if (n.type === 'image') {
        const src = safeLink(n.attrs?.src);
        const alt = mdLine(String(n.attrs?.alt ?? ''));
        return src ? `![${alt}](${src})` : alt;
      }
      return inlineOf(n.content);
    })
    .join('');
}

const indent = (text: string, pad: string) =>
  text
    .split('\n')
    .map((l, i) => (i === 0 || !l ? l : pad + l))
    .join('\n');

function block(n: DescNode): string {
  if ('delta' in n) return inline(n.delta);
  switch (n.type) {
    case 'heading': {
      const level = Math.min(6, Math.max(1, Number(n.attrs?.level) || 1));
      return `${'#'.repeat(level)} ${inlineOf(n.content).replace(/\s*\n\s*/g, ' ')}`;
    }
    case 'blockquote':
      return blocks(n.content)
        .split('\n')
        .map((l) => (l ? `> ${l}` : '>'))
        .join('\n');
    case 'code_block': {
      const text = (n.content ?? []).map((c) => ('delta' in c ? c.delta.map((d) => d.insert).join('') : '')).join('');
      const fence = text.includes('```') ? '~~~~' : '```';
      return `${fence}\n${text}\n${fence}`;
    }
    case 'horizontal_rule':
      return '---';
    case 'bullet_list':
    case 'ordered_list': {
      const start = n.type === 'ordered_list' ? Number(n.attrs?.order) || 1 : 0;
      return (n.content ?? [])
        .map((item, i) => {
          const marker = n.type === 'ordered_list' ? `${start + i}. ` : '- ';
          const body = 'delta' in item ? inline(item.delta) : blocks(item.content, '\n');
          return marker + indent(body, ' '.repeat(marker.length));
        })
        .join('\n');
    }
    case 'paragraph':
      return inlineOf(n.content);
    default:
      // An element the schema may grow later: its content, as blocks when it has any.
      return (n.content ?? []).some((c) => !('delta' in c)) ? blocks(n.content) : inlineOf(n.content);
  }
}

/** A list of blocks as Markdown, separated by blank lines. */
export function blocks(nodes: DescNode[] | undefined, sep = '\n\n'): string {
  return (nodes ?? [])
    .map(block)
    .filter((s) => s.trim() !== '')
    .join(sep);
}

/** A whole document (or a goal's description) as Markdown. */
export function docMarkdown(nodes: DescNode[]): string {
  const md = blocks(nodes);
  return md ? `${md}\n` : '';
}
