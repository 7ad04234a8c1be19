'use client';

import { useEffect, useRef, useState } from 'react';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap } from 'prosemirror-commands';
import { redo, undo, yCursorPlugin, ySyncPlugin, yUndoPlugin } from 'y-prosemirror';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { formattingInputRules, formattingKeymap } from './editor-commands';
import { editorSchema } from './editor-schema';
import { EditorToolbar } from './editor-toolbar';
import { fallbackColor } from './identity';
import { itemIdsPlugin } from './item-ids';
import './collab.css';

/** A remote caret: coloured bar and name, hidden from screen readers (the presence list says who is here). */
function cursorBuilder(user: Record<string, unknown>, clientId: number): HTMLElement {
  const colour = String(user.colour ?? user.color ?? fallbackColor(clientId));
  const caret = document.createElement('span');
  caret.className = 'ProseMirror-yjs-cursor';
  caret.setAttribute('aria-hidden', 'true');
  caret.setAttribute('data-remote-cursor', String(user.name ?? ''));
  caret.style.borderColor = colour;
  const name = document.createElement('span');
  name.style.backgroundColor = colour;
  name.textContent = typeof user.name === 'string' ? user.name : '';
  caret.appendChild(name);
  return caret;
}

function selectionBuilder(user: Record<string, unknown>, clientId: number) {
  const colour = String(user.colour ?? user.color ?? fallbackColor(clientId));
  return { style: `background-color: ${colour}33`, class: 'ProseMirror-yjs-selection' };
}

/**
 * A rich-text editor bound to the `XmlFragment` root of a collaborative
 * document (y-prosemirror): live text, remote carets and selections,
 * collaborative undo (Ctrl/Cmd+Z, Ctrl+Y, Ctrl/Cmd+Shift+Z), a formatting
 * toolbar with shortcuts (bold, italic, headings, lists, links; see
 * editor-commands.ts) and Markdown-like input rules. With `readOnly` it cannot
 * be changed from the keyboard or mouse, and the toolbar is not shown.
 */
export function CollabEditor({
  fragment,
  awareness,
  readOnly,
  label,
  describedBy,
  itemIds = false,
}: {
  fragment: Y.XmlFragment;
  awareness: Awareness;
  readOnly: boolean;
  label: string;
  describedBy?: string;
  /** Give every paragraph and heading a stable id (a meeting's agenda: its items can be commented on). */
  itemIds?: boolean;
}) {
  const mount = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const readOnlyRef = useRef(readOnly);
  readOnlyRef.current = readOnly;
  const [view, setView] = useState<EditorView | null>(null);
  /** Bumped on every editor state, so the toolbar's pressed states follow the selection. */
  const [tick, setTick] = useState(0);
  const [linkOpen, setLinkOpen] = useState(false);
  const openLink = useRef<() => boolean>(() => false);
  openLink.current = () => {
    if (readOnlyRef.current) return false;
    setLinkOpen(true);
    return true;
  };

  useEffect(() => {
    if (!mount.current) return;
    const state = EditorState.create({
      schema: editorSchema,
      plugins: [
        ySyncPlugin(fragment),
        yCursorPlugin(awareness, {
          cursorBuilder: cursorBuilder as never,
          selectionBuilder: selectionBuilder as never,
        }),
        yUndoPlugin(),
        keymap({ 'Mod-z': undo, 'Mod-y': redo, 'Mod-Shift-z': redo }),
        formattingKeymap(() => openLink.current()),
        formattingInputRules(),
        keymap(baseKeymap),
        ...(itemIds ? [itemIdsPlugin(() => !readOnlyRef.current)] : []),
      ],
    });
    const view = new EditorView(mount.current, {
      state,
      // Called with the view as `this` (also while the view is being constructed).
      dispatchTransaction(this: EditorView, tr) {
        this.updateState(this.state.apply(tr));
        setTick((n) => n + 1);
      },
      editable: () => !readOnlyRef.current,
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': label,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        class: 'px-3 py-3 text-base leading-relaxed text-stone-900',
        spellcheck: 'true',
      },
    });
    viewRef.current = view;
    setView(view);
    return () => {
      viewRef.current = null;
      setView(null);
      view.destroy();
    };
    // The label can change with the language; that is handled below without rebuilding the editor.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fragment, awareness, itemIds]);

  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    view.setProps({
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': label,
        'aria-readonly': readOnly ? 'true' : 'false',
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        class: 'px-3 py-3 text-base leading-relaxed text-stone-900',
        spellcheck: 'true',
      },
    });
  }, [label, describedBy, readOnly]);

  return (
    <div className={`rounded-md border border-stone-400 ${readOnly ? 'bg-stone-100' : 'bg-white'}`}>
      {view && !readOnly ? (
        <EditorToolbar view={view} tick={tick} linkOpen={linkOpen} setLinkOpen={setLinkOpen} />
      ) : null}
      <div ref={mount} className="nwr-editor rounded-b-md" data-testid="collab-editor" />
    </div>
  );
}
