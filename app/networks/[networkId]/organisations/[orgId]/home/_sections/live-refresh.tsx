'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { useLive } from '@/app/_components/cooperation/live';

/**
 * Re-renders a server page when the live feed brings a change it shows (a
 * request for home approval, a decision, a mandate), so a decision made in
 * another browser appears without a reload.
 */
export function LiveRefresh({ kinds }: { kinds: string[] }) {
  const router = useRouter();
  const { last } = useLive();
  const seen = useRef<number | null>(null);
  useEffect(() => {
    if (!last || last.id === seen.current) return;
    seen.current = last.id;
    if (kinds.some((k) => last.kind === k || last.kind.startsWith(`${k}.`))) router.refresh();
  }, [last, kinds, router]);
  return null;
}
