'use client';

import { useEffect } from 'react';
import { api } from '@/app/_lib/api-client';

/**
 * Records a look (lib/for-me/visit.ts) once the page is on screen: on mount,
 * and again when what it shows grows (`upToId`, a live refresh) or when the tab
 * comes back into view. A page rendered for a link prefetch or in a hidden tab
 * never counts as looking. A failed look changes nothing the person sees.
 */
export function useLook(networkId: string, upToId: number) {
  useEffect(() => {
    let sent = false;
    const send = () => {
      if (sent || document.visibilityState !== 'visible') return;
      sent = true;
      api.post(`/api/networks/${networkId}/for-me/look`, { upToId }).catch(() => undefined);
    };
    send();
    document.addEventListener('visibilitychange', send);
    return () => document.removeEventListener('visibilitychange', send);
  }, [networkId, upToId]);
}

/** `useLook` for a server-rendered page (the network overview). */
export function LookRecorder({ networkId, upToId }: { networkId: string; upToId: number }) {
  useLook(networkId, upToId);
  return null;
}
