'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { LOCALES, type Locale } from '@/lib/i18n/locales';
import { api } from '@/app/_lib/api-client';
import { useI18n } from './providers';

/**
 * EN / DE buttons (aria-pressed) in the header. Works signed out (cookie
 * only); signed in, the choice is also saved on the account. The page then
 * re-renders on the server in the new language.
 */
export function LanguageSwitcher() {
  const { locale, t } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [failed, setFailed] = useState(false);

  async function choose(next: Locale) {
    if (next === locale) return;
    setFailed(false);
    try {
      await api.post('/api/account/locale', { locale: next });
    } catch {
      setFailed(true);
      return;
    }
    startTransition(() => router.refresh());
  }

  return (
    <div
      role="group"
      aria-label={t('nav.language')}
      className="flex items-center gap-1"
      aria-busy={pending || undefined}
    >
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={l === locale}
          onClick={() => void choose(l)}
          className={
            'min-h-9 rounded-md px-2 text-sm font-semibold ' +
            (l === locale
              ? 'bg-brand-700 text-white'
              : 'border border-stone-400 bg-white text-stone-900 hover:bg-stone-100')
          }
        >
          {/* The visible "DE" stays part of the name (voice control: "click DE"). */}
          {l.toUpperCase()}
          <span className="sr-only"> {t(`lang.${l}`)}</span>
        </button>
      ))}
      {failed ? (
        <span role="alert" className="text-sm text-red-800">
          {t('errors.network')}
        </span>
      ) : null}
    </div>
  );
}
