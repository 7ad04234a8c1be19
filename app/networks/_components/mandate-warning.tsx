import Link from '@/app/_components/ui/link';
import { Alert, Card } from '@/app/_components/ui';
import type { Format, Translate } from '@/lib/i18n';
import type { ManagementMandate } from '@/lib/management/records';

/** The warning before (and after) the mandate ends; nothing while it is well in force. */
export function MandateWarning({ mandate, t, f }: { mandate: ManagementMandate; t: Translate; f: Format }) {
  if (mandate.state === 'expiring')
    return (
      <Alert tone="warning" id="mandate-warning">
        {t('management.warning.expiring', {
          until: f.date(mandate.validUntil, 'long'),
          days: Math.max(0, mandate.daysLeft),
        })}
      </Alert>
    );
  if (mandate.state === 'expired')
    return (
      <Alert tone="error" id="mandate-warning">
        {t('management.warning.expired', { until: f.date(mandate.validUntil, 'long') })}
      </Alert>
    );
  return null;
}

/**
 * The management mandate on the network overview: its validity, the warning
 * before it ends, and the way to the whole mandate (or to recording one).
 */
export function ManagementMandateCard({
  networkId,
  mandate,
  t,
  f,
}: {
  networkId: string;
  mandate: ManagementMandate | null;
  t: Translate;
  f: Format;
}) {
  return (
    <Card title={t('management.title')} id="management-mandate" className="mb-6">
      {mandate ? (
        <>
          <MandateWarning mandate={mandate} t={t} f={f} />
          <p className="mt-2">
            {t('management.validity', {
              from: f.date(mandate.validFrom, 'long'),
              until: f.date(mandate.validUntil, 'long'),
            })}{' '}
            · {mandate.givenBy}
          </p>
        </>
      ) : (
        <p>{t('management.none.title')}</p>
      )}
      <p className="mt-2">
        <Link href={`/networks/${networkId}/management`} className="text-brand-800 underline underline-offset-4">
          {t('management.open')}
        </Link>
      </p>
    </Card>
  );
}
