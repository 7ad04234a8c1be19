'use client';

import { useMemo } from 'react';
import { useI18n } from '@/app/_components/providers';
import { INTL_LOCALE } from '@/lib/i18n/locales';

/** Meeting times in the network's time zone and the person's language ("Tuesday, 1 December 2026, 10:00–11:30"). */
export function useMeetingFormat(timeZone: string) {
  const { locale } = useI18n();
  return useMemo(() => {
    const tag = INTL_LOCALE[locale];
    const day = new Intl.DateTimeFormat(tag, { timeZone, dateStyle: 'full' });
    const time = new Intl.DateTimeFormat(tag, { timeZone, timeStyle: 'short' });
    const both = new Intl.DateTimeFormat(tag, { timeZone, dateStyle: 'medium', timeStyle: 'short' });
    return {
      range: (start: number, end: number) => `${day.format(start)}, ${time.format(start)}–${time.format(end)}`,
      when: (ms: number) => both.format(ms),
      timeZone,
    };
  }, [locale, timeZone]);
}
