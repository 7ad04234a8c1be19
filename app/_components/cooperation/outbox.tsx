'use client';

import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, Button } from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';
import { ApiError, request, Unreachable } from '@/app/_lib/api-client';

/**
 * Record changes made without a connection wait here (in localStorage, per
 * person and network) and are sent when the connection returns. Each carries
 * the idempotency key it was made with, so a retry after a lost answer never
 * writes twice. A change the server refuses on resend stays visible with the
 * server's reason until the person dismisses it: nothing is lost silently.
 */
export interface OutboxItem {
  key: string;
  url: string;
  method: string;
  body: Record<string, unknown>;
  /** What the person did, in their words (shown in the list). */
  label: string;
  state: 'queued' | 'refused';
  error?: string;
  createdAt: number;
}

interface Outbox {
  items: OutboxItem[];
  /** Sends now; when unreachable, queues and resolves `{ queued: true }`. Refusals throw ApiError. */
  submit<T>(req: {
    url: string;
    method?: string;
    body: Record<string, unknown> & { idempotencyKey: string };
    label: string;
  }): Promise<{ queued: true } | { queued: false; result: T }>;
  dismiss(key: string): void;
  flush(): Promise<void>;
}

const OutboxContext = createContext<Outbox | null>(null);

export function useOutbox(): Outbox {
  const o = useContext(OutboxContext);
  if (!o) throw new Error('useOutbox needs an OutboxProvider');
  return o;
}

export function OutboxProvider({
  networkId,
  userId,
  children,
}: {
  networkId: string;
  userId: string;
  children: ReactNode;
}) {
  const storageKey = `nwr:outbox:${userId}:${networkId}`;
  const qc = useQueryClient();
  const [items, setItems] = useState<OutboxItem[]>([]);
  const itemsRef = useRef<OutboxItem[]>([]);
  const flushing = useRef(false);

  const save = useCallback(
    (next: OutboxItem[]) => {
      itemsRef.current = next;
      setItems(next);
      try {
        if (next.length) localStorage.setItem(storageKey, JSON.stringify(next));
        else localStorage.removeItem(storageKey);
      } catch {
        // storage full or blocked: the list in memory still shows what is waiting
      }
    },
    [storageKey],
  );

  const flush = useCallback(async () => {
    if (flushing.current) return;
    flushing.current = true;
    try {
      for (const item of itemsRef.current.filter((i) => i.state === 'queued')) {
        try {
          await request(item.method, item.url, item.body);
          save(itemsRef.current.filter((i) => i.key !== item.key));
          void qc.invalidateQueries({ queryKey: ['coop', networkId] });
        } catch (err) {
          if (err instanceof Unreachable) break;
          const message = err instanceof ApiError ? err.message : String(err);
          save(
            itemsRef.current.map((i) => (i.key === item.key ? { ...i, state: 'refused' as const, error: message } : i)),
          );
        }
      }
    } finally {
      flushing.current = false;
    }
  }, [networkId, qc, save]);

  useEffect(() => {
    try {
      const stored = JSON.parse(localStorage.getItem(storageKey) ?? '[]') as OutboxItem[];
      if (Array.isArray(stored) && stored.length) save(stored);
    } catch {
      // unreadable storage: start empty
    }
    const onOnline = () => void flush();
    window.addEventListener('online', onOnline);
    const timer = setInterval(() => {
      if (itemsRef.current.some((i) => i.state === 'queued')) void flush();
    }, 5000);
    void flush();
    return () => {
      window.removeEventListener('online', onOnline);
      clearInterval(timer);
    };
  }, [storageKey, flush, save]);

  const submit: Outbox['submit'] = useCallback(
    async (req) => {
      const method = req.method ?? 'POST';
      try {
        const result = await request(method, req.url, req.body);
        return { queued: false as const, result: result as never };
      } catch (err) {
        if (!(err instanceof Unreachable)) throw err;
        save([
          ...itemsRef.current,
          {
            key: req.body.idempotencyKey,
            url: req.url,
            method,
            body: req.body,
            label: req.label,
            state: 'queued',
            createdAt: Date.now(),
          },
        ]);
        return { queued: true as const };
      }
    },
    [save],
  );

  const dismiss = useCallback((key: string) => save(itemsRef.current.filter((i) => i.key !== key)), [save]);

  return <OutboxContext.Provider value={{ items, submit, dismiss, flush }}>{children}</OutboxContext.Provider>;
}

/** What is waiting to be sent, and what the server refused on resend. */
export function OutboxPanel() {
  const { t } = useI18n();
  const { items, dismiss, flush } = useOutbox();
  if (!items.length) return null;
  const queued = items.filter((i) => i.state === 'queued');
  const refused = items.filter((i) => i.state === 'refused');
  return (
    <section aria-label={t('cooperation.outbox.title')} className="mb-4">
      {queued.length ? (
        <Alert tone="warning" title={t('cooperation.outbox.queued', { count: queued.length })}>
          <ul className="mt-1 list-disc pl-5">
            {queued.map((i) => (
              <li key={i.key}>{i.label}</li>
            ))}
          </ul>
          <Button variant="secondary" size="sm" className="mt-2" onClick={() => void flush()}>
            {t('cooperation.outbox.retry')}
          </Button>
        </Alert>
      ) : null}
      {refused.map((i) => (
        <Alert key={i.key} tone="error" title={t('cooperation.outbox.refused', { label: i.label })}>
          <p>{i.error}</p>
          <Button variant="secondary" size="sm" className="mt-2" onClick={() => dismiss(i.key)}>
            {t('cooperation.outbox.dismiss')}
          </Button>
        </Alert>
      ))}
    </section>
  );
}
