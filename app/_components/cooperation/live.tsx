'use client';

import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '@/app/_components/providers';
import type { ActivityWords } from '@/lib/activity/words';

export interface LiveItem {
  id: number;
  kind: string;
  actorName: string | null;
  subjectId: string | null;
  data: Record<string, unknown>;
  createdAt: number;
  /** What to show for it (`activityText`) and where it links: never the raw kind. */
  words: ActivityWords;
}

type LiveState = 'connecting' | 'live' | 'offline';
const LiveContext = createContext<{ state: LiveState; last: LiveItem | null }>({ state: 'connecting', last: null });

/** Query keys of the cooperation screens start with this, so one live event can refresh them all. */
export const coopKey = (networkId: string, ...rest: unknown[]) => ['coop', networkId, ...rest];

/**
 * Subscribes to the network's change feed (SSE) while mounted. Every activity
 * row the server lets this person see invalidates the cooperation queries, so
 * a partner's change shows within a second without a reload. EventSource
 * reconnects by itself and resumes after the last event id.
 *
 * `after` is the newest activity id the server read before the page's data:
 * the feed starts there, so the first connection delivers whatever changed
 * since and nothing is fetched again; only a reconnect refreshes every query
 * (without `after`, the first connection does too).
 */
export function LiveProvider({
  networkId,
  after,
  children,
}: {
  networkId: string;
  after?: number;
  children: ReactNode;
}) {
  const qc = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');
  const [last, setLast] = useState<LiveItem | null>(null);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The cursor of the first render only: a refreshed layout must not reopen the feed.
  const start = useRef(after);

  useEffect(() => {
    const from = start.current;
    const es = new EventSource(
      `/api/networks/${networkId}/events${from !== undefined ? `?after=${encodeURIComponent(from)}` : ''}`,
    );
    let opened = false;
    const refresh = () => {
      // Several rows in one burst (a command writes one; a generator many) refresh once.
      if (pending.current) return;
      pending.current = setTimeout(() => {
        pending.current = null;
        void qc.invalidateQueries({ queryKey: ['coop', networkId] });
      }, 50);
    };
    es.addEventListener('ready', () => setState('live'));
    es.addEventListener('activity', (ev) => {
      try {
        setLast(JSON.parse((ev as MessageEvent).data) as LiveItem);
      } catch {
        // ignore a malformed event; the refresh below still happens
      }
      refresh();
    });
    es.addEventListener('revoked', () => {
      es.close();
      setState('offline');
    });
    es.onerror = () => setState(es.readyState === EventSource.CLOSED ? 'offline' : 'connecting');
    es.onopen = () => {
      setState('live');
      // Anything missed while disconnected is fetched again; the first connection starts at the page's cursor.
      if (opened || from === undefined) refresh();
      opened = true;
    };
    return () => {
      es.close();
      if (pending.current) clearTimeout(pending.current);
    };
  }, [networkId, qc]);

  return <LiveContext.Provider value={{ state, last }}>{children}</LiveContext.Provider>;
}

export function useLive() {
  return useContext(LiveContext);
}

/**
 * The live connection state, in one place (the network navigation): a word
 * ("Live", "Offline") with what it means for the page; a polite live region,
 * so screen readers hear when it changes. The dot only repeats the word.
 */
export function LiveStatus() {
  const { t } = useI18n();
  const { state } = useLive();
  const dot = state === 'live' ? 'bg-green-700' : state === 'connecting' ? 'bg-amber-600' : 'bg-red-700';
  return (
    <p role="status" className="text-sm text-stone-800" data-live-state={state}>
      <span className="flex items-center gap-2 font-medium">
        <span aria-hidden="true" className={`inline-block size-2.5 shrink-0 rounded-full ${dot}`} />
        <span className="sr-only">{t('ui.live.label')}: </span>
        {t(`ui.live.${state}`)}
      </span>
      <span className="sr-only lg:not-sr-only lg:mt-1 lg:block lg:text-xs lg:text-stone-600">
        {t(`ui.live.${state}Hint`)}
      </span>
    </p>
  );
}
