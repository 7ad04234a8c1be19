import { describe, expect, it } from 'vitest';
import type { DescNode } from '../goals/description-doc';
import { docMarkdown, mdText, safeLink } from './markdown';

const text = (insert: string, attributes?: Record<string, unknown>): DescNode => ({
  delta: [attributes ? { insert, attributes } : { insert }],
});
const p = (...content: DescNode[]): DescNode => ({ type: 'paragraph', content });

describe('shared documents as Markdown', () => {
  it('keeps the structure: headings, lists (nested, numbered), quotes, code, rules', () => {
    const md = docMarkdown([
      { type: 'heading', attrs: { level: 2 }, content: [text('Plan')] },
      p(text('Erst '), text('wichtig', { strong: {} }), text(' dann '), text('schön', { em: {} })),
      {
        type: 'bullet_list',
        content: [
          { type: 'list_item', content: [p(text('eins'))] },
          {
            type: 'list_item',
            content: [
              p(text('zwei')),
              {
                type: 'ordered_list',
                attrs: { order: 3 },
                content: [{ type: 'list_item', content: [p(text('drei'))] }],
              },
            ],
          },
        ],
      },
      { type: 'blockquote', content: [p(text('Zitat'))] },
      { type: 'code_block', content: [text('x = 1')] },
      { type: 'horizontal_rule' },
    ]);
    expect(md).toBe(
      [
        '## Plan',
        '',
        'Erst **wichtig** dann _schön_',
        '',
        '- eins\n- zwei\n  3. drei',
        '',
        '> Zitat',
        '',
        '```\nx = 1\n```',
        '',
        '---',
        '',
      ].join('\n'),
    );
  });

  it('escapes what people typed, and keeps only http(s) and mailto links', () => {
    expect(mdText('# not a heading *nor bold* [x](y)')).toBe('\\# not a heading \\*nor bold\\* \\[x\\]\\(y\\)');
    expect(mdText('1. not a list')).toBe('1\\. not a list');
    const md = docMarkdown([
      p(
        text('gut', { link: { href: 'https://example.org/a b' } }),
        text(' böse', { link: { href: 'javascript:alert(1)' } }),
      ),
    ]);
    expect(md).toBe('[gut](https://example.org/a%20b) böse\n');
    expect(safeLink('mailto:a@example.org')).toBe('mailto:a@example.org');
    expect(safeLink('data:text/html,x')).toBeNull();
  });
});
