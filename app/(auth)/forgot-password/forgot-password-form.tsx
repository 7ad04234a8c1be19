'use client';

import { Alert, Button, Form, TextField, useForm } from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';
import { api } from '@/app/_lib/api-client';

/** Asks for a reset link; the answer is the same whether or not the account exists. */
export function ForgotPasswordForm() {
  const { t } = useI18n();
  const form = useForm({ submit: (body) => api.post('/api/account/password-reset', body) });

  if (form.result !== null) return <Alert tone="success">{t('auth.forgot.sent')}</Alert>;
  return (
    <Form form={form}>
      <TextField label={t('auth.email')} name="email" type="email" autoComplete="email" required />
      <Button type="submit" busy={form.busy} className="w-full">
        {t('auth.forgot.submit')}
      </Button>
    </Form>
  );
}
