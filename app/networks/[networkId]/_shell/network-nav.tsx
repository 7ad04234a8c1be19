'use client';

import { useLinkStatus } from 'next/link';
import Link from '@/app/_components/ui/link';
import { usePathname } from 'next/navigation';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '@/app/_components/providers';
import { cx } from '@/app/_components/ui';
import { LiveStatus } from '@/app/_components/cooperation/live';
import { ForMeBell } from '@/app/_components/for-me/bell';
import { currentEntry, NETWORK_NAV, PAGE_CONTENT_ID } from './nav';

/**
 * A navigation entry's label, and the mark that the click was taken: while
 * its page is on the way (before the loading skeleton can show, e.g. when
 * Next has not prefetched it yet), the entry is drawn as the current place
 * (`has-[[data-pending]]` on the link) at once.
 */
function EntryLabel({ label }: { label: string }) {
  const { pending } = useLinkStatus();
  return <span data-pending={pending ? '' : undefined}>{label}</span>;
}

/**
 * The network's one navigation: its name, the sections (the current one
 * marked with aria-current="page") and the live connection state. On a laptop
 * a column beside the page; on a phone a bar with a Menu button that opens
 * the list (and closes it again after choosing, or with Escape).
 */
export function NetworkNav({ networkId, networkName }: { networkId: string; networkName: string }) {
  const { t, locale } = useI18n();
  const pathname = usePathname();
  const current = currentEntry(networkId, pathname);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const menuButton = useRef<HTMLButtonElement>(null);

  // A chosen link closes the phone menu (also when the page did not change).
  useEffect(() => setOpen(false), [pathname]);

  /** On a phone (the Menu button shows), the list closes and hides the focused link: the focus moves on to the page. */
  const chosen = () => {
    if (!menuButton.current?.checkVisibility()) return;
    setOpen(false);
    document.getElementById(PAGE_CONTENT_ID)?.focus({ preventScroll: true });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !open) return;
    e.preventDefault();
    setOpen(false);
    menuButton.current?.focus();
  };

  return (
    <nav
      aria-label={t('ui.nav.label')}
      onKeyDown={onKeyDown}
      data-testid="network-nav"
      className="relative mb-6 flex flex-wrap items-center gap-x-3 gap-y-2 rounded-card border border-stone-300 bg-white px-3 py-2 lg:sticky lg:top-4 lg:mb-0 lg:flex-col lg:items-stretch lg:border-0 lg:bg-transparent lg:p-0"
    >
      <Link
        href={`/networks/${networkId}`}
        lang={locale}
        title={networkName}
        data-testid="network-name"
        className="name-in-column order-1 min-w-0 max-w-full flex-1 text-base font-semibold text-stone-900 underline-offset-4 hover:underline lg:mb-2 lg:flex-none lg:pr-12 lg:text-lg"
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
        ref={menuButton}
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
                onClick={chosen}
                className={cx(
                  'flex min-h-11 items-center rounded-control border-l-4 px-3 font-medium lg:min-h-10',
                  isCurrent
                    ? 'border-brand-700 bg-brand-50 text-brand-900'
                    : 'border-transparent text-stone-800 hover:bg-stone-100 hover:text-stone-950 has-[[data-pending]]:border-brand-700 has-[[data-pending]]:bg-brand-50 has-[[data-pending]]:text-brand-900',
                )}
              >
                <EntryLabel label={t(entry.label)} />
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
