import type { ReactNode } from 'react';
import { cx } from './cx';

export type BadgeTone = 'neutral' | 'brand' | 'success' | 'warning' | 'danger' | 'info';

const tones: Record<BadgeTone, string> = {
  neutral: 'border-stone-400 bg-stone-100 text-stone-800',
  brand: 'border-brand-600 bg-brand-50 text-brand-800',
  success: 'border-green-700 bg-green-50 text-green-900',
  warning: 'border-amber-700 bg-amber-50 text-amber-950',
  danger: 'border-red-700 bg-red-50 text-red-900',
  info: 'border-sky-700 bg-sky-50 text-sky-950',
};

/**
 * A short state or role in words ("paused", "representative", "overdue").
 * The word carries the meaning; the colour only repeats it.
 */
export function Badge({
  tone = 'neutral',
  children,
  className,
  ...rest
}: { tone?: BadgeTone; children: ReactNode; className?: string } & Record<`data-${string}`, string | undefined>) {
  return (
    <span
      className={cx(
        'inline-flex max-w-full items-center rounded-full border px-2 py-0.5 text-xs font-semibold',
        tones[tone],
        className,
      )}
      {...rest}
    >
      {children}
    </span>
  );
}
