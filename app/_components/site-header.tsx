import Link from '@/app/_components/ui/link';
import type { SessionUser } from '@/lib/auth/session';
import type { Translate } from '@/lib/i18n';
import { LanguageSwitcher } from './language-switcher';
import { SignOutButton } from './sign-out-button';
import { AuthLinks } from './auth-links';

/**
 * The header on every page: the app name (home), Networks when signed in,
 * the account (name, Account, Sign out) or Sign in / Create account, and the
 * language switch. Wraps onto two lines on a phone.
 */
export function SiteHeader({ user, t }: { user: SessionUser | null; t: Translate }) {
  return (
    <header className="border-b border-stone-300 bg-white">
      <div className="mx-auto flex w-full max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-3 px-4 py-3 sm:px-6">
        <div className="flex items-center gap-6">
          <Link href="/" className="text-lg font-bold text-brand-800 hover:underline">
            {t('app.name')}
          </Link>
          {user ? (
            <nav aria-label={t('nav.main')}>
              <ul className="flex gap-4">
                <li>
                  <Link href="/networks" className="font-medium text-stone-900 underline-offset-4 hover:underline">
                    {t('nav.networks')}
                  </Link>
                </li>
              </ul>
            </nav>
          ) : null}
        </div>
        <div className="flex flex-wrap items-center gap-3">
          {user ? (
            <nav aria-label={t('nav.accountMenu')} className="flex flex-wrap items-center gap-3">
              <span className="max-w-48 truncate text-sm text-stone-700" data-testid="signed-in-name">
                {user.name}
              </span>
              <Link href="/account" className="text-sm font-medium text-stone-900 underline underline-offset-4">
                {t('nav.account')}
              </Link>
              <SignOutButton />
            </nav>
          ) : (
            <nav aria-label={t('nav.accountMenu')} className="flex flex-wrap items-center gap-2">
              <AuthLinks signIn={t('nav.signIn')} signUp={t('nav.signUp')} />
            </nav>
          )}
          <LanguageSwitcher />
        </div>
      </div>
    </header>
  );
}
