'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { useI18n } from '@/app/_components/providers';
import { LiveProvider, LiveStatus } from './live';
import { OutboxPanel, OutboxProvider } from './outbox';

export interface OrgName {
  id: string;
  name: string;
}

/**
 * Frame of every cooperation page: the live change feed and the offline
 * outbox for this network, a section navigation and the live status.
 */
export function CooperationShell({
  networkId,
  networkName,
  userId,
  myOrgId,
  current,
  children,
}: {
  networkId: string;
  networkName: string;
  userId: string;
  myOrgId: string | null;
  current: 'goals' | 'ledger' | 'commitments' | 'organisation';
  children: ReactNode;
}) {
  const { t } = useI18n();
  const links: [typeof current, string, string][] = [
    ['goals', `/networks/${networkId}/goals`, t('cooperation.nav.goals')],
    ['ledger', `/networks/${networkId}/ledger`, t('cooperation.nav.ledger')],
    ['commitments', `/networks/${networkId}/commitments`, t('cooperation.nav.commitments')],
  ];
  if (myOrgId)
    links.push([
      'organisation',
      `/networks/${networkId}/organisations/${myOrgId}/cooperation`,
      t('cooperation.nav.myOrganisation'),
    ]);
  return (
    <LiveProvider networkId={networkId}>
      <OutboxProvider networkId={networkId} userId={userId}>
        <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
          <nav aria-label={t('cooperation.nav.label')}>
            <ul className="flex flex-wrap gap-1 text-sm">
              <li>
                <Link
                  href={`/networks/${networkId}`}
                  className="inline-block rounded px-2 py-1 text-brand-800 underline underline-offset-4"
                >
                  {networkName}
                </Link>
              </li>
              {links.map(([key, href, label]) => (
                <li key={key}>
                  <Link
                    href={href}
                    aria-current={key === current ? 'page' : undefined}
                    className={
                      key === current
                        ? 'inline-block rounded bg-stone-900 px-2 py-1 font-medium text-white'
                        : 'inline-block rounded px-2 py-1 text-brand-800 underline underline-offset-4'
                    }
                  >
                    {label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <LiveStatus />
        </div>
        <OutboxPanel />
        {children}
      </OutboxProvider>
    </LiveProvider>
  );
}

/** Formats an amount with its unit in the person's language ("7.5 hours", "7,5 Stunden"). */
export function useFormat() {
  const { t, locale } = useI18n();
  const nf = new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 3 });
  const unitLabel = (unit: string, labels?: Record<string, string>) =>
    unit.startsWith('custom:') ? (labels?.[unit] ?? unit.slice(7)) : t(`cooperation.unit.${unit}`);
  return {
    amount: (n: number, unit: string, labels?: Record<string, string>) => `${nf.format(n)} ${unitLabel(unit, labels)}`,
    number: (n: number) => nf.format(n),
    unitLabel,
    date: (d: string | null) =>
      d
        ? new Date(`${d}T00:00:00Z`).toLocaleDateString(locale === 'de' ? 'de-DE' : 'en-GB', {
            dateStyle: 'medium',
            timeZone: 'UTC',
          })
        : '—',
    time: (ms: number) =>
      new Date(ms).toLocaleString(locale === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }),
  };
}
