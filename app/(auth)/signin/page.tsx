import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { safeCallbackPath } from '@/lib/auth/redirect';
import { getSessionUser } from '@/lib/auth/session';
import { translator } from '@/lib/i18n';
import { ForgetLocalCopies } from '@/app/_components/collab/forget-local-copies';
import { requestLocale } from '@/app/_lib/locale';
import { AuthCard } from '../_components/auth-card';
import { SignInForm } from './sign-in-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await requestLocale())('auth.signIn.title') };
}

type Search = Promise<{ callbackUrl?: string | string[]; error?: string | string[] }>;

export default async function SignInPage({ searchParams }: { searchParams: Search }) {
  const sp = await searchParams;
  const callback = safeCallbackPath(typeof sp.callbackUrl === 'string' ? sp.callbackUrl : undefined);
  if (await getSessionUser()) redirect(callback);
  const t = translator(await requestLocale());
  return (
    <AuthCard title={t('auth.signIn.title')}>
      {/* Nobody is signed in here: offline copies of an ended session must not stay readable. */}
      <ForgetLocalCopies />
      <SignInForm callbackPath={callback} initialError={typeof sp.error === 'string' ? sp.error : undefined} />
    </AuthCard>
  );
}
