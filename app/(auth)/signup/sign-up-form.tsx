'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { Button, FormError, TextField } from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';
import { postJson } from '../_components/post-json';

/** Creates the account, then signs in through next-auth with the same credentials. */
export function SignUpForm({ callbackPath }: { callbackPath: string }) {
  const { t, locale } = useI18n();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const email = String(form.get('email') ?? '');
    const password = String(form.get('password') ?? '');
    setBusy(true);
    setError(null);
    setFields({});
    const res = await postJson<{ id: string }>(
      '/api/account/signup',
      { name: String(form.get('name') ?? ''), email, password, locale },
      t('errors.network'),
    );
    if (!res.ok) {
      setBusy(false);
      setFields(res.fields);
      setError(
        res.code === 'invalid_input' && Object.keys(res.fields).length ? t('auth.form.checkFields') : res.message,
      );
      return;
    }
    const signed = await signIn('credentials', { email, password, redirect: false }).catch(() => null);
    if (!signed?.ok || signed.error) {
      router.push('/signin');
      return;
    }
    // Signed in now: the account's language (just saved) applies; this forgets the browser's own cookie.
    await postJson('/api/account/locale', { locale }, t('errors.network'));
    router.replace(callbackPath);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={error} />
      <TextField
        label={t('auth.name')}
        hint={t('auth.nameHint')}
        name="name"
        autoComplete="name"
        required
        error={fields.name}
      />
      <TextField label={t('auth.email')} name="email" type="email" autoComplete="email" required error={fields.email} />
      <TextField
        label={t('auth.password')}
        hint={t('auth.passwordHint')}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        error={fields.password}
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
    </form>
  );
}
