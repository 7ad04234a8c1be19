import type { ReactNode } from 'react';
import { cx } from './cx';

/**
 * What to show when a list is empty: say what is true ("No commitments are
 * open"), why it may be so, and offer the next step (`action`).
 */
export function EmptyState({
  title,
  description,
  action,
  className,
}: {
  title: ReactNode;
  description?: ReactNode;
  action?: ReactNode;
  className?: string;
}) {
  return (
    <div
      className={cx('rounded-card border border-dashed border-stone-400 bg-white px-6 py-10 text-center', className)}
    >
      <p className="text-lg font-semibold text-stone-900">{title}</p>
      {description ? <p className="mx-auto mt-2 max-w-prose text-stone-700">{description}</p> : null}
      {action ? <div className="mt-4 flex justify-center">{action}</div> : null}
    </div>
  );
}
