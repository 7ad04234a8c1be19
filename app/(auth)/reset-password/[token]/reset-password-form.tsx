'use client';

import { Alert, Button, Form, LinkButton, TextField, useForm } from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';
import { api } from '@/app/_lib/api-client';

/** Sets the new password with the emailed token, then points to sign-in. */
export function ResetPasswordForm({ token }: { token: string }) {
  const { t } = useI18n();
  const form = useForm({
    read: (data) => ({ token, password: String(data.get('password') ?? '') }),
    submit: (body) => api.post('/api/account/password-reset/confirm', body),
  });

  if (form.result !== null) {
    return (
      <>
        <Alert tone="success">{t('auth.reset.done')}</Alert>
        <LinkButton href="/signin">{t('nav.signIn')}</LinkButton>
      </>
    );
  }
  return (
    <Form form={form}>
      <TextField
        label={t('auth.reset.newPassword')}
        hint={t('auth.passwordHint')}
        name="password"
        type="password"
        autoComplete="new-password"
        required
      />
      <Button type="submit" busy={form.busy} className="w-full">
        {t('auth.reset.submit')}
      </Button>
    </Form>
  );
}
