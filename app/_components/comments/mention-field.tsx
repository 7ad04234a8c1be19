'use client';

import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useRef, useState } from 'react';
import { useI18n } from '@/app/_components/providers';
import { TextAreaField } from '@/app/_components/ui';
import { api } from '@/app/_lib/api-client';
import { COMMENT_MAX_LENGTH } from './limits';

interface Person {
  userId: string;
  name: string;
}

/** The @word being typed at the caret, if any. */
function mentionAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const m = /(^|\s)@([^\s@[\]()]{0,40})$/.exec(before);
  return m ? { start: caret - m[2].length - 1, query: m[2] } : null;
}

/**
 * The comment text with mention autocomplete: typing @ and a few letters lists
 * the network's people whose names match (a list of buttons after the field,
 * announced politely); choosing one writes `@[Name](id)` at the caret. Arrow
 * down from the field moves into the list; Escape closes it.
 */
export function MentionField({
  networkId,
  label,
  value,
  onChange,
  name = 'body',
  autoFocus,
}: {
  networkId: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  name?: string;
  autoFocus?: boolean;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLTextAreaElement | null>(null);
  const listId = useId();
  const [at, setAt] = useState<{ start: number; query: string } | null>(null);
  const people = useQuery({
    queryKey: ['mention-people', networkId],
    queryFn: () => api.get<{ members: Person[] }>(`/api/networks/${networkId}/members`),
    enabled: at !== null,
    staleTime: 60_000,
  });
  const matches = useMemo(() => {
    if (!at) return [];
    const q = at.query.toLocaleLowerCase();
    return (people.data?.members ?? []).filter((p) => p.name.toLocaleLowerCase().includes(q)).slice(0, 6);
  }, [at, people.data]);

  const update = (text: string, caret: number) => {
    onChange(text);
    setAt(mentionAt(text, caret));
  };
  const choose = (p: Person) => {
    if (!at || !ref.current) return;
    const caret = ref.current.selectionStart ?? value.length;
    const token = `@[${p.name.replace(/[[\]()]/g, '')}](${p.userId}) `;
    const next = value.slice(0, at.start) + token + value.slice(caret);
    onChange(next);
    setAt(null);
    const pos = at.start + token.length;
    requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.setSelectionRange(pos, pos);
    });
  };

  return (
    <div
      onKeyDown={(e) => {
        if (e.key === 'Escape' && at) {
          setAt(null);
          ref.current?.focus();
        }
      }}
    >
      <TextAreaField
        ref={ref}
        label={label}
        hint={t('followUp.comments.hint')}
        name={name}
        rows={3}
        required
        maxLength={COMMENT_MAX_LENGTH}
        value={value}
        autoFocus={autoFocus}
        aria-controls={at ? listId : undefined}
        onChange={(e) => update(e.currentTarget.value, e.currentTarget.selectionStart ?? e.currentTarget.value.length)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && matches.length) {
            e.preventDefault();
            document.getElementById(`${listId}-0`)?.focus();
          }
        }}
      />
      {at ? (
        <div id={listId} className="mt-1 rounded-control border border-stone-300 bg-white p-1" aria-live="polite">
          <p className="px-2 py-1 text-sm text-stone-700">{t('followUp.comments.mentions')}</p>
          {matches.length ? (
            <ul aria-label={t('followUp.comments.mentions')}>
              {matches.map((p, i) => (
                <li key={p.userId}>
                  <button
                    type="button"
                    id={`${listId}-${i}`}
                    className="min-h-11 w-full rounded-control px-2 text-left hover:bg-brand-50 focus-visible:bg-brand-50"
                    onClick={() => choose(p)}
                    onKeyDown={(e) => {
                      if (e.key === 'ArrowDown') {
                        e.preventDefault();
                        document.getElementById(`${listId}-${i + 1}`)?.focus();
                      } else if (e.key === 'ArrowUp') {
                        e.preventDefault();
                        (i === 0 ? ref.current : document.getElementById(`${listId}-${i - 1}`))?.focus();
                      }
                    }}
                  >
                    @{p.name}
                  </button>
                </li>
              ))}
            </ul>
          ) : people.isSuccess ? (
            <p className="px-2 py-1 text-sm text-stone-700">{t('followUp.comments.noMatch')}</p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
