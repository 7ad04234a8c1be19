'use client';

import { useContext, useId, useState, type ChangeEvent, type ComponentProps, type ReactNode } from 'react';
import { useI18n } from '@/app/_components/providers';
import { cx } from './cx';
import { FormErrorsContext } from './form-context';

interface FieldOwnProps {
  /** The visible label (always shown: placeholders are not labels). */
  label: ReactNode;
  /** A short help text under the label. */
  hint?: ReactNode;
  /**
   * The error for this field, in the person's language; sets aria-invalid.
   * Inside a `<Form>`, the server's message for the field's `name` is used
   * when this is not given.
   */
  error?: string | null;
  /** Shown after the label as "(optional)"; pass the translated word. */
  optionalLabel?: string;
  className?: string;
}

export const inputClasses = (invalid: boolean) =>
  cx(
    'mt-1 block w-full min-w-0 rounded-control border bg-white px-3 py-2 text-base text-stone-900',
    'focus-visible:outline-3 focus-visible:outline-offset-1 disabled:bg-stone-100',
    invalid ? 'border-red-700' : 'border-stone-500',
  );

function useFieldIds(id: string | undefined) {
  const auto = useId();
  const inputId = id ?? `f${auto.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  return { inputId, hintId: `${inputId}-hint`, errorId: `${inputId}-error`, countId: `${inputId}-count` };
}

/** The field's error: the one passed in, else the server's for its name inside a <Form>. */
function useFieldError(name: string | undefined, error: string | null | undefined) {
  const fromForm = useContext(FormErrorsContext);
  return error ?? (name ? fromForm[name] : undefined) ?? null;
}

/**
 * A limit said before the cut: the hint names it ("At most 120 characters."),
 * a counter shows the length as the person types, screen readers hear once
 * when ten percent are left and when the limit is passed, and text beyond the
 * limit is kept (never silently cut) and marked as an error, so a `<Form>`
 * does not send it.
 */
function useLimit(max: number | undefined, initial: unknown) {
  const [length, setLength] = useState(() => (typeof initial === 'string' ? initial.length : 0));
  if (!max) return null;
  const over = length - max;
  const near = length >= max * 0.9;
  return { max, length, over, near, setLength };
}

function LimitCounter({ limit, id }: { limit: NonNullable<ReturnType<typeof useLimit>>; id: string }) {
  const { t } = useI18n();
  const { max, length, over, near } = limit;
  // Only the crossing of a threshold is announced, not every keystroke.
  const announcement =
    over > 0 ? t('ui.field.tooLong', { over, max }) : near ? t('ui.field.charsLeft', { left: max - length }) : '';
  return (
    <>
      <p
        id={id}
        className={cx('mt-1 text-right text-xs', over > 0 ? 'font-semibold text-red-800' : 'text-stone-600')}
        data-testid="char-counter"
      >
        {t('ui.field.counter', { length, max })}
      </p>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
      {over > 0 ? (
        <p className="mt-1 text-sm font-medium text-red-800" data-testid="char-over">
          {announcement}
        </p>
      ) : null}
    </>
  );
}

function FieldFrame({
  inputId,
  hintId,
  errorId,
  label,
  hint,
  error,
  optionalLabel,
  className,
  limitHint,
  children,
}: FieldOwnProps & {
  inputId: string;
  hintId: string;
  errorId: string;
  limitHint?: string;
  children: ReactNode;
}) {
  return (
    <div className={cx('mb-stack min-w-0', className)}>
      <label htmlFor={inputId} className="block font-medium text-stone-900">
        {label}
        {optionalLabel ? <span className="ml-1 font-normal text-stone-600">({optionalLabel})</span> : null}
      </label>
      {hint || limitHint ? (
        <p id={hintId} className="mt-0.5 text-sm text-stone-600">
          {hint}
          {hint && limitHint ? ' ' : null}
          {limitHint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={errorId} className="mt-1 text-sm font-medium text-red-800" data-field-error>
          {error}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(
  parts: { hint: boolean; error: boolean; count: boolean },
  ids: { hintId: string; errorId: string; countId: string },
  extra?: string,
) {
  return (
    [parts.hint ? ids.hintId : '', parts.error ? ids.errorId : '', parts.count ? ids.countId : '', extra ?? '']
      .filter(Boolean)
      .join(' ') || undefined
  );
}

export type TextFieldProps = FieldOwnProps & Omit<ComponentProps<'input'>, 'className'>;
export type TextAreaFieldProps = FieldOwnProps & Omit<ComponentProps<'textarea'>, 'className'>;

/**
 * A labelled input. The label, hint and error are tied to the input
 * (`htmlFor`, `aria-describedby`, `aria-invalid`), so screen readers read them
 * with the field. Give it a `name` for forms; `id` is generated if missing.
 * `maxLength` becomes a said limit with a counter (see `useLimit`), not a cut.
 */
export function TextField(props: TextFieldProps) {
  return <TextControl tag="input" {...props} />;
}

/** A labelled multi-line input; same wiring (and said limit) as TextField. */
export function TextAreaField(props: TextAreaFieldProps) {
  return <TextControl tag="textarea" rows={4} {...props} />;
}

function TextControl({
  tag: Tag,
  label,
  hint,
  error,
  optionalLabel,
  className,
  id,
  maxLength,
  onChange,
  ...input
}: (TextFieldProps | TextAreaFieldProps) & { tag: 'input' | 'textarea' }) {
  const { t } = useI18n();
  const ids = useFieldIds(id);
  const limit = useLimit(maxLength, input.defaultValue ?? input.value);
  const shownError = useFieldError(input.name, error);
  const invalid = !!shownError || (limit?.over ?? 0) > 0;
  const control = {
    ...input,
    id: ids.inputId,
    className: inputClasses(invalid),
    'aria-invalid': invalid || undefined,
    'data-over-limit': limit && limit.over > 0 ? 'true' : undefined,
    'aria-describedby': describedBy(
      { hint: !!(hint || limit), error: !!shownError, count: !!limit },
      ids,
      input['aria-describedby'],
    ),
    onChange: (e: ChangeEvent<HTMLInputElement & HTMLTextAreaElement>) => {
      limit?.setLength(e.currentTarget.value.length);
      (onChange as ((e: ChangeEvent<HTMLInputElement & HTMLTextAreaElement>) => void) | undefined)?.(e);
    },
  };
  return (
    <FieldFrame
      {...{ label, hint, error: shownError, optionalLabel, className }}
      {...ids}
      limitHint={limit ? t('ui.field.limit', { max: limit.max }) : undefined}
    >
      <Tag {...(control as ComponentProps<'input'> & ComponentProps<'textarea'>)} />
      {limit ? <LimitCounter limit={limit} id={ids.countId} /> : null}
    </FieldFrame>
  );
}

export type SelectFieldProps = FieldOwnProps &
  Omit<ComponentProps<'select'>, 'className'> & { options: { value: string; label: string }[] };

/** A labelled native select (keyboard and screen readers work as usual). */
export function SelectField({
  label,
  hint,
  error,
  optionalLabel,
  className,
  id,
  options,
  ...select
}: SelectFieldProps) {
  const ids = useFieldIds(id);
  const shownError = useFieldError(select.name, error);
  return (
    <FieldFrame {...{ label, hint, error: shownError, optionalLabel, className }} {...ids}>
      <select
        {...select}
        id={ids.inputId}
        className={inputClasses(!!shownError)}
        aria-invalid={shownError ? true : undefined}
        aria-describedby={describedBy(
          { hint: !!hint, error: !!shownError, count: false },
          ids,
          select['aria-describedby'],
        )}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
