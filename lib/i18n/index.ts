import { auth } from './messages/auth';
import { collab } from './messages/collab';
import { common } from './messages/common';
import { cooperation } from './messages/cooperation';
import { networks } from './messages/networks';

/**
 * German and English, both first-class. Messages live in one file per area
 * under `messages/`, each with an `en` and a `de` object of the same keys
 * (a unit test checks that). Placeholders are `{name}`.
 */
export const LOCALES = ['en', 'de'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';
/** Cookie that remembers the chosen interface language. */
export const LOCALE_COOKIE = 'nwr-locale';

const areas = [common, auth, networks, collab, cooperation] as const;

type Area = (typeof areas)[number];
type Keys<A> = A extends { en: infer E } ? keyof E : never;
export type MessageKey = Keys<Area>;

const dictionaries: Record<Locale, Record<string, string>> = {
  en: Object.assign({}, ...areas.map((a) => a.en)),
  de: Object.assign({}, ...areas.map((a) => a.de)),
};

export function isLocale(v: unknown): v is Locale {
  return v === 'en' || v === 'de';
}

/** Translates `key`; unknown keys come back as the key itself (visible, never blank). */
export function t(locale: Locale, key: MessageKey | (string & {}), vars?: Record<string, string | number>): string {
  const template = dictionaries[locale][key] ?? dictionaries.en[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** A translator bound to one locale. */
export function translator(locale: Locale) {
  return (key: MessageKey | (string & {}), vars?: Record<string, string | number>) => t(locale, key, vars);
}
export type Translate = ReturnType<typeof translator>;

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

/** For the key-parity test. */
export function allDictionaries() {
  return areas;
}
