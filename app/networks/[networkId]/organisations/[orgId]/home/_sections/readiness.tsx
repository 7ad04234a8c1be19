import Link from '@/app/_components/ui/link';
import { ReadinessSummaryBlock } from '@/app/_components/readiness/readiness-summary';
import { Card, EmptyState } from '@/app/_components/ui';
import type { Locale, Translate } from '@/lib/i18n';
import type { ReadinessSummary } from '@/lib/readiness';

/** The last Netzwerk-Check's summary ("when not to invest"), with the way to the check; the organisation's own. */
export function ReadinessSection({
  networkId,
  orgId,
  summary,
  t,
  locale,
}: {
  networkId: string;
  orgId: string;
  summary: ReadinessSummary | null;
  t: Translate;
  locale: Locale;
}) {
  const href = `/networks/${networkId}/organisations/${orgId}/readiness`;
  return (
    <Card title={t('readiness.title')} id="home-readiness">
      {summary ? (
        <ReadinessSummaryBlock summary={summary} t={t} locale={locale} href={href} />
      ) : (
        <EmptyState
          title={t('readiness.empty.title')}
          description={t('readiness.empty.body')}
          action={
            <Link href={href} className="text-brand-800 underline underline-offset-4">
              {t('readiness.answer')}
            </Link>
          }
        />
      )}
    </Card>
  );
}
