import { Fragment, type ReactNode } from 'react';
import { parseMarkdown, type Inline } from '@/lib/comments/markdown';

/**
 * A comment's markdown-light as React elements (lib/comments/markdown.ts):
 * every text a text node, links only to http(s)/mailto addresses, mentions as
 * a highlighted name. No HTML of the author's is ever inserted.
 */
function inline(nodes: Inline[]): ReactNode[] {
  return nodes.map((n, i) => {
    switch (n.t) {
      case 'text':
        return <Fragment key={i}>{n.v}</Fragment>;
      case 'br':
        return <br key={i} />;
      case 'strong':
        return <strong key={i}>{inline(n.c)}</strong>;
      case 'em':
        return <em key={i}>{inline(n.c)}</em>;
      case 'link':
        return (
          <a
            key={i}
            href={n.href}
            rel="nofollow noopener noreferrer"
            target="_blank"
            className="text-brand-800 underline"
          >
            {inline(n.c)}
          </a>
        );
      case 'mention':
        return (
          <span key={i} className="rounded bg-brand-50 px-0.5 font-medium text-brand-900" data-mention={n.userId}>
            @{n.name}
          </span>
        );
    }
  });
}

export function MarkdownView({ text }: { text: string }) {
  return (
    <div className="grid gap-2 [overflow-wrap:anywhere]">
      {parseMarkdown(text).map((b, i) =>
        b.t === 'p' ? (
          <p key={i}>{inline(b.c)}</p>
        ) : b.t === 'ul' ? (
          <ul key={i} className="list-disc pl-6">
            {b.items.map((item, j) => (
              <li key={j}>{inline(item)}</li>
            ))}
          </ul>
        ) : (
          <ol key={i} className="list-decimal pl-6">
            {b.items.map((item, j) => (
              <li key={j}>{inline(item)}</li>
            ))}
          </ol>
        ),
      )}
    </div>
  );
}
