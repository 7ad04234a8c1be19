import Link from '@/app/_components/ui/link';
import type { ComponentProps, ReactNode } from 'react';
import { cx } from './cx';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';
export type ButtonSize = 'sm' | 'md';

const base =
  'inline-flex items-center justify-center gap-2 rounded-md font-medium transition-colors ' +
  'focus-visible:outline-3 focus-visible:outline-offset-2 disabled:cursor-not-allowed disabled:opacity-60 ' +
  'aria-disabled:cursor-not-allowed aria-disabled:opacity-60';

const variants: Record<ButtonVariant, string> = {
  primary: 'bg-brand-700 text-white hover:bg-brand-800',
  secondary: 'border border-stone-400 bg-white text-stone-900 hover:bg-stone-100',
  danger: 'bg-red-700 text-white hover:bg-red-800',
  ghost: 'text-brand-800 underline-offset-4 hover:underline',
};

const sizes: Record<ButtonSize, string> = {
  sm: 'min-h-9 px-3 text-sm',
  md: 'min-h-11 px-4 text-base',
};

/** The class names of a button, for the rare element that must look like one. */
export function buttonClasses(variant: ButtonVariant = 'primary', size: ButtonSize = 'md', extra?: string) {
  return cx(base, variants[variant], sizes[size], extra);
}

export type ButtonProps = ComponentProps<'button'> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /**
   * While true the button does nothing and announces itself as busy and
   * disabled; pass the busy label (e.g. t('common.saving')) as children if the
   * text should change. It keeps the keyboard focus: a natively disabled button
   * would drop it to the page, and Escape would no longer reach a dialog.
   * Client components only (it sets a click handler).
   */
  busy?: boolean;
  /**
   * Disabled, but still focusable (`aria-disabled`, clicks ignored): for a button that disables itself when used,
   * such as "Next" on the last page, so the keyboard focus stays on it instead of falling to the page.
   * Client components only.
   */
  focusableWhenDisabled?: boolean;
};

const preventDefault = (event: { preventDefault(): void }) => event.preventDefault();

/**
 * A real `<button>` (keyboard and screen readers work without extra code).
 * Defaults to `type="button"` so it never submits a form by accident; pass
 * `type="submit"` for the form's main action.
 */
export function Button({
  variant = 'primary',
  size = 'md',
  busy,
  className,
  disabled,
  type,
  onClick,
  focusableWhenDisabled,
  ...rest
}: ButtonProps) {
  const soft = Boolean(busy || (disabled && focusableWhenDisabled));
  return (
    <button
      type={type ?? 'button'}
      className={buttonClasses(variant, size, className)}
      disabled={disabled && !soft}
      aria-disabled={soft || undefined}
      aria-busy={busy || undefined}
      // Busy or softly disabled: the click does nothing (also not Enter in a field, which clicks the submit
      // button). Otherwise the caller's handler as it is: a server component renders this button too, and may
      // pass no function.
      onClick={soft ? preventDefault : onClick}
      {...rest}
    />
  );
}

export type LinkButtonProps = ComponentProps<typeof Link> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  children: ReactNode;
};

/** A link that looks like a button: use it for navigation ("Create account"), never for actions. */
export function LinkButton({ variant = 'primary', size = 'md', className, ...rest }: LinkButtonProps) {
  return <Link className={buttonClasses(variant, size, className)} {...rest} />;
}
