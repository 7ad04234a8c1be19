'use client';

import NextLink from 'next/link';
import { useRouter } from 'next/navigation';
import type { ComponentProps } from 'react';

type LinkProps = ComponentProps<typeof NextLink>;

/**
 * Every link of the app: next/link, but it prefetches its page when the pointer rests on it, a finger touches it
 * or it gets the focus, not when it scrolls into view. Prefetching on view rendered ~16 pages on the server after
 * every page load (docs/pages.md, "Speed"); a hover comes 100–300 ms before the click, early enough to start the
 * page. `prefetch={true}` still prefetches the whole page on view.
 */
export default function Link({ prefetch, onMouseEnter, onTouchStart, onFocus, ...props }: LinkProps) {
  const router = useRouter();
  if (prefetch === true) return <NextLink prefetch {...props} {...{ onMouseEnter, onTouchStart, onFocus }} />;
  const href = typeof props.href === 'string' ? props.href : (props.href.pathname ?? null);
  const warm = () => {
    if (prefetch === false || !href || !href.startsWith('/')) return;
    router.prefetch(href);
  };
  return (
    <NextLink
      {...props}
      prefetch={false}
      onMouseEnter={(e) => {
        onMouseEnter?.(e);
        warm();
      }}
      onTouchStart={(e) => {
        onTouchStart?.(e);
        warm();
      }}
      onFocus={(e) => {
        onFocus?.(e);
        warm();
      }}
    />
  );
}
