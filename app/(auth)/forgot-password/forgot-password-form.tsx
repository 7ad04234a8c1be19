'use client';

import { useState, type FormEvent } from 'react';
import { Alert, Button, FormError, TextField } from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';
import { postJson } from '../_components/post-json';

/** Asks for a reset link; the answer is the same whether or not the account exists. */
export function ForgotPasswordForm() {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const email = String(new FormData(e.currentTarget).get('email') ?? '');
    setBusy(true);
    setError(null);
    setFieldError(undefined);
    const res = await postJson('/api/account/password-reset', { email }, t('errors.network'));
    setBusy(false);
    if (res.ok) setSent(true);
    else if (res.fields.email) setFieldError(res.fields.email);
    else setError(res.message);
  }

  if (sent) return <Alert tone="success">{t('auth.forgot.sent')}</Alert>;
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={error} />
      <TextField label={t('auth.email')} name="email" type="email" autoComplete="email" required error={fieldError} />
      <Button type="submit" busy={busy} className="w-full">
        {t('auth.forgot.submit')}
      </Button>
    </form>
  );
}
