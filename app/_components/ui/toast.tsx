'use client';

import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '@/app/_components/providers';
import { cx } from './cx';

export type ToastTone = 'success' | 'info' | 'error';
interface ToastItem {
  id: number;
  tone: ToastTone;
  message: ReactNode;
}

const ToastContext = createContext<(message: ReactNode, tone?: ToastTone) => void>(() => {});

/**
 * `const toast = useToast(); toast(t('networks.org.added', { name }))` — a
 * short confirmation after an action, read out politely (errors at once).
 * It stays 6 s, longer while hovered or focused, and can be closed. For what
 * a person must not miss, use an Alert in the page instead.
 */
export function useToast() {
  return useContext(ToastContext);
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [items, setItems] = useState<ToastItem[]>([]);
  const next = useRef(1);
  const paused = useRef(false);
  const dismiss = useCallback((id: number) => setItems((list) => list.filter((i) => i.id !== id)), []);
  const show = useCallback((message: ReactNode, tone: ToastTone = 'success') => {
    const id = next.current++;
    setItems((list) => [...list.slice(-2), { id, tone, message }]);
  }, []);

  useEffect(() => {
    if (items.length === 0) return;
    const timer = setInterval(() => {
      if (!paused.current) setItems((list) => list.slice(1));
    }, 6000);
    return () => clearInterval(timer);
  }, [items.length]);

  return (
    <ToastContext.Provider value={show}>
      {children}
      <section
        aria-label={t('ui.toast.region')}
        className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex flex-col items-center gap-2 p-4 sm:items-end"
        onMouseEnter={() => (paused.current = true)}
        onMouseLeave={() => (paused.current = false)}
        onFocus={() => (paused.current = true)}
        onBlur={() => (paused.current = false)}
      >
        <div role="status" aria-live="polite" className="contents">
          {items
            .filter((i) => i.tone !== 'error')
            .map((i) => (
              <Toast key={i.id} item={i} onClose={() => dismiss(i.id)} closeLabel={t('common.close')} />
            ))}
        </div>
        <div role="alert" className="contents">
          {items
            .filter((i) => i.tone === 'error')
            .map((i) => (
              <Toast key={i.id} item={i} onClose={() => dismiss(i.id)} closeLabel={t('common.close')} />
            ))}
        </div>
      </section>
    </ToastContext.Provider>
  );
}

function Toast({ item, onClose, closeLabel }: { item: ToastItem; onClose: () => void; closeLabel: string }) {
  return (
    <div
      data-testid="toast"
      data-tone={item.tone}
      className={cx(
        'pointer-events-auto flex w-full max-w-sm items-start gap-3 rounded-card border-l-4 bg-white px-4 py-3 shadow-lg',
        item.tone === 'success' && 'border-green-700',
        item.tone === 'info' && 'border-sky-700',
        item.tone === 'error' && 'border-red-700',
      )}
    >
      <div className="min-w-0 flex-1 text-stone-900">{item.message}</div>
      <button
        type="button"
        onClick={onClose}
        aria-label={closeLabel}
        className="-m-1 min-h-9 min-w-9 rounded-control text-xl leading-none text-stone-700 hover:bg-stone-100"
      >
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
