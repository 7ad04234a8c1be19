import { formatter, translator, type Locale } from '../i18n';
import type { ReadinessSummary } from './records';

/**
 * The readiness check's summary in plain words, in the reader's language: the
 * verdict (whether the answers argue against investing), which statements
 * apply, and the mean. The page, the report and the tension view say it alike.
 */
export function readinessSummaryWords(locale: Locale, s: ReadinessSummary): string[] {
  const t = translator(locale);
  const f = formatter(locale);
  const applies = s.applies.map((q) => t('readiness.summary.quote', { text: t(`readiness.question.${q}`) }));
  return [
    t(`readiness.verdict.${s.verdict}`),
    applies.length
      ? t('readiness.summary.applies', { count: applies.length, list: f.list(applies) })
      : t('readiness.summary.noneApplies'),
    t('readiness.summary.average', { average: s.average }),
  ];
}
