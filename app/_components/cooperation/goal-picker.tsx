'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '@/app/_components/providers';
import type { Goal } from '@/lib/goals/records';
import { api, qs } from '@/app/_lib/api-client';
import { coopKey } from './live';

const SHOWN = 20;

export interface GoalName {
  id: string;
  title: string;
}

/** The value after the person stopped typing for `ms`. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * Choose one of the network's goals by typing words of its title: an ARIA
 * combobox (editable input, list-box popup) that searches the goal list
 * endpoint (`q`), so every goal can be reached however many there are.
 * Keyboard: ↓/↑ move through the suggestions, Enter chooses, Escape closes
 * the list (a second Escape clears the text). The chosen goal's id is sent
 * with the form as a hidden field called `name` ('' for none).
 */
export function GoalPicker({
  networkId,
  name,
  label,
  error,
  optionalLabel,
  onPick,
}: {
  networkId: string;
  name: string;
  label: string;
  error?: string;
  optionalLabel?: string;
  /**
   * Told the chosen goal's id (null: none) whenever it changes. The hidden input that carries it changes without a
   * change event, so a form that reacts to its fields (the mandate hint) listens here.
   */
  onPick?: (goalId: string | null) => void;
}) {
  const { t } = useI18n();
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const inputId = `goal-picker-${uid}`;
  const listId = `${inputId}-list`;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<GoalName | null>(null);
  const picked = useRef(onPick);
  useEffect(() => {
    picked.current = onPick;
  });
  const chosenId = chosen?.id ?? null;
  useEffect(() => {
    picked.current?.(chosenId);
  }, [chosenId]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const q = useSettled(text.trim(), 200);
  const query = { q: chosen ? '' : q, sort: 'updated_desc', limit: SHOWN };
  const results = useQuery({
    enabled: open,
    queryKey: coopKey(networkId, 'goal-picker', query),
    queryFn: () => api.get<{ total: number; goals: Goal[] }>(`/api/networks/${networkId}/goals${qs(query)}`),
    placeholderData: (prev) => prev,
  });
  const items = open ? (results.data?.goals ?? []).map((g) => ({ id: g.id, title: g.title })) : [];
  const searching = open && (results.isFetching || q !== text.trim());

  function choose(g: GoalName) {
    setChosen(g);
    setText(g.title);
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!open) setOpen(true);
        setActive((a) => (items.length ? Math.min(a + 1, items.length - 1) : -1));
        break;
      case 'ArrowUp':
        e.preventDefault();
        setActive((a) => (items.length ? Math.max(a - 1, 0) : -1));
        break;
      case 'Home':
      case 'End':
        // Inside the text field these move the caret, as usual.
        break;
      case 'Enter':
        if (open && active >= 0 && items[active]) {
          e.preventDefault();
          choose(items[active]);
        } else if (open) {
          // Enter never submits the form while the suggestions are open.
          e.preventDefault();
        }
        break;
      case 'Escape':
        if (open) {
          e.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (text) {
          e.preventDefault();
          setText('');
          setChosen(null);
        }
        break;
    }
  }

  const optionId = (i: number) => `${listId}-${i}`;
  const total = results.data?.total ?? 0;
  const statusText = !open
    ? chosen
      ? t('cooperation.picker.chosen', { title: chosen.title })
      : ''
    : searching && !results.data
      ? t('cooperation.picker.loading')
      : items.length === 0
        ? t('cooperation.picker.noResults')
        : total > items.length
          ? t('cooperation.picker.more', { shown: items.length, count: total })
          : t('cooperation.picker.results', { count: total });

  return (
    <div className="relative mb-4">
      <label htmlFor={inputId} className="block font-medium text-stone-900">
        {label}
        {optionalLabel ? <span className="ml-1 font-normal text-stone-600">({optionalLabel})</span> : null}
      </label>
      <p id={hintId} className="mt-0.5 text-sm text-stone-600">
        {t('cooperation.picker.hint')}
      </p>
      <div className="mt-1 flex gap-2">
        <input
          id={inputId}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && active >= 0 && items[active] ? optionId(active) : undefined}
          aria-describedby={[hintId, error ? errorId : ''].filter(Boolean).join(' ')}
          aria-invalid={error ? true : undefined}
          className={`block w-full rounded-md border bg-white px-3 py-2 text-base text-stone-900 focus-visible:outline-3 focus-visible:outline-offset-1 ${error ? 'border-red-700' : 'border-stone-500'}`}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (chosen && e.target.value !== chosen.title) setChosen(null);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onClick={() => setOpen(true)}
          onBlur={() => {
            setOpen(false);
            setActive(-1);
          }}
        />
        {chosen || text ? (
          <button
            type="button"
            className="shrink-0 rounded-md border border-stone-500 bg-white px-3 text-sm text-stone-900 hover:bg-stone-100 focus-visible:outline-3 focus-visible:outline-offset-1"
            onClick={() => {
              setText('');
              setChosen(null);
              setOpen(false);
            }}
          >
            {t('cooperation.picker.clear')}
          </button>
        ) : null}
      </div>
      <input type="hidden" name={name} value={chosen?.id ?? ''} />
      <ul
        id={listId}
        role="listbox"
        aria-label={label}
        hidden={!open || items.length === 0}
        className="absolute z-20 mt-1 max-h-72 w-full overflow-auto rounded-md border border-stone-500 bg-white py-1 shadow-lg"
      >
        {items.map((g, i) => (
          <li
            key={g.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={`cursor-pointer px-3 py-1.5 ${i === active ? 'bg-brand-800 text-white' : 'text-stone-900 hover:bg-stone-100'}`}
            // Keep the focus in the input: choosing by mouse must not blur (and close) first.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(g)}
          >
            {g.title}
          </li>
        ))}
      </ul>
      <p aria-live="polite" className="sr-only">
        {statusText}
      </p>
      {error ? (
        <p id={errorId} className="mt-1 text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
