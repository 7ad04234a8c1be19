'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, type ComponentProps, type FormEvent, type ReactNode } from 'react';
import { useI18n } from '@/app/_components/providers';
import { ApiError, errorText } from '@/app/_lib/api-client';
import { FormError } from './alert';
import { FormErrorsContext } from './form-context';

export interface UseFormOptions<TBody, TResult> {
  /** Turns the submitted form into the request body (default: its fields as strings). */
  read?: (data: FormData, form: HTMLFormElement) => TBody;
  /** Sends the body, usually `(body) => api.post(url, body)`. Throw an ApiError to refuse. */
  submit: (body: TBody) => Promise<TResult>;
  /** After a successful answer (e.g. reset the form, close a dialog, toast, navigate). */
  onSuccess?: (result: TResult, ctx: { form: HTMLFormElement | null; body: TBody }) => void | Promise<void>;
  /** Re-render the server parts of the page after success (`router.refresh()`). */
  refresh?: boolean;
}

export interface FormState<TBody, TResult> {
  /** Put on `<form onSubmit>` (or use `<Form form={…}>`, which also shows errors). */
  onSubmit: (e: FormEvent<HTMLFormElement>) => void;
  /** Sends a body without a form (a button's action); same busy and error handling. */
  send: (body: TBody) => void;
  busy: boolean;
  /** The form's message: the server's, "check the marked fields", or "server not reachable". */
  error: string | null;
  /** The server's per-field messages by field name (the body's path: `amount`, `indicators.0.label`). */
  fieldErrors: Record<string, string>;
  /** The last successful answer (cleared when the form is sent again). */
  result: TResult | null;
  /** Forgets error and result (e.g. when a dialog closes). */
  reset: () => void;
  /** @internal the form element, for focusing the first invalid field */
  formRef: React.RefObject<HTMLFormElement | null>;
}

/** Reads every named field of a form as a string (the default `read`). */
export function formValues(data: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of data.entries()) if (typeof v === 'string') out[k] = v;
  return out;
}

/**
 * The one form hook: busy while sending, the server's refusal as a message,
 * field errors mapped onto the fields by name (inside `<Form>`), the first
 * invalid field focused, text over a field's limit kept and not sent.
 *
 *   const form = useForm({ submit: (body) => api.post(`/api/networks/${id}/goals`, body), refresh: true });
 *   <Form form={form} aria-label={…}>
 *     <TextField name="title" label={…} maxLength={200} />
 *     <Button type="submit" busy={form.busy}>{t('common.save')}</Button>
 *   </Form>
 */
export function useForm<TBody = Record<string, string>, TResult = unknown>(
  opts: UseFormOptions<TBody, TResult>,
): FormState<TBody, TResult> {
  const { t } = useI18n();
  const router = useRouter();
  const formRef = useRef<HTMLFormElement | null>(null);
  const [result, setResult] = useState<TResult | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const optsRef = useRef(opts);
  useEffect(() => {
    optsRef.current = opts;
  });

  const mutation = useMutation({
    // TanStack Query pauses mutations while the browser says it is offline ('online' mode): the form would stay
    // busy forever. Our submit functions decide themselves (the outbox queues when the server is unreachable).
    networkMode: 'always',
    mutationFn: (body: TBody) => optsRef.current.submit(body),
    onSuccess: async (res, body) => {
      setResult(res);
      await optsRef.current.onSuccess?.(res, { form: formRef.current, body });
      if (optsRef.current.refresh) router.refresh();
    },
  });

  const fieldErrors = mutation.error instanceof ApiError ? mutation.error.fields : {};
  let error: string | null = localError;
  if (!error && mutation.error) {
    const form = formRef.current;
    const names = Object.keys(fieldErrors);
    const allShown = names.length > 0 && !!form && names.every((n) => form.elements.namedItem(n));
    error = allShown ? t('ui.form.checkFields') : errorText(mutation.error, t);
  }

  // After a refusal with field errors, move focus to the first marked field.
  useEffect(() => {
    if (!mutation.error && !localError) return;
    const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    first?.focus();
  }, [mutation.error, localError]);

  function send(body: TBody) {
    setResult(null);
    setLocalError(null);
    mutation.mutate(body);
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    formRef.current = form;
    if (mutation.isPending) return;
    if (form.querySelector('[data-over-limit="true"]')) {
      mutation.reset();
      setLocalError(t('ui.form.tooLong'));
      return;
    }
    const data = new FormData(form);
    send(optsRef.current.read ? optsRef.current.read(data, form) : (formValues(data) as TBody));
  }

  return {
    onSubmit,
    send,
    busy: mutation.isPending,
    error,
    fieldErrors,
    result,
    reset: () => {
      setResult(null);
      setLocalError(null);
      mutation.reset();
    },
    formRef,
  };
}

/**
 * A `<form>` wired to `useForm`: the form's error at the top (role="alert"),
 * the server's field errors on the fields of the same name, no browser
 * validation bubbles (the server's words are the ones shown).
 */
export function Form<TBody, TResult>({
  form,
  children,
  ...rest
}: { form: FormState<TBody, TResult>; children: ReactNode } & Omit<ComponentProps<'form'>, 'onSubmit' | 'ref'>) {
  return (
    <form
      ref={(el) => {
        form.formRef.current = el;
      }}
      onSubmit={form.onSubmit}
      noValidate
      aria-busy={form.busy || undefined}
      {...rest}
    >
      <FormError message={form.error} />
      <FormErrorsContext.Provider value={form.fieldErrors}>{children}</FormErrorsContext.Provider>
    </form>
  );
}
