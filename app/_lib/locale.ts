import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { getSessionUser } from '@/lib/auth/session';
import { formatter, isLocale, LOCALE_COOKIE, localeFromAcceptLanguage, translator, type Locale } from '@/lib/i18n';

/**
 * The person's interface language:
 * 1. a choice remembered in this browser (cookie) — only signed-out choices
 *    are kept there: signing in, and switching while signed in, remove it
 *    (POST /api/account/locale), so it cannot go stale;
 * 2. signed in: the language saved on the account, in any browser and right
 *    after it was changed on another device (the session user, one lookup by
 *    primary key, shared with the rest of the render);
 * 3. the browser's Accept-Language, else English.
 */
export async function requestLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  const user = await getSessionUser();
  if (user && isLocale(user.locale)) return user.locale;
  return localeFromAcceptLanguage((await headers()).get('accept-language'));
}

/**
 * The language of this request with its translator and formatter, for server
 * components (once per request): `const { t, f } = await getI18n();`.
 */
export const getI18n = cache(async () => {
  const locale = await requestLocale();
  return { locale, t: translator(locale), f: formatter(locale) };
});
