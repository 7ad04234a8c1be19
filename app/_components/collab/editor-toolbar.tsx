'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Command } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { useI18n } from '@/app/_components/providers';
import type { MessageKey } from '@/lib/i18n';
import {
  headingLevel,
  linkAt,
  listKind,
  markActive,
  removeLink,
  setLink,
  toggleBold,
  toggleHeading,
  toggleItalic,
  toggleList,
} from './editor-commands';
import { editorSchema as s, normaliseLinkInput } from './editor-schema';

interface Item {
  id: string;
  label: MessageKey;
  /** What the button shows (a glyph); the accessible name is the label. */
  glyph: ReactNode;
  glyphClass?: string;
  /** Key combination without the Ctrl/Cmd key, e.g. "B" → "Ctrl+B". */
  keys?: string;
  /** ARIA key names for aria-keyshortcuts. */
  aria?: string;
  pressed?: boolean;
  disabled?: boolean;
  run: () => void;
  controls?: string;
  expanded?: boolean;
}

/**
 * The formatting toolbar of the shared editor (WAI-ARIA toolbar pattern):
 * one tab stop, arrow keys / Home / End move between buttons, each toggle
 * shows with aria-pressed what is set at the selection. The link form and
 * the shortcut list open below it. `tick` changes with every editor state.
 */
export function EditorToolbar({
  view,
  tick,
  linkOpen,
  setLinkOpen,
}: {
  view: EditorView;
  tick: number;
  linkOpen: boolean;
  setLinkOpen: (open: boolean) => void;
}) {
  const { t } = useI18n();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const [current, setCurrent] = useState(0);
  const [helpOpen, setHelpOpen] = useState(false);
  const linkFormId = useId();
  const helpId = useId();
  void tick; // re-rendered on every editor change so aria-pressed follows the selection
  const state = view.state;
  const mod = t('collab.toolbar.mod');

  const run = (cmd: Command) => {
    cmd(view.state, view.dispatch, view);
    view.focus();
  };
  const level = headingLevel(state);
  const list = listKind(state);
  const href = linkAt(state);

  const items: Item[] = [
    {
      id: 'bold',
      label: 'collab.toolbar.bold',
      glyph: 'B',
      glyphClass: 'font-bold',
      keys: 'B',
      aria: 'Control+B Meta+B',
      pressed: markActive(state, s.marks.strong),
      run: () => run(toggleBold),
    },
    {
      id: 'italic',
      label: 'collab.toolbar.italic',
      glyph: 'I',
      glyphClass: 'italic font-serif',
      keys: 'I',
      aria: 'Control+I Meta+I',
      pressed: markActive(state, s.marks.em),
      run: () => run(toggleItalic),
    },
    {
      id: 'heading2',
      label: 'collab.toolbar.heading2',
      glyph: 'H2',
      keys: 'Alt+2',
      aria: 'Control+Alt+2 Meta+Alt+2',
      pressed: level === 2,
      run: () => run(toggleHeading(2)),
    },
    {
      id: 'heading3',
      label: 'collab.toolbar.heading3',
      glyph: 'H3',
      keys: 'Alt+3',
      aria: 'Control+Alt+3 Meta+Alt+3',
      pressed: level === 3,
      run: () => run(toggleHeading(3)),
    },
    {
      id: 'bullet',
      label: 'collab.toolbar.bulletList',
      glyph: '•≡',
      keys: 'Shift+8',
      aria: 'Control+Shift+8 Meta+Shift+8',
      pressed: list === 'bullet_list',
      run: () => run(toggleList('bullet_list')),
    },
    {
      id: 'ordered',
      label: 'collab.toolbar.orderedList',
      glyph: '1≡',
      keys: 'Shift+7',
      aria: 'Control+Shift+7 Meta+Shift+7',
      pressed: list === 'ordered_list',
      run: () => run(toggleList('ordered_list')),
    },
    {
      id: 'link',
      label: 'collab.toolbar.link',
      glyph: <LinkIcon />,
      keys: 'K',
      aria: 'Control+K Meta+K',
      pressed: href !== null,
      controls: linkFormId,
      run: () => setLinkOpen(!linkOpen),
    },
    {
      id: 'unlink',
      label: 'collab.toolbar.unlink',
      glyph: <LinkIcon crossed />,
      disabled: href === null,
      run: () => {
        if (href !== null) run(removeLink);
      },
    },
    {
      id: 'shortcuts',
      label: 'collab.toolbar.shortcuts',
      glyph: '⌨',
      controls: helpId,
      expanded: helpOpen,
      run: () => setHelpOpen((o) => !o),
    },
  ];

  const move = (e: KeyboardEvent<HTMLDivElement>) => {
    const last = items.length - 1;
    const next =
      e.key === 'ArrowRight'
        ? current === last
          ? 0
          : current + 1
        : e.key === 'ArrowLeft'
          ? current === 0
            ? last
            : current - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? last
              : null;
    if (next === null) return;
    e.preventDefault();
    setCurrent(next);
    buttons.current[next]?.focus();
  };

  return (
    <div className="nwr-toolbar-wrap border-b border-stone-300 bg-stone-50">
      <div
        role="toolbar"
        aria-label={t('collab.toolbar.label')}
        aria-orientation="horizontal"
        className="nwr-toolbar flex flex-wrap items-center gap-1 px-1.5 py-1.5"
        onKeyDown={move}
      >
        {items.map((item, i) => {
          const label = t(item.label);
          const tip = item.keys ? `${label} (${mod}+${item.keys})` : label;
          return (
            <button
              key={item.id}
              ref={(el) => {
                buttons.current[i] = el;
              }}
              type="button"
              data-action={item.id}
              data-tip={tip}
              aria-label={label}
              aria-keyshortcuts={item.aria}
              aria-pressed={item.pressed === undefined ? undefined : item.pressed}
              aria-disabled={item.disabled ? 'true' : undefined}
              aria-controls={item.controls && (item.expanded ?? linkOpen) ? item.controls : undefined}
              aria-expanded={item.expanded}
              tabIndex={i === current ? 0 : -1}
              onFocus={() => setCurrent(i)}
              // Keep the editor's selection when clicking (the button would otherwise take the focus first).
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                if (!item.disabled) item.run();
              }}
              className={`nwr-tool inline-flex min-h-11 min-w-11 items-center justify-center rounded border px-2 text-base ${
                item.pressed
                  ? 'border-teal-800 bg-teal-800 text-white'
                  : 'border-transparent text-stone-900 hover:border-stone-400 hover:bg-white'
              } ${item.disabled ? 'cursor-not-allowed opacity-60' : ''}`}
            >
              <span aria-hidden="true" className={item.glyphClass}>
                {item.glyph}
              </span>
            </button>
          );
        })}
      </div>
      {linkOpen ? (
        <LinkForm
          id={linkFormId}
          initial={href ?? ''}
          onDone={(address) => {
            setLinkOpen(false);
            if (address) run(setLink(address));
            else view.focus();
          }}
        />
      ) : null}
      {helpOpen ? <ShortcutHelp id={helpId} mod={mod} /> : null}
    </div>
  );
}

