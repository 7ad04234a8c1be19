'use client';

import { useState, type FormEvent } from 'react';
import { Alert, Button, FormError, LinkButton, TextField } from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';
import { postJson } from '../../_components/post-json';

/** Sets the new password with the emailed token, then points to sign-in. */
export function ResetPasswordForm({ token }: { token: string }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const password = String(new FormData(e.currentTarget).get('password') ?? '');
    setBusy(true);
    setError(null);
    setFieldError(undefined);
    const res = await postJson('/api/account/password-reset/confirm', { token, password }, t('errors.network'));
    setBusy(false);
    if (res.ok) setDone(true);
    else if (res.fields.password) setFieldError(res.fields.password);
    else setError(res.message);
  }

  if (done) {
    return (
      <>
        <Alert tone="success">{t('auth.reset.done')}</Alert>
        <LinkButton href="/signin">{t('nav.signIn')}</LinkButton>
      </>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={error} />
      <TextField
        label={t('auth.reset.newPassword')}
        hint={t('auth.passwordHint')}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        error={fieldError}
      />
      <Button type="submit" busy={busy} className="w-full">
        {t('auth.reset.submit')}
      </Button>
    </form>
  );
}
