import { createFormatter, createTranslator } from 'use-intl/core';
import { activity } from './messages/activity';
import { auth } from './messages/auth';
import { collab } from './messages/collab';
import { common } from './messages/common';
import { cooperation } from './messages/cooperation';
import { documents } from './messages/documents';
import { exports as exportsMessages } from './messages/exports';
import { followUp } from './messages/follow-up';
import { fields } from './messages/fields';
import { pages } from './messages/pages';
import { health } from './messages/health';
import { mandates } from './messages/mandates';
import { meetings } from './messages/meetings';
import { readiness } from './messages/readiness';
import { networks } from './messages/networks';
import { ui } from './messages/ui';
import { formatWith, messageFallback, reportIntlError, type Format } from './intl';
import { encodeKey, INTL_LOCALE, TIME_ZONE, type Locale } from './locales';

/**
 * German and English, both first-class, on next-intl (use-intl's ICU
 * translator and formatters).
 *
 * Messages live in one file per area under `messages/`, each an `en` and a
 * `de` object with the same flat keys (`'area.thing.detail'`; a unit test
 * checks keys, ICU syntax and arguments). Messages are ICU MessageFormat:
 * `{name}` inserts a value (as before), `{count, plural, one {# Person} other
 * {# Personen}}` chooses the plural form of the language, `{n, number}` and
 * `{d, date, medium}` format per locale.
 *
 * Server code (lib/, route handlers, the realtime server) calls
 * `t(locale, key, values)` or `translator(locale)`; client components call
 * `useI18n()` (app/_components/providers.tsx), which translates through
 * next-intl's provider with the same messages.
 */
export {
  DEFAULT_LOCALE,
  encodeKey,
  INTL_LOCALE,
  isLocale,
  LOCALE_COOKIE,
  LOCALES,
  localeFromAcceptLanguage,
  TIME_ZONE,
  type Locale,
} from './locales';
export type { Format } from './intl';

const areas = [
  common,
  auth,
  networks,
  collab,
  cooperation,
  ui,
  activity,
  health,
  documents,
  mandates,
  readiness,
  exportsMessages,
  meetings,
  followUp,
  fields,
  pages,
] as const;

type Area = (typeof areas)[number];
type Keys<A> = A extends { en: infer E } ? keyof E : never;
export type MessageKey = Keys<Area>;
/** Values for a message's ICU arguments (`{name}`, `{count, plural, …}`, `{when, date}`). */
export type MessageValues = Record<string, string | number | Date>;

const flat: Record<Locale, Record<string, string>> = {
  en: Object.assign({}, ...areas.map((a) => a.en)),
  de: Object.assign({}, ...areas.map((a) => a.de)),
};

const encoded: Record<Locale, Record<string, string>> = {
  en: Object.fromEntries(Object.entries(flat.en).map(([k, v]) => [encodeKey(k), v])),
  de: Object.fromEntries(Object.entries(flat.de).map(([k, v]) => [encodeKey(k), v])),
};

/** The messages of one language in the shape next-intl's provider takes (keys encoded, see `encodeKey`). */
export function intlMessages(locale: Locale): Record<string, string> {
  return encoded[locale];
}

const translators = new Map<Locale, ReturnType<typeof createTranslator>>();
function translatorFor(locale: Locale) {
  let tr = translators.get(locale);
  if (!tr) {
    tr = createTranslator({
      locale: INTL_LOCALE[locale],
      messages: encoded[locale],
      timeZone: TIME_ZONE,
      onError: reportIntlError,
      getMessageFallback: (info) => messageFallback(encoded[locale], info),
    });
    translators.set(locale, tr);
  }
  return tr;
}

/** Translates `key` with ICU `values`; unknown keys come back as the key itself. */
export function t(locale: Locale, key: MessageKey | (string & {}), values?: MessageValues): string {
  return translatorFor(locale)(encodeKey(key) as never, values as never);
}

/** A translator bound to one locale. */
export function translator(locale: Locale) {
  return (key: MessageKey | (string & {}), values?: MessageValues) => t(locale, key, values);
}
export type Translate = ReturnType<typeof translator>;

/** True when `key` names a message (for keys built at run time, e.g. from an error code). */
export function hasMessage(key: string): boolean {
  return key in flat.en;
}

/** Dates, times and numbers in the person's language (see `formatWith`). */
export function formatter(locale: Locale): Format {
  return formatWith(createFormatter({ locale: INTL_LOCALE[locale], timeZone: TIME_ZONE, onError: reportIntlError }));
}

/** Every message of one language, flat (for tests that check a key exists in any area). */
export function dictionary(locale: Locale): Readonly<Record<string, string>> {
  return flat[locale];
}

/** For the key-parity test. */
export function allDictionaries() {
  return areas;
}
