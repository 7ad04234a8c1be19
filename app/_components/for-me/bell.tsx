'use client';

import { useQuery } from '@tanstack/react-query';
import Link from '@/app/_components/ui/link';
import { useI18n } from '@/app/_components/providers';
import { coopKey } from '@/app/_components/cooperation/live';
import { api } from '@/app/_lib/api-client';

/** The query key of the bell's count (refreshed by every live event of the network, and after "mark as seen"). */
export const bellKey = (networkId: string) => coopKey(networkId, 'for-me', 'count');

/**
 * The bell in the network shell: how many things need me here, live (the
 * shell's change feed refreshes it). It links to "for me"; its name says the
 * count in words.
 */
export function ForMeBell({ networkId }: { networkId: string }) {
  const { t, f } = useI18n();
  const q = useQuery({
    queryKey: bellKey(networkId),
    queryFn: () => api.get<{ count: number }>(`/api/networks/${networkId}/for-me/count`),
    refetchInterval: 60_000,
  });
  const count = q.data?.count ?? 0;
  return (
    <Link
      href={`/networks/${networkId}/for-me`}
      aria-label={t('followUp.bell.label', { count })}
      data-testid="for-me-bell"
      data-count={count}
      className="relative inline-flex min-h-11 min-w-11 items-center justify-center rounded-control border border-stone-300 bg-white text-stone-900 hover:bg-stone-100"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {count > 0 ? (
        <span
          aria-hidden="true"
          className="absolute -right-1.5 -top-1.5 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs font-semibold leading-5 text-white"
        >
          {f.number(count)}
        </span>
      ) : null}
    </Link>
  );
}
