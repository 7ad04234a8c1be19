'use client';

import type { MouseEvent } from 'react';
import { PAGE_CONTENT_ID } from '@/app/networks/[networkId]/_shell/nav';

/**
 * The first thing a keyboard reaches: jumps past the repeated blocks to the
 * page's content. Inside a network that is the page beside the network's
 * navigation (past the site header AND the navigation); elsewhere `<main>`.
 * Without script the link still jumps to `<main>`.
 */
export function SkipLink({ label }: { label: string }) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    const target = document.getElementById(PAGE_CONTENT_ID) ?? document.getElementById('main');
    if (!target) return;
    e.preventDefault();
    target.focus();
  };
  return (
    <a
      href="#main"
      onClick={onClick}
      data-testid="skip-link"
      className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2 focus:text-brand-800"
    >
      {label}
    </a>
  );
}
