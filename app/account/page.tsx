import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getSessionUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { translator } from '@/lib/i18n';
import { listMyNetworks } from '@/lib/networks';
import { Alert, Card, EmptyState, PageHeader } from '@/app/_components/ui';
import { requestLocale } from '@/app/_lib/locale';
import { AccountForms } from './account-forms';
import { LeaveNetworkButton } from './leave-network';
import { NotificationSettingsForm } from './notification-settings';
import { getNotificationSettings } from '@/lib/notifications/prefs';

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await requestLocale())('account.title') };
}

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ left?: string | string[] }> }) {
  const user = await getSessionUser();
  if (!user) redirect('/signin?callbackUrl=%2Faccount');
  const t = translator(await requestLocale());
  const db = await getDb();
  const networks = await listMyNetworks(db, user.id);
  const notifications = await getNotificationSettings(db, { userId: user.id });
  const left = (await searchParams).left;
  const leftName = typeof left === 'string' ? left.slice(0, 200) : null;
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
        <NotificationSettingsForm initial={notifications} />
        <Card title={t('networks.leave.mine')} id="my-networks">
          {leftName ? <Alert tone="success">{t('networks.leave.done', { network: leftName })}</Alert> : null}
          {networks.length === 0 ? (
            <EmptyState title={t('networks.leave.none')} />
          ) : (
            <>
              <p className="mb-2 text-stone-700">{t('networks.leave.mineIntro')}</p>
              <ul className="divide-y divide-stone-200">
                {networks.map((n) => (
                  <li key={n.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                    <div>
                      <Link
                        href={`/networks/${n.id}`}
                        className="font-semibold text-brand-800 underline-offset-4 hover:underline"
                      >
                        {n.name}
                      </Link>
                      <p className="text-sm text-stone-700">
                        {t(`networks.role.${n.role}`)}
                        {n.organisationName ? ` · ${n.organisationName}` : ''}
                      </p>
                    </div>
                    <LeaveNetworkButton
                      networkId={n.id}
                      networkName={n.name}
                      label={t('networks.leave.buttonFor', { network: n.name })}
                      afterLeave="refresh"
                    />
                  </li>
                ))}
              </ul>
            </>
          )}
        </Card>
      </div>
    </div>
  );
}
