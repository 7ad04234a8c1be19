'use client';

import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { LOCALES, type Locale } from '@/lib/i18n';
import { Alert, Button, Card, FormError, TextField } from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';
import { postJson } from '@/app/(auth)/_components/post-json';
import { signOutAndForget, useGuardedSignOut } from '@/app/_components/collab/sign-out';

/** Language, change password and sign out everywhere. */
export function AccountForms({ email, savedLocale }: { email: string; savedLocale: Locale }) {
  return (
    <>
      <LanguageForm savedLocale={savedLocale} />
      <ChangePasswordForm email={email} />
      <SignOutEverywhere />
    </>
  );
}

function LanguageForm({ savedLocale }: { savedLocale: Locale }) {
  const { t } = useI18n();
  const router = useRouter();
  const [value, setValue] = useState<Locale>(savedLocale);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setStatus(null);
    const res = await postJson('/api/account/locale', { locale: value }, t('errors.network'));
    setBusy(false);
    if (!res.ok) return setStatus({ ok: false, message: res.message });
    setStatus({ ok: true, message: 'account.language.saved' });
    router.refresh();
  }

  return (
    <Card title={t('account.language')}>
      <form onSubmit={onSubmit}>
        <fieldset>
          <legend className="mb-2 text-stone-700">{t('account.language.intro')}</legend>
          <div className="flex flex-wrap gap-4">
            {LOCALES.map((l) => (
              <label key={l} className="flex min-h-9 items-center gap-2" lang={l}>
                <input
                  type="radio"
                  name="locale"
                  value={l}
                  checked={value === l}
                  onChange={() => setValue(l)}
                  className="size-4 accent-brand-700"
                />
                {t(`lang.${l}`)}
              </label>
            ))}
          </div>
        </fieldset>
        {status ? (
          <Alert tone={status.ok ? 'success' : 'error'}>{status.ok ? t(status.message) : status.message}</Alert>
        ) : null}
        <Button type="submit" busy={busy} className="mt-4">
          {t('common.save')}
        </Button>
      </form>
    </Card>
  );
}

function ChangePasswordForm({ email }: { email: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const form = new FormData(formEl);
    const currentPassword = String(form.get('currentPassword') ?? '');
    const newPassword = String(form.get('newPassword') ?? '');
    setBusy(true);
    setDone(false);
    setError(null);
    setFields({});
    const res = await postJson('/api/account/password', { currentPassword, newPassword }, t('errors.network'));
    if (!res.ok) {
      setBusy(false);
      setFields(res.fields);
      setError(Object.keys(res.fields).length ? t('auth.form.checkFields') : res.message);
      return;
    }
    // The change ended every session, this one too: sign this browser in again.
    const again = await signIn('credentials', { email, password: newPassword, redirect: false }).catch(() => null);
    setBusy(false);
    if (!again?.ok || again.error) {
      router.push('/signin?callbackUrl=%2Faccount');
      return;
    }
    formEl.reset();
    setDone(true);
    router.refresh();
  }

  return (
    <Card title={t('account.changePassword')}>
      <form onSubmit={onSubmit} noValidate>
        <FormError message={error} />
        {/* Lets password managers know which account the new password belongs to. */}
        <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
        {done ? <Alert tone="success">{t('account.changePassword.done')}</Alert> : null}
        <TextField
          label={t('account.currentPassword')}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          error={fields.currentPassword}
        />
        <TextField
          label={t('account.newPassword')}
          hint={t('auth.passwordHint')}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          error={fields.newPassword}
        />
        <Button type="submit" busy={busy}>
          {t('account.changePassword.submit')}
        </Button>
      </form>
    </Card>
  );
}

function SignOutEverywhere() {
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { guard, dialog } = useGuardedSignOut();
  return (
    <Card title={t('account.signOutEverywhere')}>
      <p className="mb-4 text-stone-700">{t('account.signOutEverywhere.intro')}</p>
      <FormError message={error} />
      <Button
        variant="danger"
        busy={busy}
        onClick={() =>
          guard(async () => {
            setBusy(true);
            setError(null);
            const res = await postJson('/api/account/sign-out-everywhere', {}, t('errors.network'));
            if (!res.ok) {
              setBusy(false);
              setError(res.message);
              return;
            }
            // This browser's offline copies go too (other devices forget theirs when they find the session gone).
            await signOutAndForget({ callbackUrl: '/signin', locale });
          })
        }
      >
        {t('account.signOutEverywhere.submit')}
      </Button>
      {dialog}
    </Card>
  );
}
