'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { NAVIGATION_START } from './nav';

/** A navigation that has not ended by then (an error, a redirect back here) stops showing as pending. */
const GIVE_UP_MS = 15_000;

/**
 * A thin bar at the top of the screen from the moment an in-app navigation starts (any link: the network's
 * navigation, a goal card, an organisation in a list) until the new address is shown. It is the answer to a
 * click where the target has no loading skeleton (pages below organisations/[orgId], see docs/ui.md), and
 * costs nothing where it has one (the skeleton replaces it within a frame or two). Visual only: screen
 * readers hear the new page's title from Next's route announcer.
 */
export function NavigationPending() {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const bar = useRef<HTMLDivElement>(null);

  // Shown by touching the DOM directly, not through React state: the router starts its transition in the
  // same task, and a state update there would wait for the navigation's render (measured: the bar then
  // appeared together with the new page, ~115 ms after the click, instead of in the next frame).
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onStart = (e: Event) => {
      const to = new URL((e as CustomEvent<{ url: string }>).detail.url, window.location.href);
      if (to.pathname + to.search === window.location.pathname + window.location.search) return;
      if (bar.current) bar.current.hidden = false;
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (bar.current) bar.current.hidden = true;
      }, GIVE_UP_MS);
    };
    window.addEventListener(NAVIGATION_START, onStart);
    return () => {
      window.removeEventListener(NAVIGATION_START, onStart);
      clearTimeout(timer);
    };
  }, []);
  // The new address is shown: the navigation has arrived (with its skeleton or its content).
  useEffect(() => {
    if (bar.current) bar.current.hidden = true;
  }, [pathname, search]);

  return (
    <div
      ref={bar}
      hidden
      aria-hidden="true"
      data-testid="navigation-pending"
      className="fixed inset-x-0 top-0 z-50 h-1 overflow-hidden bg-brand-100"
    >
      <div className="h-full w-1/3 animate-pulse bg-brand-700" />
    </div>
  );
}
