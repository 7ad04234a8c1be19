import type { Metadata } from 'next';
import { translator } from '@/lib/i18n';
import { requestLocale } from '@/app/_lib/locale';
import { AuthCard } from '../_components/auth-card';
import { ForgotPasswordForm } from './forgot-password-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await requestLocale())('auth.forgot.title') };
}

export default async function ForgotPasswordPage() {
  const t = translator(await requestLocale());
  return (
    <AuthCard title={t('auth.forgot.title')} intro={t('auth.forgot.intro')}>
      <ForgotPasswordForm />
    </AuthCard>
  );
}
