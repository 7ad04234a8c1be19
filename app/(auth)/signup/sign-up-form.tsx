'use client';

import Link from '@/app/_components/ui/link';
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useState } from 'react';
import { Button, Form, TextField, useForm } from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';
import { api } from '@/app/_lib/api-client';

type SignUp = { name: string; email: string; password: string; locale: string };

/** Creates the account, then signs in through next-auth with the same credentials. */
export function SignUpForm({ callbackPath }: { callbackPath: string }) {
  const { t, locale } = useI18n();
  const router = useRouter();
  const [signingIn, setSigningIn] = useState(false);
  const form = useForm({
    read: (data): SignUp => ({
      name: String(data.get('name') ?? ''),
      email: String(data.get('email') ?? ''),
      password: String(data.get('password') ?? ''),
      locale,
    }),
    submit: (body: SignUp) => api.post<{ id: string }>('/api/account/signup', body),
    onSuccess: async (_res, { body }) => {
      setSigningIn(true);
      const signed = await signIn('credentials', { email: body.email, password: body.password, redirect: false }).catch(
        () => null,
      );
      if (!signed?.ok || signed.error) {
        router.push('/signin');
        return;
      }
      // Signed in now: the account's language (just saved) applies; this forgets the browser's own cookie.
      await api.post('/api/account/locale', { locale }).catch(() => undefined);
      router.replace(callbackPath);
      router.refresh();
    },
  });
  const busy = form.busy || signingIn;

  return (
    <Form form={form}>
      <TextField label={t('auth.name')} hint={t('auth.nameHint')} name="name" autoComplete="name" required />
      <TextField label={t('auth.email')} name="email" type="email" autoComplete="email" required />
      <TextField
        label={t('auth.password')}
        hint={t('auth.passwordHint')}
        name="password"
        type="password"
        autoComplete="new-password"
        required
      />
      <Button type="submit" busy={busy} className="w-full">
        {busy ? t('auth.signUp.busy') : t('auth.signUp.submit')}
      </Button>
      <p className="mt-4 text-sm">
        {t('auth.signUp.haveAccount')}{' '}
        <Link href="/signin" className="text-brand-800 underline underline-offset-4">
          {t('nav.signIn')}
        </Link>
      </p>
    </Form>
  );
}
