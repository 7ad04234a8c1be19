'use client';

import { useI18n } from '@/app/_components/providers';
import type { CollabStatus } from './status';

const DOT: Record<CollabStatus, string> = {
  connecting: 'bg-stone-400',
  live: 'bg-green-600',
  syncing: 'bg-amber-500',
  saved: 'bg-green-700',
  offline: 'bg-stone-600',
  readOnly: 'bg-sky-700',
  signedOut: 'bg-red-700',
  noAccess: 'bg-red-700',
  tooMany: 'bg-amber-600',
  locked: 'bg-sky-700',
  error: 'bg-red-700',
};

/**
 * The connection state in words (the dot is decoration only). A polite live
 * region: screen readers hear when the connection drops or the edit is saved.
 */
export function CollabStatusLine({ status, onReconnect }: { status: CollabStatus; onReconnect?: () => void }) {
  const { t } = useI18n();
  const stopped =
    status === 'signedOut' ||
    status === 'noAccess' ||
    status === 'tooMany' ||
    status === 'locked' ||
    status === 'error';
  return (
    <div className="flex flex-wrap items-center gap-3">
      <p
        role="status"
        aria-live="polite"
        data-status={status}
        className="flex items-center gap-2 text-sm text-stone-800"
      >
        <span aria-hidden="true" className={`inline-block size-2.5 shrink-0 rounded-full ${DOT[status]}`} />
        <span>
          <span className="sr-only">{t('collab.status.label')}: </span>
          {t(`collab.status.${status}`)}
        </span>
      </p>
      {onReconnect && (status === 'offline' || status === 'error' || status === 'tooMany') ? (
        <button
          type="button"
          onClick={onReconnect}
          className="min-h-9 rounded-md border border-stone-400 bg-white px-3 text-sm font-medium text-stone-900 hover:bg-stone-100"
        >
          {t('collab.status.reconnect')}
        </button>
      ) : null}
      {stopped && status === 'signedOut' ? (
        <a href="/signin" className="text-sm font-medium text-brand-800 underline underline-offset-4">
          {t('nav.signIn')}
        </a>
      ) : null}
    </div>
  );
}
