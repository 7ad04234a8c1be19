'use client';

import { useEffect } from 'react';
import { useI18n } from '@/app/_components/providers';
import { Button, LinkButton } from '@/app/_components/ui';

/**
 * What an `error.tsx` shows: a heading in the person's language, what it
 * means, "Try again" (re-renders the failed part) and the reference the
 * server logged (Next's digest), never the error's text.
 */
export function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { t } = useI18n();
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="max-w-2xl" role="alert">
      <h1 className="text-2xl font-semibold text-stone-900 sm:text-3xl">{t('ui.error.title')}</h1>
      <p className="mt-2 text-stone-800">{t('ui.error.text')}</p>
      {error.digest ? (
        <p className="mt-2 text-sm text-stone-700">{t('ui.error.reference', { digest: error.digest })}</p>
      ) : null}
      <div className="mt-6 flex flex-wrap gap-3">
        <Button onClick={reset}>{t('ui.error.retry')}</Button>
        <LinkButton href="/networks" variant="secondary">
          {t('ui.notFound.networks')}
        </LinkButton>
      </div>
    </div>
  );
}
