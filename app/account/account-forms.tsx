'use client';

import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useState } from 'react';
import { LOCALES, type Locale } from '@/lib/i18n/locales';
import { Alert, Button, Card, Form, FormError, TextField, useForm } from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';
import { api, errorText } from '@/app/_lib/api-client';
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
  const [value, setValue] = useState<Locale>(savedLocale);
  const form = useForm({
    read: () => ({ locale: value }),
    submit: (body) => api.post('/api/account/locale', body),
    refresh: true,
  });

  return (
    <Card title={t('account.language')}>
      <Form form={form}>
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
        {form.result !== null ? <Alert tone="success">{t('account.language.saved')}</Alert> : null}
        <Button type="submit" busy={form.busy} className="mt-4">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}

type PasswordChange = { currentPassword: string; newPassword: string };

function ChangePasswordForm({ email }: { email: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [signingIn, setSigningIn] = useState(false);
  const form = useForm({
    read: (data): PasswordChange => ({
      currentPassword: String(data.get('currentPassword') ?? ''),
      newPassword: String(data.get('newPassword') ?? ''),
    }),
    submit: (body: PasswordChange) => api.post('/api/account/password', body),
    onSuccess: async (_res, { body, form: formEl }) => {
      // The change ended every session, this one too: sign this browser in again.
      setSigningIn(true);
      const again = await signIn('credentials', { email, password: body.newPassword, redirect: false }).catch(
        () => null,
      );
      setSigningIn(false);
      if (!again?.ok || again.error) {
        router.push('/signin?callbackUrl=%2Faccount');
        return;
      }
      formEl?.reset();
      router.refresh();
    },
  });

  return (
    <Card title={t('account.changePassword')}>
      <Form form={form}>
        {/* Lets password managers know which account the new password belongs to. */}
        <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
        {form.result !== null && !signingIn ? <Alert tone="success">{t('account.changePassword.done')}</Alert> : null}
        <TextField
          label={t('account.currentPassword')}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
        />
        <TextField
          label={t('account.newPassword')}
          hint={t('auth.passwordHint')}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
        />
        <Button type="submit" busy={form.busy || signingIn}>
          {t('account.changePassword.submit')}
        </Button>
      </Form>
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
            try {
              await api.post('/api/account/sign-out-everywhere');
            } catch (err) {
              setBusy(false);
              setError(errorText(err, t));
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
