'use client';

import Link from '@/app/_components/ui/link';
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { Button, FormError, TextField } from '@/app/_components/ui';
import { isLocale } from '@/lib/i18n/locales';
import { api } from '@/app/_lib/api-client';
import { useI18n } from '@/app/_components/providers';

/** Maps next-auth's error code to a message (wrong credentials and unknown account read the same). */
export function signInErrorKey(code: string | null | undefined): string | null {
  if (!code) return null;
  return code === 'throttled' ? 'auth.signIn.throttled' : 'auth.signIn.failed';
}

/**
 * After signing in, the language saved on the account wins. Asking for it
 * again while signed in also removes this browser's own language cookie, so
 * from now on every page follows the account (even after a change made on
 * another device).
 */
async function adoptSavedLocale(): Promise<void> {
  try {
    const me = await api.get<{ locale?: string }>('/api/account');
    if (isLocale(me.locale)) await api.post('/api/account/locale', { locale: me.locale });
  } catch {
    // Only a convenience: the page still works in the current language.
  }
}

export function SignInForm({ callbackPath, initialError }: { callbackPath: string; initialError?: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [error, setError] = useState<string | null>(signInErrorKey(initialError));
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    const res = await signIn('credentials', {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      redirect: false,
    }).catch(() => null);
    if (!res) {
      setBusy(false);
      setError('errors.network');
      return;
    }
    if (res.error || !res.ok) {
      setBusy(false);
      setError(signInErrorKey(res.error ?? 'CredentialsSignin'));
      return;
    }
    await adoptSavedLocale();
    router.replace(callbackPath);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={error ? t(error) : null} />
      <TextField label={t('auth.email')} name="email" type="email" autoComplete="username" required />
      <TextField label={t('auth.password')} name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" busy={busy} className="w-full">
        {busy ? t('auth.signIn.busy') : t('auth.signIn.submit')}
      </Button>
      <div className="mt-4 flex flex-col gap-2 text-sm">
        <Link href="/forgot-password" className="text-brand-800 underline underline-offset-4">
          {t('auth.signIn.forgot')}
        </Link>
        <p>
          {t('auth.signIn.noAccount')}{' '}
          <Link
            href={callbackPath === '/' ? '/signup' : `/signup?callbackUrl=${encodeURIComponent(callbackPath)}`}
            className="text-brand-800 underline underline-offset-4"
          >
            {t('nav.signUp')}
          </Link>
        </p>
      </div>
    </form>
  );
}
