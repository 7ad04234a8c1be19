import { cx } from './cx';

/** A grey placeholder block while content loads (decorative: hidden from screen readers). */
export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden="true" className={cx('animate-skeleton rounded-control bg-stone-200', className)} />;
}

/**
 * The skeleton of a page (for `loading.tsx`): a heading, a line and a few
 * blocks, with "Loading …" for screen readers, so navigation answers at once.
 */
export function PageSkeleton({ label, blocks = 3 }: { label: string; blocks?: number }) {
  return (
    <div role="status" aria-live="polite" data-testid="page-skeleton">
      <span className="sr-only">{label}</span>
      <Skeleton className="mb-3 h-9 w-2/3 max-w-md" />
      <Skeleton className="mb-section h-5 w-full max-w-xl" />
      <div className="grid gap-4">
        {Array.from({ length: blocks }, (_, i) => (
          <Skeleton key={i} className="h-24 w-full" />
        ))}
      </div>
    </div>
  );
}
