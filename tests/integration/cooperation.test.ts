import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../helpers/api-client';
import { german, join, networkWithOrganisations, person } from '../helpers/people';
import { t } from '@/lib/i18n';
import { LEDGER_CSV_COLUMNS } from '@/lib/ledger/export-entries-csv';

/**
 * The cooperation API against the real running app: who may do what (tested
 * on the API, because a hidden button proves nothing), bad input refused in
 * the person's language with nothing written, idempotent retries, the CSV
 * export and the live change feed (SSE).
 */

const today = new Date().toISOString().slice(0, 10);

describe('cooperation API', () => {
  let manager: ApiClient;
  let repA: ApiClient;
  let repB: ApiClient;
  let repBde: ApiClient;
  let observer: ApiClient;
  let adviser: ApiClient;
  let stranger: ApiClient;
  let networkId: string;
  let otherNetworkId: string;
  const orgs: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };
  const base = () => `/api/networks/${networkId}`;

  const entry = (extra: Record<string, unknown> = {}) => ({
    organisationId: orgs.a,
    kind: 'give',
    partnerOrganisationId: orgs.b,
    unit: 'hours',
    amount: 3,
    date: today,
    description: 'Moderation of the spring meeting',
    ...extra,
  });

  beforeAll(async () => {
    [manager, repA, repB, observer, adviser, stranger] = await Promise.all([
      person('Mara Manager'),
      person('Anna Alpha'),
      person('Bernd Beta'),
      person('Olga Observer'),
      person('Adam Adviser'),
      person('Sven Stranger'),
    ]);
    const made = await networkWithOrganisations(
      manager,
      { name: 'Kooperationsnetz', purpose: 'Gemeinsam' },
      { a: 'Alpha Verein', b: 'Beta Initiative', c: 'Gamma Cluster' },
    );
    networkId = made.networkId;
    Object.assign(orgs, made.orgs);
    await join(manager, networkId, repA, 'representative', orgs.a);
    await join(manager, networkId, repB, 'representative', orgs.b);
    await join(manager, networkId, observer, 'observer', null);
    await join(manager, networkId, adviser, 'adviser', null);
    repBde = german(repB);
    const other = await stranger.post('/api/networks', { name: 'Elsewhere' });
    otherNetworkId = other.json.network.id;
  });

  it('a representative records hours given to a partner; only the partner confirms; balances show given and received apart', async () => {
    const rec = await repA.post(`${base()}/ledger`, entry());
    expect(rec.status, rec.text).toBe(201);
    const id = rec.json.entry.id;
    expect(rec.json.entry).toMatchObject({ status: 'pending', giverOrgId: orgs.a, receiverOrgId: orgs.b, amount: 3 });

    const self = await repA.post(`${base()}/ledger/${id}/response`, { response: 'confirm' });
    expect(self.status).toBe(403);
    expect(self.json.error.message).toBe('Only the receiving side can confirm or dispute this entry.');
    expect((await manager.post(`${base()}/ledger/${id}/response`, { response: 'confirm' })).status).toBe(403);
    expect((await observer.post(`${base()}/ledger/${id}/response`, { response: 'confirm' })).status).toBe(403);

    const ok = await repB.post(`${base()}/ledger/${id}/response`, { response: 'confirm', comment: 'Danke!' });
    expect(ok.status, ok.text).toBe(200);
    const twice = await repBde.post(`${base()}/ledger/${id}/response`, { response: 'confirm' });
    expect(twice.status).toBe(409);
    expect(twice.json.error.message).toBe('Dieser Eintrag wurde bereits bestätigt.');

    const bal = await observer.get(`${base()}/ledger/balances?organisationId=${orgs.b}`);
    expect(bal.status).toBe(200);
    expect(bal.json.organisations).toEqual([
      {
        organisationId: orgs.b,
        unit: 'hours',
        given: { confirmed: 0, pending: 0, pendingReversals: 0 },
        received: { confirmed: 3, pending: 0, pendingReversals: 0 },
      },
    ]);
  });

  it("bad input is a 400 in the person's language and writes nothing", async () => {
    const before = (await observer.get(`${base()}/ledger?limit=1`)).json.total;
    const cases: [Record<string, unknown>, RegExp][] = [
      [entry({ amount: -5 }), /Amount: Must be more than 0\./],
      [entry({ amount: 1e9 }), /too large/],
      [entry({ unit: 'goats' }), /Unknown unit "goats"/],
      [entry({ partnerOrganisationId: orgs.a }), /cannot give to or take from itself/],
      [entry({ date: '2026-02-31' }), /date/],
      [entry({ date: 'yesterday' }), /date/],
    ];
    for (const [body, message] of cases) {
      const res = await repA.post(`${base()}/ledger`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.message).toMatch(message);
    }
    const de = german(repA);
    const selfDe = await de.post(`${base()}/ledger`, entry({ partnerOrganisationId: orgs.a }));
    expect(selfDe.json.error.message).toBe(
      'Eine Organisation kann nicht an sich selbst geben oder von sich selbst nehmen.',
    );
    const unitDe = await de.post(`${base()}/ledger`, entry({ unit: 'Ziegen' }));
    expect(unitDe.json.error.message).toBe('Unbekannte Einheit „Ziegen“.');
    const malformed = await de.post(`${base()}/ledger`, entry({ amount: 'viel' }));
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.fields.amount).toBeTruthy();
    expect((await observer.get(`${base()}/ledger?limit=1`)).json.total).toBe(before);
  });

  it('a goal from another network is refused', async () => {
    const foreign = await stranger.post(`/api/networks/${otherNetworkId}/goals`, { title: 'Foreign goal' });
    expect(foreign.status, foreign.text).toBe(201);
    const res = await repA.post(`${base()}/ledger`, entry({ goalId: foreign.json.goal.id }));
    expect(res.status).toBe(404);
    expect(res.json.error.message).toBe('This goal does not exist in this network.');
    expect((await repA.get(`${base()}/goals/${foreign.json.goal.id}`)).status).toBe(404);
  });

  it('representatives record only for their own organisation; managers cannot forge entries; strangers see nothing', async () => {
    expect((await repB.post(`${base()}/ledger`, entry())).status).toBe(403);
    expect((await manager.post(`${base()}/ledger`, entry())).status).toBe(403);
    expect((await adviser.post(`${base()}/ledger`, entry())).status).toBe(403);
    expect((await stranger.post(`${base()}/ledger`, entry())).status).toBe(404);
    expect((await stranger.get(`${base()}/ledger`)).status).toBe(404);
    expect((await stranger.get(`${base()}/goals`)).status).toBe(404);
  });

  it('a retried request with the same idempotency key records one entry', async () => {
    const key = `k-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const first = await repA.post(`${base()}/ledger`, entry({ idempotencyKey: key, amount: 1.25 }));
    const again = await repA.post(`${base()}/ledger`, entry({ idempotencyKey: key, amount: 1.25 }));
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.json.entry.id).toBe(first.json.entry.id);
  });

  it("goals: only members create, only an organisation's people rate for it, advisers comment, observers read", async () => {
    const g = await repA.post(`${base()}/goals`, {
      title: 'Gemeinsamer Freiwilligenpool',
      whyTogether: 'Allein zu klein',
      targetDate: '2027-06-30',
    });
    expect(g.status, g.text).toBe(201);
    const goalId = g.json.goal.id;
    expect((await observer.post(`${base()}/goals`, { title: 'Observer goal' })).status).toBe(403);
    const rating = { organisationId: orgs.b, attractive: 5, concrete: 3, flexible: 4, comment: 'Gute Idee' };
    expect((await repA.put(`${base()}/goals/${goalId}/ratings`, rating)).status).toBe(403);
    expect((await manager.put(`${base()}/goals/${goalId}/ratings`, rating)).status).toBe(403);
    expect((await repB.put(`${base()}/goals/${goalId}/ratings`, rating)).status).toBe(200);
    expect((await adviser.post(`${base()}/goals/${goalId}/comments`, { body: 'Start with a pilot.' })).status).toBe(
      201,
    );
    expect((await observer.post(`${base()}/goals/${goalId}/comments`, { body: 'Hi' })).status).toBe(403);
    const noDate = await repA.patch(`${base()}/goals/${goalId}`, { status: 'pilot' });
    expect(noDate.status, noDate.text).toBe(400);
    expect(noDate.json.error.message).toBe('A pilot needs a review date.');
    const reviewOn = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const status = await repA.patch(`${base()}/goals/${goalId}`, { status: 'pilot', reviewOn });
    expect(status.status, status.text).toBe(200);
    const view = await observer.get(`${base()}/goals/${goalId}`);
    expect(view.json.goal.status).toBe('pilot');
    expect(view.json.ratings).toHaveLength(1);
    expect(view.json.comments[0].body).toBe('Start with a pilot.');
    const revs = await observer.get(`${base()}/goals/${goalId}/revisions`);
    expect(revs.json.revisions.map((r: { version: number }) => r.version)).toEqual([2, 1]);
    const board = await observer.get(`${base()}/goals?status=pilot&q=freiwillig`);
    expect(board.json.goals.map((x: { id: string }) => x.id)).toEqual([goalId]);
    expect((await observer.get(`${base()}/goals?status=nonsense`)).status).toBe(400);
  });

  it('a pilot review over HTTP: refusals in the person’s language with nothing written, then the decision', async () => {
    const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    const de = german(repA);
    const noDate = await de.post(`${base()}/goals`, { title: 'Lastenrad-Pilot', status: 'pilot' });
    expect(noDate.status).toBe(400);
    expect(noDate.json.error.message).toBe('Ein Pilot braucht ein Überprüfungsdatum.');
    const past = await de.post(`${base()}/goals`, { title: 'Lastenrad-Pilot', status: 'pilot', reviewOn: inDays(-2) });
    expect(past.json.error.message).toBe('Das Überprüfungsdatum darf nicht in der Vergangenheit liegen.');
    const bad = await repA.post(`${base()}/goals`, { title: 'Cargo pilot', status: 'pilot', reviewOn: '2026-02-31' });
    expect(bad.json.error.message).toBe('The review date is not a valid date (YYYY-MM-DD).');
    const created = await repA.post(`${base()}/goals`, {
      title: 'Cargo bike pilot',
      status: 'pilot',
      reviewOn: inDays(3),
      organisationIds: [orgs.b],
    });
    expect(created.status, created.text).toBe(201);
    const goalId: string = created.json.goal.id;
    const url = `${base()}/goals/${goalId}/pilot-decision`;
    const deepen = { decision: 'deepen', reason: 'Booked every day' };
    const versions = async () => (await observer.get(`${base()}/goals/${goalId}/revisions`)).json.revisions.length;
    expect(await versions()).toBe(1);

    const notDue = await de.post(url, deepen);
    expect(notDue.status).toBe(409);
    expect(notDue.json.error.message).toBe(
      `Der Überprüfungstermin (${inDays(3)}) ist noch nicht erreicht. Wenn Sie früher entscheiden möchten, geben Sie das ausdrücklich an.`,
    );
    const noReason = await repBde.post(url, { decision: 'stop', reason: '', early: true });
    expect(noReason.status).toBe(400);
    expect(noReason.json.error.message).toBe('Bitte begründen Sie die Entscheidung kurz (mindestens 3 Zeichen).');
    expect((await observer.post(url, { ...deepen, early: true })).status).toBe(403);
    expect((await adviser.post(url, { ...deepen, early: true })).status).toBe(403);
    expect((await stranger.post(url, { ...deepen, early: true })).status).toBe(404);
    expect((await repA.post(url, { decision: 'perhaps', reason: 'hm hm' })).status).toBe(400);
    expect(await versions()).toBe(1);
    expect(
      (await observer.get(`${base()}/goals?review=due`)).json.goals.map((g: { id: string }) => g.id),
    ).not.toContain(goalId);

    // Whether the review may be decided comes with the goal (its policy), for the pilot it still is.
    expect((await repB.get(`${base()}/goals/${goalId}`)).json.goal.abilities.decidePilot).toBe(true);
    expect((await observer.get(`${base()}/goals/${goalId}`)).json.goal.abilities.decidePilot).toBe(false);
    const early = await repB.post(url, { ...deepen, early: true });
    expect(early.status, early.text).toBe(200);
    expect(early.json.goal).toMatchObject({ status: 'active', reviewOn: null });
    expect(await versions()).toBe(2);
    const again = await repA.post(url, { ...deepen, early: true });
    expect(again.status).toBe(409);
    expect(again.json.error.message).toBe('This is not a pilot: there is no review to decide.');
    const view = await repB.get(`${base()}/goals/${goalId}`);
    expect(view.json.goal.abilities).toMatchObject({ decidePilot: false, update: true });
  });

  it('commitments: committed, delivered with evidence, and refused when out of order', async () => {
    const g = await repA.post(`${base()}/goals`, { title: 'Commitment target' });
    const c = await repA.post(`${base()}/commitments`, {
      organisationId: orgs.a,
      goalId: g.json.goal.id,
      unit: 'hours',
      amount: 5,
      dueOn: '2030-01-01',
      commit: true,
    });
    expect(c.status, c.text).toBe(201);
    const e = await repA.post(`${base()}/ledger`, entry({ amount: 5, goalId: g.json.goal.id }));
    // Waiting for the other side, it shows nothing yet.
    const early = await repA.patch(`${base()}/commitments/${c.json.commitment.id}`, {
      action: 'deliver',
      evidenceEntryIds: [e.json.entry.id],
    });
    expect(early.status).toBe(400);
    expect(early.json.error.code).toBe('cooperation.errors.badEvidence');
    expect((await repB.post(`${base()}/ledger/${e.json.entry.id}/response`, { response: 'confirm' })).status).toBe(200);
    expect(
      (
        await repB.patch(`${base()}/commitments/${c.json.commitment.id}`, {
          action: 'deliver',
          evidenceEntryIds: [e.json.entry.id],
        })
      ).status,
    ).toBe(403);
    const d = await repA.patch(`${base()}/commitments/${c.json.commitment.id}`, {
      action: 'deliver',
      evidenceEntryIds: [e.json.entry.id],
    });
    expect(d.status, d.text).toBe(200);
    expect(d.json.commitment.status).toBe('delivered');
    expect(
      (await repA.patch(`${base()}/commitments/${c.json.commitment.id}`, { action: 'withdraw', reason: 'nope' }))
        .status,
    ).toBe(409);
    const list = await observer.get(`${base()}/commitments?goalId=${g.json.goal.id}`);
    expect(list.json.commitments[0]).toMatchObject({ status: 'delivered', evidenceEntryIds: [e.json.entry.id] });
  });

  it('a disputed entry is corrected by a reversing entry, and the CSV export lists both', async () => {
    const rec = await repA.post(`${base()}/ledger`, entry({ unit: 'contacts', amount: 12 }));
    const id = rec.json.entry.id;
    const dispute = await repB.post(`${base()}/ledger/${id}/response`, {
      response: 'dispute',
      comment: 'Es waren 2 Kontakte',
    });
    expect(dispute.json.entry.status).toBe('disputed');
    expect((await repB.post(`${base()}/ledger/${id}/correction`, { reason: 'not mine' })).status).toBe(403);
    const fix = await repA.post(`${base()}/ledger/${id}/correction`, { reason: 'Tippfehler' });
    expect(fix.status, fix.text).toBe(201);
    expect(fix.json.entry).toMatchObject({ reversesId: id, amount: -12 });
    const csv = await observer.raw(`${base()}/ledger/export?unit=contacts`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(LEDGER_CSV_COLUMNS.map((c) => t('en', `cooperation.csv.${c.key}`)).join(','));
    expect(lines[1]).toContain('Alpha Verein,Beta Initiative,contacts,12,reversed');
    expect(lines[2]).toContain('-12');
  });

  it("the change feed streams a partner's change to another member, and nothing to strangers", async () => {
    expect((await stranger.raw(`${base()}/events`)).status).toBe(404);
    const ctrl = new AbortController();
    const res = await observer.raw(`${base()}/events`, { signal: ctrl.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    const waitFor = async (pattern: RegExp) => {
      while (!pattern.test(buffer)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${pattern}: ${buffer}`);
        buffer += decoder.decode(value, { stream: true });
      }
    };
    await waitFor(/event: ready/);
    const g = await repB.post(`${base()}/goals`, { title: 'Live goal from Beta' });
    await waitFor(new RegExp(`"subjectId":"${g.json.goal.id}"`));
    expect(buffer).toMatch(/event: activity\ndata: \{[^\n]*"kind":"goal.created"/);
    ctrl.abort();
    const recent = await observer.get(`${base()}/events?recent=1&limit=5`);
    expect(recent.json.items[0]).toMatchObject({ kind: 'goal.created', subjectId: g.json.goal.id });
    // What people are shown: the catalog's words and link, not the kind.
    expect(recent.json.items[0].words).toEqual({
      key: 'activity.goal.created',
      values: { title: 'Live goal from Beta' },
      href: `/networks/${networkId}/goals/${g.json.goal.id}`,
    });
  });

  it('state-changing requests from another site are refused', async () => {
    const res = await repA.raw(`${base()}/ledger`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify(entry()),
    });
    expect(res.status).toBe(403);
  });
});
