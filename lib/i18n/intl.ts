import { IntlErrorCode, type createFormatter, type IntlError } from 'use-intl/core';
import { decodeKey } from './locales';

/**
 * What a missing key or a message that cannot be formatted shows, given the
 * messages next-intl was handed: an unknown key comes back as the key itself
 * (visible, never blank); a message whose values are missing comes back as
 * written, with its `{placeholders}`.
 */
export function messageFallback(messages: Record<string, string>, info: { key: string; error: IntlError }): string {
  if (info.error.code === IntlErrorCode.MISSING_MESSAGE) return decodeKey(info.key);
  return messages[info.key] ?? decodeKey(info.key);
}

/** Missing messages are expected (keys built at run time fall back); broken messages are bugs worth a log line. */
export function reportIntlError(error: IntlError): void {
  if (error.code === IntlErrorCode.MISSING_MESSAGE) return;
  console.error(`[i18n] ${error.message}`);
}

/**
 * The product's ways to show dates, times and numbers, on next-intl's
 * formatter (server: `formatter(locale)` from `@/lib/i18n`; browser:
 * `useI18n().f`). `date` takes a calendar date `YYYY-MM-DD` and shows that
 * day everywhere; `day` and `dateTime` take a moment (ms or Date), shown in
 * TIME_ZONE.
 */
export function formatWith(f: ReturnType<typeof createFormatter>) {
  return {
    number: (n: number) => f.number(n, { maximumFractionDigits: 3 }),
    date: (d: string | null | undefined, style: 'medium' | 'long' = 'medium') =>
      d ? f.dateTime(new Date(`${d.slice(0, 10)}T00:00:00Z`), { dateStyle: style, timeZone: 'UTC' }) : '—',
    day: (ms: number | Date, style: 'medium' | 'long' = 'medium') => f.dateTime(ms, { dateStyle: style }),
    dateTime: (ms: number | Date) => f.dateTime(ms, { dateStyle: 'medium', timeStyle: 'short' }),
    relative: (ms: number | Date, now?: number | Date) => f.relativeTime(ms, now ?? Date.now()),
    list: (items: string[]) => f.list(items, { type: 'conjunction' }),
  };
}
export type Format = ReturnType<typeof formatWith>;
