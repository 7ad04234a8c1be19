import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, uniqueEmail } from '../helpers/api-client';
import { app, client } from '../helpers/app';
import { jobStatus, runDigestsAt, tomorrowInVienna } from '../helpers/test-clock';

/**
 * Follow-up against the real running app (web, job runner, SMTP sink):
 * comments and mentions, moderation and the audit log, "for me" and the bell,
 * notification settings, the digest on the job runner, unsubscribing signed
 * out. Every refusal asked of the API.
 */
async function person(name: string, locale: 'en' | 'de' = 'en') {
  const c = client({ locale });
  const email = uniqueEmail(name.split(' ')[0].toLowerCase());
  await c.signUpAndSignIn({ email, password: `pw-${name}-Netzwerk-2026!`, name, locale });
  return Object.assign(c, { email, userId: (await c.session())!.user!.id! as string });
}

const today = new Date().toISOString().slice(0, 10);

describe('follow-up API', () => {
  let manager: Awaited<ReturnType<typeof person>>;
  let repA: Awaited<ReturnType<typeof person>>;
  let repB: Awaited<ReturnType<typeof person>>;
  let observer: Awaited<ReturnType<typeof person>>;
  let stranger: Awaited<ReturnType<typeof person>>;
  let networkId: string;
  let entryId: string;
  let commentId: string;
  const orgs = { a: '', b: '' };
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
    const net = await manager.post('/api/networks', { name: 'Nachfassnetz', purpose: 'Zwischen den Treffen' });
    networkId = net.json.network.id;
    for (const k of ['a', 'b'] as const) {
      const o = await manager.post(`${base()}/organisations`, {
        name: `Org ${k} ${uniqueEmail('x').slice(0, 8)}`,
        kind: 'ngo',
      });
      orgs[k] = o.json.organisation.id;
    }
    await join(repA, 'representative', orgs.a);
    await join(repB, 'representative', orgs.b);
    await join(observer, 'observer', null);
    const e = await repA.post(`${base()}/ledger`, {
      organisationId: orgs.a,
      kind: 'give',
      partnerOrganisationId: orgs.b,
      unit: 'hours',
      amount: 2,
      date: today,
      description: 'Workshop room',
    });
    expect(e.status, e.text).toBe(201);
    entryId = e.json.entry.id;
  });

  it('a comment with mentions: the member is notified (bell, mail at once in their language); the stranger not', async () => {
    const before = (await repB.get(`${base()}/for-me/count`)).json.count as number;
    const res = await repA.post(`${base()}/comments`, {
      subjectType: 'ledger_entry',
      subjectId: entryId,
      body: `Thanks @[Bernd Beta](${repB.userId}) and @[Sven](${stranger.userId}) — see [the plan](javascript:alert(1))`,
    });
    expect(res.status, res.text).toBe(201);
    commentId = res.json.comment.id;
    expect((await repB.get(`${base()}/for-me/count`)).json.count).toBe(before + 1);
    const mail = await app().smtp.waitFor((m) => m.to === repB.email.toLowerCase() && m.subject.includes('erwähnt'));
    expect(mail.headers['list-unsubscribe']).toMatch(/\/unsubscribe\//);
    expect(mail.html).not.toMatch(/href="javascript/i);
    expect(mail.html).toContain('[the plan](javascript:alert(1))'); // shown as the text it is, never a link
    expect(
      app()
        .smtp.messages()
        .some((m) => m.to === stranger.email.toLowerCase()),
    ).toBe(false);
    const forMe = await repB.get(`${base()}/for-me`);
    expect(forMe.json.needsMe.map((i: { source: string }) => i.source).sort()).toEqual(['confirmation', 'mention']);
    expect(forMe.json.needsMe.find((i: { source: string }) => i.source === 'mention').href).toBe(
      `/networks/${networkId}/ledger/${entryId}#comment-${commentId}`,
    );
  });

  it('refusals: strangers 404, observers 403, bad input 400 in the person’s language, others’ words 403', async () => {
    expect((await stranger.get(`${base()}/comments?subjectType=ledger_entry&subjectId=${entryId}`)).status).toBe(404);
    expect((await client().get(`${base()}/comments?subjectType=ledger_entry&subjectId=${entryId}`)).status).toBe(401);
    const obs = await observer.post(`${base()}/comments`, {
      subjectType: 'ledger_entry',
      subjectId: entryId,
      body: 'Hi',
    });
    expect(obs.status).toBe(403);
    const bad = await repB.post(`${base()}/comments`, { subjectType: 'ledger_entry', subjectId: entryId, body: '' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields.body).toBeTruthy();
    expect((await repB.patch(`${base()}/comments/${commentId}`, { body: 'Not mine' })).status).toBe(403);
    expect((await manager.patch(`${base()}/comments/${commentId}`, { body: 'Manager words' })).status).toBe(403);
    expect((await repB.delete(`${base()}/comments/${commentId}`)).status).toBe(403);
    expect((await repA.post(`${base()}/comments/${commentId}/hide`, { reason: 'Mine to hide?' })).status).toBe(403);
    expect((await stranger.get(`${base()}/for-me`)).status).toBe(404);
    expect((await stranger.get(`${base()}/activity`)).status).toBe(404);
    expect((await repB.get(`${base()}/activity?from=yesterday`)).status).toBe(400);
  });

  it('moderation: hidden for members, visible to managers and the author; every act in the audit log and its CSV', async () => {
    expect((await manager.post(`${base()}/comments/${commentId}/hide`, { reason: '' })).status).toBe(400);
    const hide = await manager.post(`${base()}/comments/${commentId}/hide`, { reason: 'Off topic' });
    expect(hide.status, hide.text).toBe(200);
    const list = (c: ApiClient) => c.get(`${base()}/comments?subjectType=ledger_entry&subjectId=${entryId}`);
    expect((await list(repB)).json.comments.map((c: { id: string }) => c.id)).not.toContain(commentId);
    expect((await list(observer)).json.comments).toEqual([]);
    expect((await list(repA)).json.comments[0]).toMatchObject({ id: commentId, hidden: true });
    expect((await list(manager)).json.comments[0].hiding).toMatchObject({ reason: 'Off topic' });
    const log = await observer.get(`${base()}/activity?group=moderation`);
    expect(log.json.items[0]).toMatchObject({
      kind: 'comment.hidden',
      actorName: 'Mara Manager',
      data: { reason: 'Off topic' },
    });
    const csv = await observer.get(`${base()}/activity/export?group=moderation`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text).toContain('Off topic');
    expect((await manager.post(`${base()}/comments/${commentId}/restore`, {})).status).toBe(200);
    expect((await list(repB)).json.comments.map((c: { id: string }) => c.id)).toContain(commentId);
  });

  it('mark as seen, for me across networks, and the person’s own notification settings', async () => {
    const forMe = await repB.get(`${base()}/for-me`);
    const mention = forMe.json.needsMe.find((i: { source: string }) => i.source === 'mention');
    expect((await repB.post(`${base()}/for-me/seen`, { notificationIds: [mention.id] })).status).toBe(200);
    expect((await repB.get(`${base()}/for-me/count`)).json.count).toBe(forMe.json.count - 1);
    expect((await repB.post(`${base()}/for-me/seen`, {})).status).toBe(400);
    const across = await repB.get('/api/for-me');
    expect(across.json.networks.map((n: { networkId: string }) => n.networkId)).toContain(networkId);
    const s = await repB.get('/api/account/notifications');
    expect(s.json.prefs).toMatchObject({ mention: 'email', changes: 'digest' });
    expect(s.json.digest).toMatchObject({ frequency: 'daily', sendAt: '07:00' });
    expect((await repB.put('/api/account/notifications', { prefs: { changes: 'email' } })).status).toBe(400);
    expect(
      (await repB.put('/api/account/notifications', { digest: { frequency: 'hourly', sendAt: '7' } })).status,
    ).toBe(400);
    const ok = await repB.put('/api/account/notifications', { prefs: { pilotReview: 'app' } });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json.prefs.pilotReview).toBe('app');
    expect((await client().get('/api/account/notifications')).status).toBe(401);
  });

  it('a look over the API: the visit keeps what it shows, the bell stays; outsiders and bad input are refused', async () => {
    const first = await repB.get(`${base()}/for-me`);
    expect(first.status, first.text).toBe(200);
    const look = await repB.post(`${base()}/for-me/look`, { upToId: first.json.changes.latestId });
    expect(look.status, look.text).toBe(200);
    const again = await repB.get(`${base()}/for-me`);
    expect(again.json.changes).toMatchObject({ sinceId: first.json.changes.sinceId, total: first.json.changes.total });
    expect(again.json.changes.visitMinutes).toBe(30);
    expect(again.json.count).toBe(first.json.count); // looking is not acting: what needs me stays

    expect((await stranger.post(`${base()}/for-me/look`, { upToId: 1 })).status).toBe(404);
    expect((await client().post(`${base()}/for-me/look`, { upToId: 1 })).status).toBe(401);
    const de = await repB.post(`${base()}/for-me/look`, { upToId: -1 });
    expect(de.status).toBe(400);
    expect(Object.keys(de.json.error.fields)).toEqual(['upToId']);
    expect(de.json.error.message).toContain('Zuletzt gezeigte Änderung');
    const en = await repA.post(`${base()}/for-me/look`, { upToId: 'newest' });
    expect(en.status).toBe(400);
    expect(en.json.error.message).toContain('Last change shown');
    expect((await repB.get(`${base()}/for-me`)).json.changes.sinceId).toBe(first.json.changes.sinceId);
  });

  it('the next daily digest: once, in German, without what was seen; its unsubscribe link works signed out', async () => {
    // 23:59 in Vienna: the app's own schedule does not send today's while the test runs; the clock runs tomorrow's.
    const set = await repB.put('/api/account/notifications', {
      digest: { frequency: 'daily', sendAt: '23:59', weekday: 1, timeZone: 'Europe/Vienna' },
    });
    expect(set.status, set.text).toBe(200);
    await repA.post(`${base()}/comments`, { subjectType: 'ledger_entry', subjectId: entryId, body: 'A new thought' });
    const at = tomorrowInVienna(23, 59) + 30_000;
    const key = runDigestsAt(app().dataDir, at);
    const isDigest = (m: { to: string; subject: string }) =>
      m.to === repB.email.toLowerCase() && m.subject.startsWith('Ihre Tagesübersicht');
    const digest = await app().smtp.waitFor(isDigest, 20_000);
    expect(digest.text).toContain('Nachfassnetz');
    expect(digest.text).toContain('hat einen Eintrag in Geben und Nehmen kommentiert');
    expect(digest.text).not.toContain('Thanks'); // comment words never go into mails of the log
    expect(digest.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    await expect.poll(() => jobStatus(app().dataDir, key), { timeout: 15_000 }).toBe('done');
    const again = runDigestsAt(app().dataDir, at + 60_000);
    await expect.poll(() => jobStatus(app().dataDir, again), { timeout: 15_000 }).toBe('done');
    await new Promise((r) => setTimeout(r, 1500));
    expect(app().smtp.messages().filter(isDigest)).toHaveLength(1);

    const link = /https?:\/\/\S+\/unsubscribe\/[A-Za-z0-9_.-]+/.exec(digest.text)![0];
    const token = link.split('/unsubscribe/')[1];
    const anonymous = client();
    const page = await anonymous.get(`/unsubscribe/${token}`);
    expect(page.status).toBe(200);
    expect((await anonymous.post(`/api/unsubscribe/${token}x`)).status).toBe(400);
    const bad = await anonymous.get(`/unsubscribe/${token.slice(0, -3)}abc`);
    expect(bad.text).toContain('not valid');
    const done = await anonymous.post(`/api/unsubscribe/${token}`);
    expect(done.status, done.text).toBe(200);
    expect((await repB.get('/api/account/notifications')).json.digest.frequency).toBe('off');
  });
});
