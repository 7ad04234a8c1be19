import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, uniqueEmail } from '../helpers/api-client';
import { client } from '../helpers/app';

/**
 * The health API against the real running app: who may read it and who may
 * set the dormancy weeks (tested on the API, not by hidden buttons), and bad
 * queries refused with a message a person can read, in their language.
 */

async function person(name: string, locale?: string) {
  const c = client(locale ? { locale } : {});
  await c.signUpAndSignIn({
    email: uniqueEmail(name.split(' ')[0].toLowerCase()),
    password: `pw-${name}-Netzwerk-2026!`,
    name,
  });
  return c;
}

describe('health API', () => {
  let manager: ApiClient;
  let repA: ApiClient;
  let repB: ApiClient;
  let observer: ApiClient;
  let stranger: ApiClient;
  let networkId: string;
  const orgs: Record<'a' | 'b', string> = { a: '', b: '' };
  const base = () => `/api/networks/${networkId}`;

  async function join(c: ApiClient, role: string, organisationId: string | null) {
    const inv = await manager.post(`${base()}/invitations`, organisationId ? { role, organisationId } : { role });
    expect(inv.status, inv.text).toBe(201);
    expect((await c.post(`/api/invitations/${inv.json.token}/accept`)).status).toBe(200);
  }

  beforeAll(async () => {
    [manager, repA, repB, observer, stranger] = await Promise.all([
      person('Mara Manager'),
      person('Anna Alpha'),
      person('Bernd Beta', 'de'),
      person('Olga Observer'),
      person('Sven Stranger'),
    ]);
    const net = await manager.post('/api/networks', { name: 'Gesundheitsnetz' });
    expect(net.status, net.text).toBe(201);
    networkId = net.json.network.id;
    for (const [k, name] of [
      ['a', 'Alpha Verein'],
      ['b', 'Beta Initiative'],
    ] as const) {
      const o = await manager.post(`${base()}/organisations`, { name, kind: 'ngo' });
      orgs[k] = o.json.organisation.id;
    }
    await join(repA, 'representative', orgs.a);
    await join(repB, 'representative', orgs.b);
    await join(observer, 'observer', null);
    // One confirmed exchange: Alpha gives Beta three hours.
    const today = new Date().toISOString().slice(0, 10);
    const rec = await repA.post(`${base()}/ledger`, {
      organisationId: orgs.a,
      kind: 'give',
      partnerOrganisationId: orgs.b,
      unit: 'hours',
      amount: 3,
      date: today,
    });
    expect(rec.status, rec.text).toBe(201);
    expect((await repB.post(`${base()}/ledger/${rec.json.entry.id}/response`, { response: 'confirm' })).status).toBe(
      200,
    );
  });

  it('members read the health of their network (a representative, an observer); the map has the confirmed flow', async () => {
    const r = await repA.get(`${base()}/health?unit=hours`);
    expect(r.status, r.text).toBe(200);
    expect(r.json.map.edges).toEqual([{ source: orgs.a, target: orgs.b, weight: 3, count: 1 }]);
    expect(r.json.structure.verdict).toBe('insufficient');
    expect(r.json.dormancyWeeks).toBe(4);
    expect(r.json.abilities).toEqual({ manage: false });
    const o = await observer.get(`${base()}/health?organisations=${orgs.a},${orgs.b}`);
    expect(o.status, o.text).toBe(200);
    expect(o.json.query.organisations).toEqual([orgs.a, orgs.b]);
    expect((await manager.get(`${base()}/health`)).json.abilities).toEqual({ manage: true });
  });

  it('the figures are kept between reads, and a write that changes them shows on the very next read', async () => {
    // The app keeps the last figures per network and query (lib/health/get-health.ts): the same read twice …
    const first = await repA.get(`${base()}/health?unit=hours`);
    const again = await repB.get(`${base()}/health?unit=hours`);
    expect(again.json.map).toEqual(first.json.map);
    // … each reader still gets their own abilities.
    expect(again.json.abilities).toEqual({ manage: false });
    // Beta gives Alpha two hours back, Alpha confirms: the next read has the new flow, the structure counts it.
    const today = new Date().toISOString().slice(0, 10);
    const rec = await repB.post(`${base()}/ledger`, {
      organisationId: orgs.b,
      kind: 'give',
      partnerOrganisationId: orgs.a,
      unit: 'hours',
      amount: 2,
      date: today,
    });
    expect(rec.status, rec.text).toBe(201);
    // Recorded, not yet confirmed: not counted, but the figures are read again (the participation counts it).
    const pending = await repA.get(`${base()}/health?unit=hours`);
    expect(pending.json.map.edges).toHaveLength(1);
    expect((await repA.post(`${base()}/ledger/${rec.json.entry.id}/response`, { response: 'confirm' })).status).toBe(
      200,
    );
    const after = await repA.get(`${base()}/health?unit=hours`);
    expect(after.json.map.edges).toEqual([
      { source: orgs.a, target: orgs.b, weight: 3, count: 1 },
      { source: orgs.b, target: orgs.a, weight: 2, count: 1 },
    ]);
    expect(after.json.horizon.pairs).toMatchObject({ total: 1, repeated: 1 });
  });

  it('a non-member gets 404, as if the network did not exist; signed out 401', async () => {
    const r = await stranger.get(`${base()}/health`);
    expect(r.status).toBe(404);
    expect((await stranger.patch(`${base()}/health`, { dormancyWeeks: 6 })).status).toBe(404);
    expect((await client().get(`${base()}/health`)).status).toBe(401);
  });

  it('a bad query is a 400 with a human message, in the person’s language', async () => {
    const bad = await repA.get(`${base()}/health?from=2026-02-30`);
    expect(bad.status).toBe(400);
    // one shape for bad input everywhere: the field named in words, and `fields` for the form
    expect(bad.json.error.code).toBe('invalid_input');
    expect(bad.json.error.message).toBe('Please check your input: From: Please enter a date (day, month, year).');
    expect(Object.keys(bad.json.error.fields)).toEqual(['from']);
    const order = await repA.get(`${base()}/health?from=2026-05-01&to=2026-04-01`);
    expect(order.status).toBe(400);
    expect(order.json.error.message).toBe(
      'The period must start on or before its end (from 2026-05-01 to 2026-04-01).',
    );
    const de = await repB.get(`${base()}/health?from=2026-05-01&to=2026-04-01`);
    expect(de.json.error.message).toBe(
      'Der Zeitraum muss vor oder an seinem Ende beginnen (von 2026-05-01 bis 2026-04-01).',
    );
    const unit = await repA.get(`${base()}/health?unit=parsecs`);
    expect(unit.status).toBe(400);
    expect(unit.json.error.message).toBe('Unknown unit "parsecs".');
    expect((await repA.get(`${base()}/health?organisations=nope`)).status).toBe(400);
  });

  it('only managers set the dormancy weeks; a bad value is refused and nothing changes', async () => {
    const rep = await repA.patch(`${base()}/health`, { dormancyWeeks: 6 });
    expect(rep.status).toBe(403);
    expect(rep.json.error.message).toBe('Only the network’s managers decide when organisations count as dormant.');
    expect((await observer.patch(`${base()}/health`, { dormancyWeeks: 6 })).status).toBe(403);
    const bad = await manager.patch(`${base()}/health`, { dormancyWeeks: 100 });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields.dormancyWeeks).toBeTruthy();
    expect((await repA.get(`${base()}/health`)).json.dormancyWeeks).toBe(4);
    const ok = await manager.patch(`${base()}/health`, { dormancyWeeks: 6 });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json).toEqual({ dormancyWeeks: 6 });
    expect((await repA.get(`${base()}/health`)).json.dormancyWeeks).toBe(6);
  });
});
