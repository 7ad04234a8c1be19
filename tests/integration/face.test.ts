import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../helpers/api-client';
import { german, join, networkWithOrganisations, person } from '../helpers/people';

/**
 * Defects a new user found (issue 9), tested against the real API: one error
 * shape for bodies and query strings, refusals that name the field in words
 * in German and English, limits enforced with a 400 (never a 500 for 10,000
 * characters), past dates refused, and permission checked before validation
 * (with the one rule for a goal's words: its description is the network's
 * shared text, its title and "why" belong to the organisations taking part).
 */

const ZOD_WORDS = /expected|erwartet|Too small|Zu klein|Too big|Zu groß|Invalid|Ungültig|received|UUID|regex/;

describe('refusals: one shape, in words, with limits', () => {
  let manager: ApiClient;
  let repA: ApiClient;
  let repC: ApiClient;
  let networkId: string;
  const orgs: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };
  const base = () => `/api/networks/${networkId}`;
  const today = new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    [manager, repA, repC] = await Promise.all([person('Fiona Face'), person('Anton Alpha'), person('Cora Gamma')]);
    const made = await networkWithOrganisations(
      manager,
      { name: 'Face network' },
      { a: 'Org A', b: 'Org B', c: 'Org C' },
    );
    networkId = made.networkId;
    Object.assign(orgs, made.orgs);
    await join(manager, networkId, repA, 'representative', orgs.a);
    await join(manager, networkId, repC, 'representative', orgs.c);
  });

  it('a bad query string answers invalid_input with fields, like a bad body', async () => {
    for (const path of [
      `${base()}/ledger?limit=abc`,
      `${base()}/commitments?view=someday`,
      `${base()}/goals?limit=0`,
    ]) {
      const res = await repA.get(path);
      expect(res.status, path).toBe(400);
      expect(res.json.error.code, path).toBe('invalid_input');
      expect(Object.keys(res.json.error.fields ?? {}).length, path).toBeGreaterThan(0);
      expect(res.json.error.message, path).not.toMatch(ZOD_WORDS);
    }
    const de = await german(repA).get(`${base()}/ledger?limit=abc`);
    expect(de.json.error.message).toContain('Anzahl der Ergebnisse');
  });

  it('a bad body names the field as a person calls it, in German without English', async () => {
    const res = await german(repA).post(`${base()}/ledger`, {
      organisationId: orgs.a,
      kind: 'give',
      partnerOrganisationId: orgs.b,
      unit: 'hours',
      amount: 0,
      date: today,
    });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('invalid_input');
    expect(res.json.error.fields.amount).toBe('Muss größer als 0 sein.');
    expect(res.json.error.message).toBe('Bitte prüfen Sie Ihre Eingabe: Menge: Muss größer als 0 sein.');
    const decimals = await german(repA).post(`${base()}/ledger`, {
      organisationId: orgs.a,
      kind: 'give',
      partnerOrganisationId: orgs.b,
      unit: 'hours',
      amount: 1.2345,
      date: today,
    });
    expect(decimals.json.error.fields.amount).toBe('Höchstens drei Nachkommastellen.');
  });

  it('10,000 characters in any text field is a clear 400, never a 500', async () => {
    const long = 'x'.repeat(10_000);
    const goal = await repA.post(`${base()}/goals`, { title: 'Long text goal' });
    expect(goal.status, goal.text).toBe(201);
    const goalId = goal.json.goal.id;
    const attempts: [string, string, Record<string, unknown>][] = [
      ['POST', `${base()}/goals`, { title: long }],
      ['POST', `${base()}/goals`, { title: 'Fine title', whyTogether: long }],
      ['PATCH', `${base()}/goals/${goalId}`, { title: long }],
      ['POST', `${base()}/goals/${goalId}/comments`, { body: long }],
      [
        'POST',
        `${base()}/ledger`,
        {
          organisationId: orgs.a,
          kind: 'give',
          partnerOrganisationId: orgs.b,
          unit: 'hours',
          amount: 1,
          date: today,
          description: long,
        },
      ],
      ['POST', `${base()}/organisations`, { name: long, kind: 'ngo' }],
      ['PATCH', `/api/networks/${networkId}`, { name: long }],
      ['POST', '/api/networks', { name: 'Fine', purpose: long }],
      ['POST', `${base()}/ledger/units`, { label: long }],
    ];
    for (const [method, path, body] of attempts) {
      const who =
        path.includes('/organisations') || (method === 'PATCH' && path.endsWith(networkId)) || path.endsWith('/units')
          ? manager
          : repA;
      const res = await who.request(method as 'POST', path, body);
      expect(res.status, `${method} ${path} ${Object.keys(body).join(',')}: ${res.text.slice(0, 200)}`).toBe(400);
      expect(res.json.error.code).toBe('invalid_input');
      expect(Object.values(res.json.error.fields ?? {}).join(' ')).toMatch(/At most [\d,]+ characters/);
    }
  });

  it('a due date or target date in the past is refused, naming the field', async () => {
    const goal = await repA.post(`${base()}/goals`, { title: 'Dated goal', targetDate: '2020-01-01' });
    expect(goal.status).toBe(400);
    expect(goal.json.error.fields.targetDate).toBe('This date lies in the past: choose today or a later day.');
    const ok = await repA.post(`${base()}/goals`, { title: 'Dated goal' });
    const c = await german(repA).post(`${base()}/commitments`, {
      organisationId: orgs.a,
      goalId: ok.json.goal.id,
      unit: 'hours',
      amount: 2,
      dueOn: '2020-01-01',
    });
    expect(c.status).toBe(400);
    expect(c.json.error.fields.dueOn).toBe(
      'Dieses Datum liegt in der Vergangenheit: Bitte heute oder einen späteren Tag wählen.',
    );
  });

  it("permission before validation; the description is the network's shared text, title and 'why' its participants'", async () => {
    const goal = await repA.post(`${base()}/goals`, { title: 'Only Alpha takes part' });
    const goalId = goal.json.goal.id;
    // Org C does not take part: any change of the goal is 403, whatever the body says.
    for (const body of [{ title: 'x' }, { title: 'A proper new title' }, { whyTogether: 'Because' }, { nonsense: 1 }]) {
      const res = await repC.patch(`${base()}/goals/${goalId}`, body);
      expect(res.status, JSON.stringify(body)).toBe(403);
    }
    // …while the description, co-written live by every organisation of the network, stays theirs to keep.
    const text = await repC.put(`${base()}/goals/${goalId}/text`, { description: 'Gamma adds a paragraph.' });
    expect(text.status, text.text).toBe(200);
    // A participant with a bad body gets the 400 that names the field.
    const bad = await repA.patch(`${base()}/goals/${goalId}`, { title: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields.title).toBe('Please enter at least 3 characters.');
  });
});
