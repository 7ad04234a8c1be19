import { beforeAll, describe, expect, it } from 'vitest';
import { t } from '@/lib/i18n';
import { ApiClient, uniqueEmail, type ApiResponse } from '../helpers/api-client';
import { client } from '../helpers/app';

/**
 * Every refusal of the mandate, capacity and approval endpoints, against the
 * running app, in English and German: a 400/409 whose message names the field
 * as a person calls it and says what is wrong in their words — never zod's
 * wording ("Too small: expected number to be >0", "Invalid input") nor a
 * field's code name (`perCommitment`, `validUntil`) — and nothing written.
 */

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function person(name: string, locale: 'en' | 'de' = 'en'): Promise<ApiClient> {
  const c = client({ locale });
  await c.signUpAndSignIn({ email: uniqueEmail(name.toLowerCase()), password: `pw-${name}-Refusal-2026!`, name });
  return c;
}

/** zod's own words and our code names: none of them may reach a person. */
const NOT_FOR_PEOPLE = [
  /expected/i,
  /Too small/,
  /Too big/,
  /Invalid input/,
  /received/i,
  /perCommitment/,
  /perPeriod/,
  /validUntil/,
  /validFrom/,
  /approvalDays/,
  /limits\.\d/,
  /\{/,
];

function inWords(r: ApiResponse, status: number) {
  expect(r.status, r.text).toBe(status);
  const message: string = r.json.error.message;
  for (const bad of NOT_FOR_PEOPLE) expect(message, message).not.toMatch(bad);
  return message;
}

describe('mandate, capacity and approval refusals, in words, in both languages', () => {
  const home = {} as Record<'en' | 'de', ApiClient>;
  let manager: ApiClient;
  let rep: ApiClient;
  let networkId: string;
  let orgId: string;
  const base = () => `/api/networks/${networkId}`;

  beforeAll(async () => {
    manager = await person('Mona');
    rep = await person('Rudi');
    home.en = await person('Helen', 'en');
    home.de = await person('Heike', 'de');
    const net = await manager.post('/api/networks', { name: 'Worte statt zod', purpose: 'Refusals in words' });
    expect(net.status, net.text).toBe(201);
    networkId = net.json.network.id;
    const o = await manager.post(`${base()}/organisations`, { name: 'Alpha e.V.', kind: 'ngo' });
    orgId = o.json.organisation.id;
    for (const [c, role] of [
      [rep, 'representative'],
      [home.en, 'home_member'],
      [home.de, 'home_member'],
    ] as const) {
      const inv = await manager.post(`${base()}/invitations`, { role, organisationId: orgId });
      expect(inv.status, inv.text).toBe(201);
      expect((await c.post(`/api/invitations/${inv.json.token}/accept`)).status).toBe(200);
    }
  });

  const mandate = (extra: Record<string, unknown>) => ({
    organisationId: orgId,
    validFrom: day(0),
    validUntil: day(90),
    limits: [{ unit: 'hours', perCommitment: 10, perPeriod: 20, period: 'month' }],
    ...extra,
  });

  for (const locale of ['en', 'de'] as const) {
    it(`mandates: negative, absurd, missing, end before start, overlapping (${locale})`, async () => {
      const c = home[locale];
      const tr = (k: string, v?: Record<string, string | number>) => t(locale, k as never, v);
      const before = (await c.get(`${base()}/mandates?organisationId=${orgId}`)).json.mandates.length;

      const negative = inWords(
        await c.post(`${base()}/mandates`, mandate({ limits: [{ unit: 'hours', perCommitment: -5 }] })),
        400,
      );
      expect(negative).toContain(tr('field.perCommitment'));
      expect(negative).toContain(tr('fields.issue.notPositive', { min: 0 }));

      const zero = await c.post(`${base()}/mandates`, mandate({ limits: [{ unit: 'hours', perPeriod: 0 }] }));
      expect(inWords(zero, 400)).toContain(tr('field.perPeriod'));
      expect(zero.json.error.fields).toHaveProperty(['limits.0.perPeriod']);

      const absurd = await c.post(`${base()}/mandates`, mandate({ limits: [{ unit: 'hours', perCommitment: 1e9 }] }));
      expect(absurd.json.error.code).toBe('mandates.errors.limitAbsurd');
      expect(inWords(absurd, 400)).toContain(locale === 'de' ? 'Höchstwert je Zusage' : 'maximum per commitment');
      expect(absurd.json.error.fields).toHaveProperty(['limits.0.perCommitment']);

      const absurdPeriod = await c.post(
        `${base()}/mandates`,
        mandate({ limits: [{ unit: 'hours', perPeriod: 1e9, period: 'quarter' }] }),
      );
      expect(inWords(absurdPeriod, 400)).toContain(
        locale === 'de' ? 'Höchstwert je Monat oder Quartal' : 'maximum per month or quarter',
      );

      const none = await c.post(`${base()}/mandates`, mandate({ limits: [{ unit: 'hours' }] }));
      expect(inWords(none, 400)).toContain(tr('mandates.errors.limitNeedsMaximum'));

      const notANumber = await c.post(
        `${base()}/mandates`,
        mandate({ limits: [{ unit: 'hours', perCommitment: 'viel' }] }),
      );
      expect(inWords(notANumber, 400)).toContain(tr('field.perCommitment'));

      const unknownUnit = await c.post(
        `${base()}/mandates`,
        mandate({ limits: [{ unit: 'custom:ghost', perCommitment: 3 }] }),
      );
      inWords(unknownUnit, 400);
      expect(unknownUnit.json.error.fields).toHaveProperty(['limits.0.unit']);

      const endsBefore = await c.post(`${base()}/mandates`, mandate({ validFrom: day(10), validUntil: day(5) }));
      expect(inWords(endsBefore, 400)).toBe(tr('mandates.errors.endsBeforeStart'));
      expect(endsBefore.json.error.fields).toHaveProperty(['validUntil']);

      const badDate = await c.post(`${base()}/mandates`, mandate({ validUntil: '2026-02-30' }));
      expect(inWords(badDate, 400)).toContain(tr('field.validUntil'));

      const farAway = await c.post(`${base()}/mandates`, mandate({ validFrom: '1990-01-01', validUntil: null }));
      expect(inWords(farAway, 400)).toContain(locale === 'de' ? '„Gültig ab“' : '“Valid from”');

      // Overlap: one mandate for all, then a second valid on one of its days.
      const first = await c.post(
        `${base()}/mandates`,
        mandate({ validFrom: day(locale === 'en' ? 1000 : 2000), validUntil: day(locale === 'en' ? 1100 : 2100) }),
      );
      expect(first.status, first.text).toBe(201);
      const overlap = await c.post(
        `${base()}/mandates`,
        mandate({ validFrom: day(locale === 'en' ? 1050 : 2050), validUntil: null }),
      );
      expect(overlap.json.error.code).toBe('mandates.errors.overlap');
      inWords(overlap, 409);

      const changed = await c.patch(`${base()}/mandates/${first.json.mandate.id}`, {
        expectedVersion: 1,
        limits: [{ unit: 'hours', perCommitment: -1 }],
      });
      expect(inWords(changed, 400)).toContain(tr('field.perCommitment'));
      const changedFlag = await c.patch(`${base()}/mandates/${first.json.mandate.id}`, {
        expectedVersion: 1,
        coversGifts: 'yes',
      });
      expect(inWords(changedFlag, 400)).toContain(tr('field.coversGifts'));

      const after = (await c.get(`${base()}/mandates?organisationId=${orgId}`)).json.mandates.length;
      expect(after).toBe(before + 1);
    });

    it(`capacity, agreed time and a home decision without a reason (${locale})`, async () => {
      const c = home[locale];
      const tr = (k: string, v?: Record<string, string | number>) => t(locale, k as never, v);
      const negative = await c.put(`${base()}/capacity`, { organisationId: orgId, unit: 'hours', amount: -3 });
      expect(inWords(negative, 400)).toContain(tr('field.amount'));
      const absurd = await c.put(`${base()}/capacity`, { organisationId: orgId, unit: 'hours', amount: 1e9 });
      expect(absurd.json.error.code).toBe('mandates.errors.limitAbsurd');
      expect(inWords(absurd, 400)).toContain(locale === 'de' ? 'investieren' : 'invest');
      const period = await c.put(`${base()}/capacity`, {
        organisationId: orgId,
        unit: 'hours',
        amount: 3,
        period: 'year',
      });
      expect(inWords(period, 400)).toContain(tr('field.period'));

      const days = await manager.patch(`${base()}/decision-times`, { approvalDays: 1.5 });
      inWords(days, 400);
      expect(days.json.error.fields).toHaveProperty(['approvalDays']);

      const check = await rep.get(`${base()}/mandates/check?organisationId=${orgId}&for=gift&unit=hours&amount=-2`);
      inWords(check, 400);

      // A mandate that covers gifts (one hour per entry), for the last test: the English one governs today.
      const m = await c.post(
        `${base()}/mandates`,
        mandate({
          validFrom: day(0),
          validUntil: day(locale === 'en' ? 30 : 60),
          limits: [{ unit: 'hours', perCommitment: 1 }],
          coversGifts: true,
          ...(locale === 'de' ? { validFrom: day(31) } : {}),
        }),
      );
      expect(m.status, m.text).toBe(201);
    });
  }

  it('a home decision on a gift without a reason is refused in words; a second decision is a clear 409', async () => {
    const o = await manager.post(`${base()}/organisations`, { name: 'Beta gGmbH', kind: 'ngo' });
    const gift = await rep.post(`${base()}/ledger`, {
      organisationId: orgId,
      kind: 'give',
      partnerOrganisationId: o.json.organisation.id,
      unit: 'hours',
      amount: 4,
      date: day(0),
      description: 'Four hours, more than the one the mandate allows',
    });
    expect(gift.status, gift.text).toBe(201);
    expect(gift.json.entry.status).toBe('awaiting_home_approval');
    expect(gift.json.mandate).toMatchObject({ governed: true, within: false, reasons: ['perCommitment'] });
    const url = `${base()}/ledger/${gift.json.entry.id}/home-decision`;
    for (const locale of ['en', 'de'] as const) {
      const r = await home[locale].post(url, { decision: 'decline', reason: '' });
      expect(inWords(r, 400)).toContain(t(locale, 'mandates.errors.reasonNeeded' as never));
    }
    expect((await rep.post(url, { decision: 'approve' })).status).toBe(403);
    const ok = await home.en.post(url, { decision: 'approve' });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json.entry.status).toBe('pending');
    const again = await home.de.post(url, { decision: 'decline', reason: 'Zu viel' });
    expect(inWords(again, 409)).toBe(
      t('de', 'mandates.errors.alreadyDecided' as never, { name: 'Helen', decision: 'approved', what: 'gift' }),
    );
  });
});
