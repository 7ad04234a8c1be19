'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createContext, useContext, useState, type ReactNode } from 'react';
import { translator, type Locale, type Translate } from '@/lib/i18n';

const I18nContext = createContext<{ locale: Locale; t: Translate }>({ locale: 'en', t: translator('en') });

/** The current interface language and its translator, for client components. */
export function useI18n() {
  return useContext(I18nContext);
}

export function Providers({ locale, children }: { locale: Locale; children: ReactNode }) {
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 5_000, refetchOnWindowFocus: true } } }),
  );
  return (
    <I18nContext.Provider value={{ locale, t: translator(locale) }}>
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </I18nContext.Provider>
  );
}
