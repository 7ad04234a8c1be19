'use client';

import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useState } from 'react';
import { LOCALES, type Locale } from '@/lib/i18n/locales';
import { Button, ConfirmDialog, Dialog, Form, TextField, useForm, useToast } from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';
import { api, errorText } from '@/app/_lib/api-client';
import { signOutAndForget } from '@/app/_components/collab/sign-out';
import { unsentChanges } from '@/app/_components/collab/local-copies';

/** "Change language": the saved interface language, chosen in a dialog. */
export function ChangeLanguage({ savedLocale }: { savedLocale: Locale }) {
  const { t } = useI18n();
  return (
    <Dialog
      title={t('account.language')}
      description={t('account.language.intro')}
      trigger={
        <Button variant="secondary" size="sm">
          {t('account.language.change')}
        </Button>
      }
    >
      {(close) => <LanguageForm savedLocale={savedLocale} onDone={close} />}
    </Dialog>
  );
}

function LanguageForm({ savedLocale, onDone }: { savedLocale: Locale; onDone: () => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const [value, setValue] = useState<Locale>(savedLocale);
  const form = useForm({
    read: () => ({ locale: value }),
    submit: (body) => api.post('/api/account/locale', body),
    onSuccess: () => {
      toast(t('account.language.saved'), 'success');
      onDone();
    },
    refresh: true,
  });

  return (
    <Form form={form}>
      <fieldset>
        <legend className="sr-only">{t('account.language')}</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          {LOCALES.map((l) => (
            <label key={l} className="flex min-h-11 items-center gap-2" lang={l}>
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
      <div className="mt-6 flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" busy={form.busy}>
          {t('common.save')}
        </Button>
      </div>
    </Form>
  );
}

/** "Change password": current and new password in a dialog; this browser signs in again afterwards. */
export function ChangePassword({ email }: { email: string }) {
  const { t } = useI18n();
  return (
    <Dialog
      title={t('account.changePassword')}
      description={t('account.password.summary')}
      trigger={
        <Button variant="secondary" size="sm">
          {t('account.changePassword')}
        </Button>
      }
    >
      {(close) => <ChangePasswordForm email={email} onDone={close} />}
    </Dialog>
  );
}

type PasswordChange = { currentPassword: string; newPassword: string };

function ChangePasswordForm({ email, onDone }: { email: string; onDone: () => void }) {
  const { t } = useI18n();
  const router = useRouter();
  const toast = useToast();
  const [signingIn, setSigningIn] = useState(false);
  const form = useForm({
    read: (data): PasswordChange => ({
      currentPassword: String(data.get('currentPassword') ?? ''),
      newPassword: String(data.get('newPassword') ?? ''),
    }),
    submit: (body: PasswordChange) => api.post('/api/account/password', body),
    onSuccess: async (_res, { body }) => {
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
      toast(t('account.changePassword.done'), 'success');
      onDone();
      router.refresh();
    },
  });

  return (
    <Form form={form}>
      {/* Lets password managers know which account the new password belongs to. */}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
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
      <div className="mt-2 flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" busy={form.busy || signingIn}>
          {t('account.changePassword.save')}
        </Button>
      </div>
    </Form>
  );
}

/**
 * "Sign out on all devices" behind a confirmation, which also says how many
 * changes this browser has not sent yet (they would be lost). Afterwards this
 * browser forgets its offline copies and goes to the sign-in page.
 */
export function SignOutEverywhere() {
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [unsent, setUnsent] = useState(0);
  return (
    <ConfirmDialog
      title={t('account.signOutEverywhere.confirmTitle')}
      trigger={<Button variant="secondary">{t('account.signOutEverywhere.submit')}</Button>}
      confirmLabel={t('account.signOutEverywhere.confirmYes')}
      variant="danger"
      busy={busy}
      error={error}
      onOpenChange={(open) => {
        if (open) setUnsent(unsentChanges());
        else setError(null);
      }}
      onConfirm={async () => {
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
      }}
    >
      <p>{t('account.signOutEverywhere.confirmText')}</p>
      {unsent > 0 ? (
        <p className="mt-2 font-semibold text-stone-900">{t('auth.signOut.unsentMany', { count: unsent })}</p>
      ) : null}
    </ConfirmDialog>
  );
}
