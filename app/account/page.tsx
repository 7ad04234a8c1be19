import type { Metadata } from 'next';
import Link from '@/app/_components/ui/link';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { getSessionUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { translator } from '@/lib/i18n';
import { listMyNetworks } from '@/lib/networks';
import { getNotificationSettings, type Channel, type NotificationKind } from '@/lib/notifications/prefs';
import { Alert, Card, EmptyState, PageHeader } from '@/app/_components/ui';
import { requestLocale } from '@/app/_lib/locale';
import { ChangeLanguage, ChangePassword, SignOutEverywhere } from './account-forms';
import { LeaveNetworkButton } from './leave-network';
import { ChangeNotifications } from './notification-settings';

/** The order of the notification summary: what reaches me by email first, what I switched off last. */
const CHANNEL_ORDER: readonly Channel[] = ['email', 'digest', 'app', 'off'];

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await requestLocale())('account.title') };
}

/**
 * The account page reads first and edits behind buttons: who I am (name,
 * email, language, password), what I am told about and how often (sentences),
 * my networks; at the end, set apart, signing out everywhere and leaving a
 * network, each confirmed in a dialog.
 */
export default async function AccountPage({ searchParams }: { searchParams: Promise<{ left?: string | string[] }> }) {
  const user = await getSessionUser();
  if (!user) redirect('/signin?callbackUrl=%2Faccount');
  const t = translator(await requestLocale());
  const db = await getDb();
  const networks = await listMyNetworks(db, user.id);
  const notifications = await getNotificationSettings(db, { userId: user.id });
  const left = (await searchParams).left;
  const leftName = typeof left === 'string' ? left.slice(0, 200) : null;
  const kinds = Object.keys(notifications.prefs) as NotificationKind[];
  const { digest } = notifications;
  const digestOffMatters = digest.frequency === 'off' && kinds.some((k) => notifications.prefs[k] === 'digest');
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t('account.title')} description={t('account.signedInAs', { email: user.email })} />
      <div className="flex flex-col gap-6">
        <Card title={t('account.profile')} id="profile">
          <dl className="divide-y divide-stone-200">
            <Row label={t('auth.name')}>
              <span data-testid="account-name">{user.name}</span>
            </Row>
            <Row label={t('auth.email')}>{user.email}</Row>
            {/* Keyed by the saved language, so a switch in the header also resets the dialog's choice. */}
            <Row
              label={t('account.language')}
              detail={t('account.language.intro')}
              action={<ChangeLanguage key={user.locale} savedLocale={user.locale} />}
            >
              <span lang={user.locale} data-testid="account-language">
                {t(`lang.${user.locale}`)}
              </span>
            </Row>
            <Row
              label={t('auth.password')}
              detail={t('account.password.summary')}
              action={<ChangePassword email={user.email} />}
            />
          </dl>
        </Card>

        <Card
          title={t('followUp.settings.title')}
          id="notifications"
          actions={<ChangeNotifications initial={notifications} />}
        >
          <div className="flex flex-col gap-4" data-testid="notification-summary">
            {CHANNEL_ORDER.map((channel) => {
              const these = kinds.filter((k) => notifications.prefs[k] === channel);
              if (these.length === 0) return null;
              return (
                <div key={channel}>
                  <p className="font-medium text-stone-900">{t('account.notifications.lead', { channel })}</p>
                  <ul className="mt-1 list-disc pl-6 text-stone-800">
                    {these.map((k) => (
                      <li key={k}>{t('account.notifications.kind', { kind: k })}</li>
                    ))}
                  </ul>
                </div>
              );
            })}
          </div>
          {kinds.some((k) => notifications.prefs[k] !== 'off') ? (
            <p className="mt-3 text-sm text-stone-700">{t('account.notifications.inApp')}</p>
          ) : null}
          <p className="mt-4 border-t border-stone-200 pt-4 text-stone-900" data-testid="digest-summary">
            {t('account.notifications.digest', {
              frequency: digest.frequency,
              time: digest.sendAt,
              zone: digest.timeZone,
              day: t(`followUp.weekday.${digest.weekday}`),
            })}
          </p>
          {digestOffMatters ? <p className="mt-1 text-stone-700">{t('account.notifications.digestOff')}</p> : null}
        </Card>

        <Card title={t('networks.leave.mine')} id="my-networks">
          {leftName ? <Alert tone="success">{t('networks.leave.done', { network: leftName })}</Alert> : null}
          {networks.length === 0 ? (
            <EmptyState title={t('networks.leave.none')} />
          ) : (
            <>
              <p className="mb-2 text-stone-700">{t('account.networks.intro')}</p>
              <ul className="divide-y divide-stone-200">
                {networks.map((n) => (
                  <li key={n.id} className="min-w-0 py-3">
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
                  </li>
                ))}
              </ul>
            </>
          )}
        </Card>

        <Card title={t('account.careful')} id="careful" className="mt-4">
          <p className="mb-4 text-stone-700">{t('account.careful.intro')}</p>
          <dl className="divide-y divide-stone-200">
            <Row
              label={t('account.signOutEverywhere')}
              detail={t('account.signOutEverywhere.intro')}
              action={<SignOutEverywhere />}
            />
            {networks.length > 0 ? (
              <Row
                label={t('account.leave')}
                detail={t('account.leave.intro')}
                action={
                  <div className="flex flex-wrap gap-2">
                    {networks.map((n) => (
                      <LeaveNetworkButton
                        key={n.id}
                        networkId={n.id}
                        networkName={n.name}
                        label={t('networks.leave.buttonFor', { network: n.name })}
                        afterLeave="refresh"
                        variant="secondary"
                      />
                    ))}
                  </div>
                }
              />
            ) : null}
          </dl>
        </Card>
      </div>
    </div>
  );
}

/** One line of a card: a small grey label, the value (and a line explaining it), and its button on the right. */
function Row({
  label,
  children,
  detail,
  action,
}: {
  label: string;
  children?: ReactNode;
  detail?: string;
  action?: ReactNode;
}) {
  return (
    <div className="py-3 first:pt-0 last:pb-0">
      <dt className="text-sm text-stone-700">{label}</dt>
      <dd className="flex min-w-0 flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <div className="min-w-0 flex-1 basis-64">
          {children ? <div className="text-stone-900">{children}</div> : null}
          {detail ? <p className={children ? 'text-sm text-stone-700' : 'text-stone-900'}>{detail}</p> : null}
        </div>
        {action}
      </dd>
    </div>
  );
}
