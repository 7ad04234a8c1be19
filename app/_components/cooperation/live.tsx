'use client';

import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '@/app/_components/providers';

export interface LiveItem {
  id: number;
  kind: string;
  actorName: string | null;
  subjectId: string | null;
  data: Record<string, unknown>;
  createdAt: number;
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
 */
export function LiveProvider({ networkId, children }: { networkId: string; children: ReactNode }) {
  const qc = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');
  const [last, setLast] = useState<LiveItem | null>(null);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    const es = new EventSource(`/api/networks/${networkId}/events`);
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
      // Anything missed while disconnected is fetched again.
      refresh();
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

/** A small, polite status line: live, connecting, offline. */
export function LiveStatus() {
  const { t } = useI18n();
  const { state } = useLive();
  const dot = state === 'live' ? 'bg-green-700' : state === 'connecting' ? 'bg-amber-600' : 'bg-red-700';
  return (
    <p role="status" className="flex items-center gap-2 text-sm text-stone-700" data-live-state={state}>
      <span aria-hidden="true" className={`inline-block h-2.5 w-2.5 rounded-full ${dot}`} />
      {t(`cooperation.live.${state}`)}
    </p>
  );
}
