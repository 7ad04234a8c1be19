import type { ReactNode } from 'react';
import { cx } from './cx';

/**
 * A box that scrolls sideways when its content (a wide table) is wider than
 * the screen, instead of widening the page. It is a labelled region that
 * takes the keyboard focus, so it can be scrolled with the arrow keys.
 * Prefer `Table` (cards on a phone) for new lists.
 */
export function ScrollArea({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={cx('overflow-x-auto', className)}>
      {children}
    </div>
  );
}
