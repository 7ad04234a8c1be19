import type { Metadata } from 'next';
import Link from '@/app/_components/ui/link';
import { Alert, Card, PageHeader } from '@/app/_components/ui';
import { getDb } from '@/lib/db';
import { translator } from '@/lib/i18n';
import { checkUnsubscribeToken } from '@/lib/notifications/unsubscribe';
import { requestLocale } from '@/app/_lib/locale';
import { UnsubscribeButton } from './unsubscribe-button';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await requestLocale())('followUp.unsubscribe.title'), robots: { index: false } };
}

/**
 * Unsubscribing from a mail's link, signed in or not. Opening the page changes
 * nothing (mail scanners open links); the button does. A tampered or expired
 * link gets a clear page that says so and where to go instead.
 */
export default async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = translator(await requestLocale());
  const check = checkUnsubscribeToken(decodeURIComponent(token));
  const user = check.ok
    ? await (await getDb()).get<{ email: string }>('SELECT email FROM users WHERE id = ?', [check.userId])
    : undefined;
  return (
    <div className="mx-auto max-w-xl">
      <PageHeader title={t('followUp.unsubscribe.title')} />
      <Card>
        {!check.ok || !user ? (
          <>
            <Alert tone="error">
              {t(
                !check.ok && check.reason === 'expired'
                  ? 'followUp.unsubscribe.expired'
                  : 'followUp.unsubscribe.invalid',
              )}
            </Alert>
            <p className="mt-4">
              <Link href="/account#notifications" className="text-brand-800 underline">
                {t('followUp.unsubscribe.settings')}
              </Link>
            </p>
          </>
        ) : (
          <UnsubscribeButton
            token={decodeURIComponent(token)}
            question={t('followUp.unsubscribe.confirm', { topic: check.topic, email: user.email })}
            done={t('followUp.unsubscribe.done', { topic: check.topic, email: user.email })}
          />
        )}
      </Card>
    </div>
  );
}
