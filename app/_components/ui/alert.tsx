import type { ReactNode } from 'react';
import { cx } from './cx';

export type AlertTone = 'info' | 'success' | 'warning' | 'error';

const tones: Record<AlertTone, string> = {
  info: 'border-sky-700 bg-sky-50 text-sky-950',
  success: 'border-green-700 bg-green-50 text-green-950',
  warning: 'border-amber-700 bg-amber-50 text-amber-950',
  error: 'border-red-700 bg-red-50 text-red-950',
};

/**
 * A message box. Errors use role="alert" (read out at once); the other tones
 * role="status" (read out politely). Render it when the message appears, so
 * screen readers announce it; don't keep an empty one around.
 */
export function Alert({
  tone = 'info',
  title,
  children,
  className,
  id,
}: {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  className?: string;
  id?: string;
}) {
  return (
    <div
      id={id}
      role={tone === 'error' ? 'alert' : 'status'}
      className={cx('my-4 rounded-md border-l-4 px-4 py-3', tones[tone], className)}
    >
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? <div className={title ? 'mt-1' : undefined}>{children}</div> : null}
    </div>
  );
}

/**
 * The error of a whole form (e.g. the server's answer). Renders nothing when
 * there is no message. Put it at the top of the form.
 */
export function FormError({ message, id, className }: { message?: string | null; id?: string; className?: string }) {
  if (!message) return null;
  return (
    <Alert tone="error" id={id} className={className}>
      {message}
    </Alert>
  );
}
