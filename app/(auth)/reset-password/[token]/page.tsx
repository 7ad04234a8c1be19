import type { Metadata } from 'next';
import { isResetTokenValid } from '@/lib/auth/password-reset';
import { getDb } from '@/lib/db';
import { translator } from '@/lib/i18n';
import { Alert, LinkButton } from '@/app/_components/ui';
import { requestLocale } from '@/app/_lib/locale';
import { AuthCard } from '../../_components/auth-card';
import { ResetPasswordForm } from './reset-password-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await requestLocale())('auth.reset.title'), referrer: 'no-referrer' };
}

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = translator(await requestLocale());
  const valid = token.length <= 200 && (await isResetTokenValid(await getDb(), token));
  return (
    <AuthCard title={t('auth.reset.title')}>
      {valid ? (
        <ResetPasswordForm token={token} />
      ) : (
        <>
          <Alert tone="error">{t('auth.reset.invalidToken')}</Alert>
          <LinkButton href="/forgot-password" variant="secondary">
            {t('auth.reset.requestNew')}
          </LinkButton>
        </>
      )}
    </AuthCard>
  );
}
