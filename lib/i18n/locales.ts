/**
 * The languages and their settings, without any messages: client components
 * import from here (or only types from `@/lib/i18n`), so the messages of both
 * languages never land in the browser bundle; the browser gets the messages of
 * its one language through next-intl's provider (app/_components/providers.tsx).
 */
export const LOCALES = ['en', 'de'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';
/** Cookie that remembers the chosen interface language. */
export const LOCALE_COOKIE = 'nwr-locale';
/**
 * Times (not calendar dates) are shown in the network's local time. Every
 * network is in Vienna for now; one zone for server and browser keeps the
 * server-rendered HTML and the browser's render equal.
 */
export const TIME_ZONE = 'Europe/Vienna';
/** The regional variant each language formats dates and numbers with ("1 March 2026", "1. März 2026"). */
export const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', de: 'de-DE' };

export function isLocale(v: unknown): v is Locale {
  return v === 'en' || v === 'de';
}

/**
 * next-intl reads a "." in a key as nesting, and our flat keys may be both a
 * message and the start of another (`auth.email`, `auth.email.invalid`). Keys
 * are handed to next-intl with "." written as "~" instead; the messages files
 * and every caller keep the dotted keys.
 */
export const encodeKey = (key: string) => key.replaceAll('.', '~');
export const decodeKey = (key: string) => key.replaceAll('~', '.');

/** Picks a supported locale from an Accept-Language header. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { lang: tag.trim().toLowerCase().slice(0, 2), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  return (ranked.find((r) => isLocale(r.lang))?.lang as Locale | undefined) ?? DEFAULT_LOCALE;
}
