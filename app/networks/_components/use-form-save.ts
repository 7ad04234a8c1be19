'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useI18n } from '@/app/_components/providers';
import { api, ApiError } from './api';

/**
 * The plumbing every network form shares: on submit, read the form into a
 * body, send it, refresh the server-rendered page on success and remember the
 * result for a success message; a refusal's message and per-field messages
 * come back as the API wrote them (in the person's language).
 */
export function useFormSave<TBody, TResult = unknown>({
  method,
  url,
  read,
  onSaved,
  refresh = true,
}: {
  method: 'POST' | 'PATCH';
  url: string;
  /** Turns the submitted form into the request body. */
  read: (form: FormData) => TBody;
  /** Runs after a successful save, before the page refreshes (e.g. reset the form). */
  onSaved?: (result: TResult, form: HTMLFormElement) => void;
  /** Re-render the server parts of the page after a save (default); off when onSaved navigates away. */
  refresh?: boolean;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const [result, setResult] = useState<TResult | null>(null);
  const mutation = useMutation({
    mutationFn: ({ body }: { body: TBody; form: HTMLFormElement }) =>
      api<TResult>(method, url, body, t('errors.network')),
    onSuccess: (res, { form }) => {
      setResult(res);
      onSaved?.(res, form);
      if (refresh) router.refresh();
    },
  });

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setResult(null);
    const form = e.currentTarget;
    mutation.mutate({ body: read(new FormData(form)), form });
  }

  return {
    onSubmit,
    /** The last successful answer (cleared on the next submit). */
    result,
    busy: mutation.isPending,
    errorMessage: mutation.error?.message,
    fieldErrors: mutation.error instanceof ApiError ? mutation.error.fields : ({} as Record<string, string>),
  };
}
