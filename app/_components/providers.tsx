'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { NextIntlClientProvider, useFormatter, useTranslations } from 'next-intl';
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { I18nProvider as AriaI18nProvider } from 'react-aria-components';
import type { MessageValues, Translate } from '@/lib/i18n';
import { messageFallback, reportIntlError, formatWith } from '@/lib/i18n/intl';
import { encodeKey, INTL_LOCALE, TIME_ZONE, type Locale } from '@/lib/i18n/locales';

const LocaleContext = createContext<Locale>('en');

/**
 * The current interface language for client components:
 * - `t(key, values)`: the message in this language (ICU: plurals, numbers), as
 *   on the server (`translator(locale)` from `@/lib/i18n`);
 * - `f`: dates, times and numbers (`f.date('2026-03-01')`, `f.dateTime(ms)`,
 *   `f.number(7.5)`), as on the server (`formatter(locale)`).
 */
export function useI18n(): { locale: Locale; t: Translate; f: ReturnType<typeof formatWith> } {
  const locale = useContext(LocaleContext);
  const translate = useTranslations();
  const format = useFormatter();
  return useMemo(
    () => ({
      locale,
      t: (key: string, values?: MessageValues) => translate(encodeKey(key) as never, values as never),
      f: formatWith(format),
    }),
    [locale, translate, format],
  );
}

/**
 * Everything client components share: the language (next-intl, with the
 * messages of this one language; React Aria's own words and date order in
 * the same language) and TanStack Query.
 */
export function Providers({
  locale,
  messages,
  children,
}: {
  locale: Locale;
  messages: Record<string, string>;
  children: ReactNode;
}) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: { staleTime: 5_000, refetchOnWindowFocus: true },
          // Never park a change while the browser says it is offline (TanStack's default): the request is tried,
          // and an unreachable server either queues it in the outbox or says so, instead of a button stuck busy.
          mutations: { networkMode: 'always' },
        },
      }),
  );
  return (
    <LocaleContext.Provider value={locale}>
      <NextIntlClientProvider
        locale={INTL_LOCALE[locale]}
        messages={messages}
        timeZone={TIME_ZONE}
        onError={reportIntlError}
        getMessageFallback={(info) => messageFallback(messages, info)}
      >
        <AriaI18nProvider locale={INTL_LOCALE[locale]}>
          <QueryClientProvider client={client}>{children}</QueryClientProvider>
        </AriaI18nProvider>
      </NextIntlClientProvider>
    </LocaleContext.Provider>
  );
}
