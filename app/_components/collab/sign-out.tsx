'use client';

import { signOut } from 'next-auth/react';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { Locale } from '@/lib/i18n';
import { api } from '@/app/_lib/api-client';
import { Button } from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';
import { clearLocalCopies, unsentChanges } from './local-copies';

/**
 * Signs this browser out and forgets what it kept for offline work (every
 * Netzwerkraum IndexedDB database and offline outbox of this origin), then
 * loads `callbackUrl`. The interface language stays remembered for the
 * signed-out pages (cookie).
 */
export async function signOutAndForget({ callbackUrl, locale }: { callbackUrl: string; locale: Locale }) {
  // Forget first: even if the sign-out request fails, nothing stays readable here.
  await clearLocalCopies();
  await signOut({ redirect: false }).catch(() => undefined);
  await api.post('/api/account/locale', { locale }).catch(() => undefined);
  window.location.assign(callbackUrl);
}

/**
 * Guards a sign-out: when this browser holds changes the server has not
 * stored yet, a modal dialog says "N changes not yet sent will be lost" and
 * lets the person cancel (focused first) or go on. Render `dialog` somewhere
 * in the component.
 */
export function useGuardedSignOut(): { guard: (run: () => void | Promise<void>) => void; dialog: ReactNode } {
  const { t } = useI18n();
  const [pending, setPending] = useState<{ count: number; run: () => void | Promise<void> } | null>(null);
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const textId = useId();

  useEffect(() => {
    if (pending && !ref.current?.open) ref.current?.showModal();
  }, [pending]);

  function guard(run: () => void | Promise<void>) {
    const count = unsentChanges();
    if (count === 0) return void run();
    setPending({ count, run });
  }

  const dialog = pending ? (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={textId}
      onClose={() => setPending(null)}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-stone-300 bg-white p-6 text-left text-stone-900 shadow-xl backdrop:bg-stone-900/50"
    >
      <h2 id={titleId} className="mb-2 text-lg font-semibold">
        {t('auth.signOut.unsentTitle')}
      </h2>
      <div id={textId} className="mb-4 text-stone-700">
        <p className="font-semibold text-stone-900">
          {pending.count === 1 ? t('auth.signOut.unsentOne') : t('auth.signOut.unsentMany', { count: pending.count })}
        </p>
        <p className="mt-2">{t('auth.signOut.unsentWhy')}</p>
      </div>
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="secondary" autoFocus onClick={() => ref.current?.close()}>
          {t('common.cancel')}
        </Button>
        <Button
          variant="danger"
          onClick={() => {
            const run = pending.run;
            ref.current?.close();
            void run();
          }}
        >
          {t('auth.signOut.anyway')}
        </Button>
      </div>
    </dialog>
  ) : null;

  return { guard, dialog };
}
