import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { translator } from '@/lib/i18n';
import { Providers } from './_components/providers';
import { requestLocale } from './_lib/locale';
import './globals.css';

export const metadata: Metadata = {
  title: 'Netzwerkraum',
  description: 'The shared workspace for organisations that cooperate in networks.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await requestLocale();
  const t = translator(locale);
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-stone-50 text-stone-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2"
        >
          {t('nav.skipToContent')}
        </a>
        <Providers locale={locale}>{children}</Providers>
      </body>
    </html>
  );
}
