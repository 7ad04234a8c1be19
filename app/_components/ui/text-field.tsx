import { useId, type ComponentProps, type ReactNode } from 'react';
import { cx } from './cx';

interface FieldOwnProps {
  /** The visible label (always shown: placeholders are not labels). */
  label: ReactNode;
  /** A short help text under the label. */
  hint?: ReactNode;
  /** The error for this field, in the person's language; sets aria-invalid. */
  error?: string | null;
  /** Shown after the label as "(optional)"; pass the translated word. */
  optionalLabel?: string;
  className?: string;
}

const inputClasses = (invalid: boolean) =>
  cx(
    'mt-1 block w-full rounded-md border bg-white px-3 py-2 text-base text-stone-900',
    'focus-visible:outline-3 focus-visible:outline-offset-1',
    invalid ? 'border-red-700' : 'border-stone-500',
  );

function useFieldIds(id: string | undefined) {
  const auto = useId();
  const inputId = id ?? `f${auto.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  return { inputId, hintId: `${inputId}-hint`, errorId: `${inputId}-error` };
}

function describedBy(hint: unknown, error: unknown, ids: { hintId: string; errorId: string }, extra?: string) {
  return [hint ? ids.hintId : '', error ? ids.errorId : '', extra ?? ''].filter(Boolean).join(' ') || undefined;
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
  children,
}: FieldOwnProps & { inputId: string; hintId: string; errorId: string; children: ReactNode }) {
  return (
    <div className={cx('mb-4', className)}>
      <label htmlFor={inputId} className="block font-medium text-stone-900">
        {label}
        {optionalLabel ? <span className="ml-1 font-normal text-stone-600">({optionalLabel})</span> : null}
      </label>
      {hint ? (
        <p id={hintId} className="mt-0.5 text-sm text-stone-600">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={errorId} className="mt-1 text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export type TextFieldProps = FieldOwnProps & Omit<ComponentProps<'input'>, 'className'>;

/**
 * A labelled input. The label, hint and error are tied to the input
 * (`htmlFor`, `aria-describedby`, `aria-invalid`), so screen readers read them
 * with the field. Give it a `name` for forms; `id` is generated if missing.
 */
export function TextField({ label, hint, error, optionalLabel, className, id, ...input }: TextFieldProps) {
  const ids = useFieldIds(id);
  return (
    <FieldFrame {...{ label, hint, error, optionalLabel, className }} {...ids}>
      <input
        id={ids.inputId}
        className={inputClasses(!!error)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint, error, ids, input['aria-describedby'])}
        {...input}
      />
    </FieldFrame>
  );
}

export type TextAreaFieldProps = FieldOwnProps & Omit<ComponentProps<'textarea'>, 'className'>;

/** A labelled multi-line input; same wiring as TextField. */
export function TextAreaField({ label, hint, error, optionalLabel, className, id, ...input }: TextAreaFieldProps) {
  const ids = useFieldIds(id);
  return (
    <FieldFrame {...{ label, hint, error, optionalLabel, className }} {...ids}>
      <textarea
        id={ids.inputId}
        rows={4}
        className={inputClasses(!!error)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint, error, ids, input['aria-describedby'])}
        {...input}
      />
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
  return (
    <FieldFrame {...{ label, hint, error, optionalLabel, className }} {...ids}>
      <select
        id={ids.inputId}
        className={inputClasses(!!error)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint, error, ids, select['aria-describedby'])}
        {...select}
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
