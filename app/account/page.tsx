import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getSessionUser } from '@/lib/auth/session';
import { translator } from '@/lib/i18n';
import { Card, PageHeader } from '@/app/_components/ui';
import { requestLocale } from '@/app/_lib/locale';
import { AccountForms } from './account-forms';

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await requestLocale())('account.title') };
}

export default async function AccountPage() {
  const user = await getSessionUser();
  if (!user) redirect('/signin?callbackUrl=%2Faccount');
  const t = translator(await requestLocale());
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title={t('account.title')} description={t('account.signedInAs', { email: user.email })} />
      <div className="flex flex-col gap-6">
        <Card title={t('account.profile')}>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="font-medium">{t('auth.name')}</dt>
            <dd data-testid="account-name">{user.name}</dd>
            <dt className="font-medium">{t('auth.email')}</dt>
            <dd>{user.email}</dd>
          </dl>
        </Card>
        {/* Keyed by the saved language, so a switch in the header also resets the form here. */}
        <AccountForms key={user.locale} email={user.email} savedLocale={user.locale} />
      </div>
    </div>
  );
}
