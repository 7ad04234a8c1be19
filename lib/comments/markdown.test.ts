import { describe, expect, it } from 'vitest';
import { mentionedIds, parseInline, parseMarkdown, safeHref, toHtml, toPlainText } from './markdown';

const ID = '3f2b8c1e-5d4a-4b6c-9e8f-0a1b2c3d4e5f';

describe('markdown-light for comments', () => {
  it('bold, italics, links, lists and paragraphs', () => {
    expect(parseMarkdown('**fett** und *kursiv* und _auch_')).toEqual([
      {
        t: 'p',
        c: [
          { t: 'strong', c: [{ t: 'text', v: 'fett' }] },
          { t: 'text', v: ' und ' },
          { t: 'em', c: [{ t: 'text', v: 'kursiv' }] },
          { t: 'text', v: ' und ' },
          { t: 'em', c: [{ t: 'text', v: 'auch' }] },
        ],
      },
    ]);
    const blocks = parseMarkdown('Intro\n\n- eins\n- [zwei](https://example.org/a?b=1)\n1. first\n2. second');
    expect(blocks.map((b) => b.t)).toEqual(['p', 'ul', 'ol']);
    expect(toHtml('- [zwei](https://example.org/a?b=1)')).toBe(
      '<ul><li><a href="https://example.org/a?b=1" rel="nofollow noopener">zwei</a></li></ul>',
    );
    expect(toHtml('see https://example.org/x.')).toBe(
      '<p>see <a href="https://example.org/x" rel="nofollow noopener">https://example.org/x</a>.</p>',
    );
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'jav&#x61;script:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '//evil.example/x',
    '/relative',
    'file:///etc/passwd',
  ])('never links to %j', (href) => {
    expect(safeHref(href)).toBeNull();
    const html = toHtml(`[click](${href})`);
    expect(html).not.toMatch(/<a /);
    expect(html.toLowerCase()).not.toContain('href="javascript');
    for (const node of parseInline(`[x](${href}) ${href}`)) expect(node.t).not.toBe('link');
  });

  it('keeps http, https and mailto links', () => {
    expect(safeHref('https://example.org')).toBe('https://example.org/');
    expect(safeHref('mailto:a@example.org')).toBe('mailto:a@example.org');
    expect(safeHref('http://example.org/x')).toBe('http://example.org/x');
  });

  it('escapes every other markup', () => {
    const html = toHtml('<img src=x onerror=alert(1)> **<b>x</b>** "q" & \'a\'');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&quot;q&quot; &amp; &#39;a&#39;');
  });

  it('mentions: parsed, listed once, shown as @Name', () => {
    const text = `Hallo @[Berta Beispiel](${ID}) und nochmal @[Berta Beispiel](${ID})`;
    expect(mentionedIds(text)).toEqual([ID]);
    expect(toPlainText(text)).toBe('Hallo @Berta Beispiel und nochmal @Berta Beispiel');
    expect(parseInline(text)[1]).toEqual({ t: 'mention', userId: ID, name: 'Berta Beispiel' });
    expect(toHtml(`@[<script>](${ID})`)).toBe('<p><strong>@&lt;script&gt;</strong></p>');
  });
});
