import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { translator } from '../i18n';
import { ZDate } from './dates';
import { describeIssues } from './issues';
import { ZAmount } from '../ledger/units';

const Z = z.object({
  amount: ZAmount,
  date: ZDate,
  title: z.string().trim().min(3).max(200),
  partnerOrganisationId: z.string().uuid(),
  kind: z.enum(['give', 'take']),
  website: z.string().url(),
  indicators: z.array(z.object({ label: z.string().min(1) })),
  attractive: z.number().int().min(1).max(5),
});

const bad = {
  amount: 0,
  date: '2026-02-30',
  title: 'x'.repeat(201),
  partnerOrganisationId: 'nope',
  kind: 'steal',
  website: 'green hands',
  indicators: [{ label: '' }],
  attractive: 2.5,
};

describe('refusals of input in words a person uses', () => {
  for (const locale of ['en', 'de'] as const) {
    it(`names every field and says what is wrong, without zod's words (${locale})`, () => {
      const t = translator(locale);
      const { fields, details } = describeIssues(Z.safeParse(bad).error!.issues, t);
      expect(Object.keys(fields).sort()).toEqual(
        [
          'amount',
          'attractive',
          'date',
          'indicators.0.label',
          'kind',
          'partnerOrganisationId',
          'title',
          'website',
        ].sort(),
      );
      for (const text of [details, ...Object.values(fields)]) {
        expect(text).not.toMatch(/expected|erwartet|Too small|Zu klein|Invalid|Ungültig|UUID|regex|YYYY|decimals/);
      }
      expect(details).not.toMatch(/partnerOrganisationId|indicators\.0/);
      if (locale === 'de') {
        expect(fields.amount).toBe('Muss größer als 0 sein.');
        expect(fields.title).toBe('Höchstens 200 Zeichen.');
        expect(details).toContain('Menge: Muss größer als 0 sein.');
        expect(details).toContain('Partner: Bitte einen Eintrag aus der Liste wählen.');
        expect(fields.attractive).toBe('Bitte eine ganze Zahl eingeben.');
      } else {
        expect(fields.amount).toBe('Must be more than 0.');
        expect(fields.title).toBe('At most 200 characters.');
        expect(details).toContain('Amount: Must be more than 0.');
        expect(details).toContain('Date: Please enter a date (day, month, year).');
      }
    });
  }

  it('a missing field is "please fill this in", and three decimals are said in the person\'s language', () => {
    const de = translator('de');
    const missing = describeIssues(z.object({ title: z.string() }).safeParse({}).error!.issues, de);
    expect(missing.fields.title).toBe('Bitte ausfüllen.');
    const decimals = describeIssues(z.object({ amount: ZAmount }).safeParse({ amount: 1.2345 }).error!.issues, de);
    expect(decimals.fields.amount).toBe('Höchstens drei Nachkommastellen.');
  });
});