/** The small form that asks for a link's address (http/https only); Escape cancels. */
function LinkForm({ id, initial, onDone }: { id: string; initial: string; onDone: (href: string | null) => void }) {
  const { t } = useI18n();
  const [value, setValue] = useState(initial);
  const [invalid, setInvalid] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const errorId = useId();
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  return (
    <form
      id={id}
      role="group"
      aria-label={t('collab.link.formLabel')}
      className="flex flex-wrap items-end gap-2 border-t border-stone-300 px-2 py-2"
      onSubmit={(e) => {
        e.preventDefault();
        const href = normaliseLinkInput(value);
        if (!href) {
          setInvalid(true);
          input.current?.focus();
          return;
        }
        onDone(href);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onDone(null);
        }
      }}
    >
      <div className="flex min-w-0 flex-1 basis-56 flex-col gap-1">
        <label htmlFor={inputId} className="text-sm font-medium text-stone-800">
          {t('collab.link.address')}
        </label>
        <input
          ref={input}
          id={inputId}
          type="text"
          inputMode="url"
          autoComplete="url"
          spellCheck={false}
          value={value}
          aria-invalid={invalid ? 'true' : undefined}
          aria-describedby={invalid ? errorId : undefined}
          onChange={(e) => {
            setValue(e.target.value);
            setInvalid(false);
          }}
          className="min-h-11 rounded border border-stone-500 bg-white px-2 text-base text-stone-900 focus-visible:outline-3 focus-visible:outline-offset-1 focus-visible:outline-teal-800"
        />
        {invalid ? (
          <p id={errorId} role="alert" className="text-sm text-red-800">
            {t('collab.link.invalid')}
          </p>
        ) : null}
      </div>
      <div className="flex gap-2">
        <button
          type="submit"
          className="min-h-11 rounded bg-teal-800 px-3 text-sm font-semibold text-white focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-teal-800"
        >
          {t('collab.link.apply')}
        </button>
        <button
          type="button"
          onClick={() => onDone(null)}
          className="min-h-11 rounded border border-stone-500 bg-white px-3 text-sm text-stone-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-teal-800"
        >
          {t('collab.link.cancel')}
        </button>
      </div>
    </form>
  );
}

function ShortcutHelp({ id, mod }: { id: string; mod: string }) {
  const { t } = useI18n();
  const rows: [string, string][] = [
    [`${mod}+B`, t('collab.toolbar.bold')],
    [`${mod}+I`, t('collab.toolbar.italic')],
    [`${mod}+Alt+1 / 2 / 3`, t('collab.shortcuts.headings')],
    [`${mod}+Alt+0`, t('collab.shortcuts.paragraph')],
    [`${mod}+Shift+8`, t('collab.toolbar.bulletList')],
    [`${mod}+Shift+7`, t('collab.toolbar.orderedList')],
    [`${mod}+K`, t('collab.toolbar.link')],
    ['Tab / Shift+Tab', t('collab.shortcuts.indent')],
  ];
  return (
    <section id={id} aria-label={t('collab.shortcuts.title')} className="border-t border-stone-300 px-3 py-2 text-sm">
      <p className="mb-1 font-semibold text-stone-900">{t('collab.shortcuts.title')}</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-0.5 text-stone-800">
        {rows.map(([keys, what]) => (
          <div key={keys} className="contents">
            <dt>
              <kbd className="font-mono">{keys}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-1 text-stone-700">{t('collab.shortcuts.typing')}</p>
      <p className="text-stone-700">{t('collab.shortcuts.toolbar')}</p>
      <p className="text-stone-700">{t('collab.shortcuts.mac')}</p>
    </section>
  );
}

function LinkIcon({ crossed }: { crossed?: boolean }) {
  return (
    <svg
      viewBox="0 0 24 24"
      width="20"
      height="20"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
    >
      <path d="M10 13a5 5 0 0 0 7.54.54l3-3a5 5 0 0 0-7.07-7.07l-1.72 1.71" />
      <path d="M14 11a5 5 0 0 0-7.54-.54l-3 3a5 5 0 0 0 7.07 7.07l1.71-1.71" />
      {crossed ? <path d="M3 3l18 18" /> : null}
    </svg>
  );
}
