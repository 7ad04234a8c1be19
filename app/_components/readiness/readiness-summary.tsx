import Link from '@/app/_components/ui/link';
import { Badge } from '@/app/_components/ui';
import { formatter, type Locale, type Translate } from '@/lib/i18n';
import type { ReadinessSummary, Verdict } from '@/lib/readiness';
import { readinessSummaryWords } from '@/lib/readiness';

const TONE: Record<Verdict, 'success' | 'warning' | 'danger'> = {
  invest: 'success',
  caution: 'warning',
  against: 'danger',
};

/**
 * The readiness check's summary as a block of a page (server component): the
 * verdict as a badge, the date, the plain words, and (for the organisation's
 * own people) the way to the check. Used on the organisation page; the tension
 * view can show it the same way, with `latestReadinessSummary` from lib/readiness.
 */
export function ReadinessSummaryBlock({
  summary,
  t,
  locale,
  href,
}: {
  summary: ReadinessSummary;
  t: Translate;
  locale: Locale;
  /** The check's page, when the viewer may open it. */
  href?: string;
}) {
  return (
    <div data-testid="org-readiness" data-verdict={summary.verdict}>
      <p className="mb-2">
        <Badge tone={TONE[summary.verdict]}>{t('readiness.verdictShort', { verdict: summary.verdict })}</Badge>{' '}
        <span className="text-sm text-stone-700">{formatter(locale).date(summary.answeredOn, 'long')}</span>
      </p>
      {readinessSummaryWords(locale, summary).map((line) => (
        <p key={line} className="mb-1">
          {line}
        </p>
      ))}
      {href ? (
        <p className="mt-2">
          <Link href={href} className="text-brand-800 underline underline-offset-4">
            {t('readiness.link')}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
