import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { allDictionaries, formatter, localeFromAcceptLanguage, t } from './index';

/** Every ICU argument of a message as `name:type` (plural, number, date, … or plain), sorted, without repeats. */
function icuArguments(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.argument) found.add(`${el.value}:text`);
      else if (el.type === TYPE.number) found.add(`${el.value}:number`);
      else if (el.type === TYPE.date || el.type === TYPE.time) found.add(`${el.value}:date`);
      else if (el.type === TYPE.plural) {
        found.add(`${el.value}:plural`);
        for (const option of Object.values(el.options)) walk(option.value);
      } else if (el.type === TYPE.select) {
        found.add(`${el.value}:select`);
        for (const option of Object.values(el.options)) walk(option.value);
      } else if (el.type === TYPE.tag) {
        found.add(`<${el.value}>`);
        walk(el.children);
      }
    }
  };
  walk(parse(message));
  return [...found].sort();
}

const entries = (dict: object) => Object.entries(dict as Record<string, string>);

describe('messages', () => {
  it('every area has exactly the same keys in English and German', () => {
    for (const area of allDictionaries()) {
      const en = Object.keys(area.en).sort();
      const de = Object.keys(area.de).sort();
      expect(de, `German keys differ from English in the area with keys ${en.slice(0, 3).join(', ')}…`).toEqual(en);
    }
  });

  it('no message is empty in either language', () => {
    for (const area of allDictionaries()) {
      for (const [locale, dict] of Object.entries(area)) {
        for (const [key, value] of entries(dict)) expect(value.trim(), `${locale} ${key}`).not.toBe('');
      }
    }
  });

  it('every message is valid ICU in both languages', () => {
    for (const area of allDictionaries()) {
      for (const [locale, dict] of Object.entries(area)) {
        for (const [key, value] of entries(dict))
          expect(() => parse(value), `${locale} ${key}: ${value}`).not.toThrow();
      }
    }
  });

  it('the same ICU arguments, of the same kinds, appear in both languages', () => {
    for (const area of allDictionaries()) {
      const de = area.de as Record<string, string>;
      for (const [key, en] of entries(area.en)) expect(icuArguments(de[key] ?? ''), key).toEqual(icuArguments(en));
    }
  });

  it("no {placeholder} is quoted away by an apostrophe (ICU reads '{ as the start of literal text)", () => {
    for (const area of allDictionaries()) {
      for (const [locale, dict] of Object.entries(area)) {
        for (const [key, value] of entries(dict)) {
          const names = new Set(icuArguments(value).map((a) => a.split(':')[0]));
          for (const [, name] of value.matchAll(/\{(\w+)[,}]/g))
            expect(names.has(name), `${locale} ${key}: {${name}} is not an argument in ${value}`).toBe(true);
        }
      }
    }
  });

  it('a count is never pasted in front of a plural noun: messages with {count} choose their plural form', () => {
    for (const area of allDictionaries()) {
      for (const [locale, dict] of Object.entries(area)) {
        for (const [key, value] of entries(dict)) {
          const args = icuArguments(value);
          if (args.includes('count:text')) throw new Error(`${locale} ${key} uses {count} without a plural: ${value}`);
        }
      }
    }
  });

  it('no key is defined by two areas (a later area would silently win)', () => {
    const seen = new Map<string, number>();
    allDictionaries().forEach((area, i) => {
      for (const key of Object.keys(area.en)) {
        expect(seen.has(key), `${key} is defined in area ${seen.get(key)} and area ${i}`).toBe(false);
        seen.set(key, i);
      }
    });
  });

  it('keys are dotted words only (the translator relies on it)', () => {
    for (const area of allDictionaries())
      for (const key of Object.keys(area.en)) expect(key, key).toMatch(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/);
  });
});

describe('t', () => {
  it('inserts {name} values as before, and falls back to the key for unknown keys', () => {
    expect(t('de', 'networks.org.added', { name: 'VHS' })).toBe('„VHS“ wurde dem Netzwerk hinzugefügt.');
    expect(t('en', 'no.such.key')).toBe('no.such.key');
  });

  it('chooses the plural form of each language', () => {
    expect(t('de', 'networks.home.peopleCount', { count: 1 })).toBe('1 Person');
    expect(t('de', 'networks.home.peopleCount', { count: 2 })).toBe('2 Personen');
    expect(t('en', 'networks.home.peopleCount', { count: 1 })).toBe('1 person');
    expect(t('en', 'cooperation.amount.hours', { amount: 1 })).toBe('1 hour');
    expect(t('en', 'cooperation.amount.hours', { amount: 3 })).toBe('3 hours');
    expect(t('de', 'cooperation.amount.hours', { amount: 1.5 })).toBe('1,5 Stunden');
    expect(t('de', 'cooperation.ledger.count', { count: 1 })).toBe('1 Eintrag');
    expect(t('de', 'cooperation.ledger.count', { count: 1200 })).toBe('1.200 Einträge');
    expect(t('de', 'errors.rateLimited', { seconds: 1 })).toContain('1 Sekunde ');
  });

  it('shows a message as written when a value is missing, never a blank', () => {
    expect(t('en', 'networks.org.added')).toBe('“{name}” was added to the network.');
  });
});

describe('formatter', () => {
  it('formats numbers and dates per language', () => {
    expect(formatter('de').number(1234.5)).toBe('1.234,5');
    expect(formatter('en').number(1234.5)).toBe('1,234.5');
    expect(formatter('de').date('2026-03-01', 'long')).toBe('1. März 2026');
    expect(formatter('en').date('2026-03-01', 'long')).toBe('1 March 2026');
  });

  it('shows a calendar date as the same day in every time zone', () => {
    expect(formatter('en').date('2026-12-31')).toBe('31 Dec 2026');
  });
});

describe('localeFromAcceptLanguage', () => {
  it('picks German from a browser that prefers it, English otherwise', () => {
    expect(localeFromAcceptLanguage('de-AT,de;q=0.9,en;q=0.8')).toBe('de');
    expect(localeFromAcceptLanguage('fr-FR,fr;q=0.9')).toBe('en');
    expect(localeFromAcceptLanguage('fr;q=0.9,de;q=0.5')).toBe('de');
  });
});
