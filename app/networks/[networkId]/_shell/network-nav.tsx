'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useId, useState } from 'react';
import { useI18n } from '@/app/_components/providers';
import { cx } from '@/app/_components/ui';
import { LiveStatus } from '@/app/_components/cooperation/live';
import { ForMeBell } from '@/app/_components/for-me/bell';
import { currentEntry, NETWORK_NAV } from './nav';

/**
 * The network's one navigation: its name, the sections (the current one
 * marked with aria-current="page") and the live connection state. On a laptop
 * a column beside the page; on a phone a bar with a Menu button that opens
 * the list (and closes it again after choosing).
 */
export function NetworkNav({ networkId, networkName }: { networkId: string; networkName: string }) {
  const { t } = useI18n();
  const pathname = usePathname();
  const current = currentEntry(networkId, pathname);
  const [open, setOpen] = useState(false);
  const listId = useId();

  // A chosen link closes the phone menu.
  useEffect(() => setOpen(false), [pathname]);

  return (
    <nav
      aria-label={t('ui.nav.label')}
      data-testid="network-nav"
      className="relative mb-6 flex flex-wrap items-center gap-x-3 gap-y-2 rounded-card border border-stone-300 bg-white px-3 py-2 lg:sticky lg:top-4 lg:mb-0 lg:flex-col lg:items-stretch lg:border-0 lg:bg-transparent lg:p-0"
    >
      <Link
        href={`/networks/${networkId}`}
        className="order-1 min-w-0 flex-1 text-base font-semibold text-stone-900 underline-offset-4 hover:underline lg:mb-2 lg:flex-none lg:pr-14 lg:text-lg"
      >
        {networkName}
      </Link>
      <div className="order-1 shrink-0 lg:absolute lg:right-0 lg:top-0 lg:order-none">
        <ForMeBell networkId={networkId} />
      </div>
      <div className="order-2 lg:order-4 lg:mt-4 lg:border-t lg:border-stone-300 lg:pt-4">
        <LiveStatus />
      </div>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
        className="order-3 min-h-11 shrink-0 rounded-control border border-stone-400 bg-white px-3 text-sm font-medium text-stone-900 hover:bg-stone-100 lg:hidden"
      >
        {t('ui.nav.menu')}
        <span aria-hidden="true"> {open ? '▴' : '▾'}</span>
      </button>
      <ul id={listId} className={cx('order-4 w-full space-y-0.5 lg:order-3 lg:block', open ? 'block' : 'hidden')}>
        {NETWORK_NAV.map((entry) => {
          const isCurrent = current?.id === entry.id;
          return (
            <li key={entry.id}>
              <Link
                href={`/networks/${networkId}${entry.path}`}
                aria-current={isCurrent ? 'page' : undefined}
                className={cx(
                  'flex min-h-11 items-center rounded-control border-l-4 px-3 font-medium lg:min-h-10',
                  isCurrent
                    ? 'border-brand-700 bg-brand-50 text-brand-900'
                    : 'border-transparent text-stone-800 hover:bg-stone-100 hover:text-stone-950',
                )}
              >
                {t(entry.label)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
