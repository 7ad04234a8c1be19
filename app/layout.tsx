import type { Metadata } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { getSessionUser } from '@/lib/auth/session';
import { intlMessages, translator } from '@/lib/i18n';
import { Providers } from './_components/providers';
import { SiteHeader } from './_components/site-header';
import { SkipLink } from './_components/skip-link';
import { ToastProvider } from './_components/ui';
import { requestLocale } from './_lib/locale';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Netzwerkraum', template: '%s · Netzwerkraum' },
  description: 'The shared workspace for organisations that cooperate in networks.',
};

// Every page is rendered per request: the session, the language and the CSP
// nonce (proxy.ts) differ per request.
export const dynamic = 'force-dynamic';

/**
 * The site shell: skip link, header (banner), `<main id="main">`, footer
 * (contentinfo).
 *
 * How pages render their content: the layout already provides the one
 * `<main id="main">` landmark and a centred column (max-w-5xl with side
 * padding). A page must NOT render its own `<main>`; it renders its content
 * directly, starting with exactly one `<h1>` (use `PageHeader` from
 * `@/app/_components/ui`), then sections with `<h2>` (e.g. `Card title=…`).
 * A page that needs the full width (a board) can break out with its own
 * wrapper; a narrow form page wraps itself in `max-w-md`.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, user, nonce] = await Promise.all([
    requestLocale(),
    getSessionUser(),
    headers().then((h) => h.get('x-nonce') ?? undefined),
  ]);
  const t = translator(locale);
  return (
    <html lang={locale}>
      <head>
        {/* React Aria adds two small <style> elements (touch-action of pressable elements; scroll lock on iOS)
            and signs them with the nonce it finds here. The browser hides a nonce attribute from the DOM and
            from CSS selectors, so only scripts already allowed to run can read it (proxy.ts). */}
        <meta property="csp-nonce" nonce={nonce} />
      </head>
      <body className="flex min-h-screen flex-col bg-stone-50 text-stone-900 antialiased">
        <SkipLink label={t('nav.skipToContent')} />
        <Providers locale={locale} messages={intlMessages(locale)}>
          <ToastProvider>
            <SiteHeader user={user} t={t} />
            <main
              id="main"
              tabIndex={-1}
              className="mx-auto w-full max-w-6xl min-w-0 flex-1 px-page py-8 focus:outline-none sm:px-6"
            >
              {children}
            </main>
            <footer className="border-t border-stone-300 bg-white">
              <div className="mx-auto w-full max-w-6xl px-page py-4 text-sm text-stone-700 sm:px-6">
                {t('footer.text')}
              </div>
            </footer>
          </ToastProvider>
        </Providers>
      </body>
    </html>
  );
}
