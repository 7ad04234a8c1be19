import { describe, expect, it } from 'vitest';
import { allDictionaries, localeFromAcceptLanguage, t } from './index';

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
        for (const [key, value] of Object.entries(dict as Record<string, string>)) {
          expect(value.trim(), `${locale} ${key}`).not.toBe('');
        }
      }
    }
  });

  it('the same placeholders appear in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const area of allDictionaries()) {
      const en = area.en as Record<string, string>;
      const de = area.de as Record<string, string>;
      for (const key of Object.keys(en)) expect(placeholders(de[key] ?? ''), key).toEqual(placeholders(en[key]));
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

  it('translates with placeholders and falls back to the key for unknown keys', () => {
    expect(t('de', 'errors.rateLimited', { seconds: 30 })).toContain('30 Sekunden');
    expect(t('en', 'no.such.key')).toBe('no.such.key');
  });

  it('picks German from a browser that prefers it, English otherwise', () => {
    expect(localeFromAcceptLanguage('de-AT,de;q=0.9,en;q=0.8')).toBe('de');
    expect(localeFromAcceptLanguage('fr-FR,fr;q=0.9')).toBe('en');
    expect(localeFromAcceptLanguage('fr;q=0.9,de;q=0.5')).toBe('de');
  });
});
