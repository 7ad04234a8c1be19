import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, uniqueEmail } from '../helpers/api-client';
import { app, client } from '../helpers/app';

/**
 * The networks API against the real running app: authorization answers
 * (404 for strangers, 403 with a message for members without the right),
 * immediate loss of access, translated refusals, and the same-origin rule.
 */

async function person(name: string, opts: { locale?: string } = {}) {
  const c = client(opts);
  await c.signUpAndSignIn({
    email: uniqueEmail(name.split(' ')[0].toLowerCase()),
    password: `pw-${name}-Netzwerk-2026!`,
    name,
  });
  return c;
}

/**
 * Headers asking for German answers. Signed in, the account's language wins
 * over Accept-Language, so a test that wants German from an English account
 * sends the language cookie (a browser's own choice) instead.
 */
function german(c: ApiClient): Record<string, string> {
  return { cookie: `${c.cookieHeader()}; nwr-locale=de` };
}

/** Sets an invitation's expiry in the app's own database (the API cannot create an expired one). */
function expireInvitation(id: string) {
  const db = new Database(path.join(app().dataDir, 'netzwerkraum.sqlite'));
  try {
    db.pragma('busy_timeout = 10000');
    db.prepare('UPDATE invitations SET expires_at = ? WHERE id = ?').run(Date.now() - 1000, id);
  } finally {
    db.close();
  }
}

describe('networks API', () => {
  let manager: ApiClient;
  let rep: ApiClient;
  let stranger: ApiClient;
  let networkId: string;
  let orgId: string;
  let otherOrgId: string;
  let repId: string;

  async function invite(body: Record<string, unknown>, by: ApiClient = manager) {
    const res = await by.post(`/api/networks/${networkId}/invitations`, body);
    expect(res.status, res.text).toBe(201);
    return res.json as { token: string; link: string; invitation: { id: string } };
  }

  beforeAll(async () => {
    [manager, rep, stranger] = await Promise.all([person('Mara Manager'), person('Rico Rep'), person('Sven Stranger')]);
    const net = await manager.post('/api/networks', { name: 'Netz Nord', purpose: 'Gemeinsam mehr erreichen' });
    expect(net.status, net.text).toBe(201);
    networkId = net.json.network.id;
    const org = await manager.post(`/api/networks/${networkId}/organisations`, { name: 'Green Hands', kind: 'ngo' });
    expect(org.status, org.text).toBe(201);
    orgId = org.json.organisation.id;
    otherOrgId = (
      await manager.post(`/api/networks/${networkId}/organisations`, { name: 'Blue Cluster', kind: 'cluster' })
    ).json.organisation.id;
    const inv = await invite({ role: 'representative', organisationId: orgId });
    const accepted = await rep.post(`/api/invitations/${inv.token}/accept`);
    expect(accepted.status, accepted.text).toBe(200);
    repId = (await rep.session())!.user!.id!;
  });

  it('the creator sees the network with both organisations and the representative', async () => {
    const res = await manager.get(`/api/networks/${networkId}`);
    expect(res.status).toBe(200);
    expect(res.json.network.name).toBe('Netz Nord');
    expect(res.json.organisations.map((o: { name: string }) => o.name).sort()).toEqual(['Blue Cluster', 'Green Hands']);
    expect(res.json.people.map((p: { name: string; role: string }) => [p.name, p.role]).sort()).toEqual([
      ['Mara Manager', 'manager'],
      ['Rico Rep', 'representative'],
    ]);
    const mine = await rep.get('/api/networks');
    expect(mine.json.networks).toEqual([
      expect.objectContaining({ id: networkId, role: 'representative', organisationId: orgId }),
    ]);
  });

  it('a non-member gets 404 for the network and every one of its sub-resources', async () => {
    const answers = await Promise.all([
      stranger.get(`/api/networks/${networkId}`),
      stranger.get(`/api/networks/${networkId}/members`),
      stranger.get(`/api/networks/${networkId}/invitations`),
      stranger.get(`/api/networks/${networkId}/organisations/${orgId}`),
      stranger.patch(`/api/networks/${networkId}`, { name: 'Mine now' }),
      stranger.post(`/api/networks/${networkId}/organisations`, { name: 'Intruders', kind: 'other' }),
      stranger.patch(`/api/networks/${networkId}/organisations/${orgId}`, { status: 'left' }),
      stranger.post(`/api/networks/${networkId}/invitations`, { role: 'observer' }),
      stranger.patch(`/api/networks/${networkId}/members/${repId}`, { role: 'observer' }),
      stranger.delete(`/api/networks/${networkId}/members/${repId}`),
    ]);
    for (const a of answers) {
      expect(a.status, a.text).toBe(404);
      expect(a.json.error.code).toBe('not_found');
      expect(a.text).not.toContain('Netz Nord');
    }
  });

  it('a signed-out caller is asked to sign in', async () => {
    const res = await client().get(`/api/networks/${networkId}`);
    expect(res.status).toBe(401);
  });

  it('a representative cannot invite a network manager: 403 with a message', async () => {
    const res = await rep.post(`/api/networks/${networkId}/invitations`, { role: 'manager' });
    expect(res.status).toBe(403);
    expect(res.json.error.message).toMatch(/own organisation/);
    const de = await rep.post(`/api/networks/${networkId}/invitations`, { role: 'manager' }, german(rep));
    expect(de.status).toBe(403);
    expect(de.json.error.message).toMatch(/eigenen Organisation/);
  });

  it('a representative cannot change roles or remove people: 403', async () => {
    const managerId = (await manager.session())!.user!.id!;
    const change = await rep.patch(`/api/networks/${networkId}/members/${managerId}`, { role: 'observer' });
    expect(change.status).toBe(403);
    expect(change.json.error.message).toBeTruthy();
    const remove = await rep.delete(`/api/networks/${networkId}/members/${managerId}`);
    expect(remove.status).toBe(403);
    const home = await manager.get(`/api/networks/${networkId}/members`);
    expect(home.json.members.find((m: { userId: string }) => m.userId === managerId).role).toBe('manager');
  });

  it('the last network manager cannot demote themselves: 409 in the person’s language', async () => {
    const managerId = (await manager.session())!.user!.id!;
    const en = await manager.patch(`/api/networks/${networkId}/members/${managerId}`, { role: 'observer' });
    expect(en.status).toBe(409);
    expect(en.json.error.message).toMatch(/at least one network manager/);
    const de = await manager.patch(
      `/api/networks/${networkId}/members/${managerId}`,
      { role: 'observer' },
      german(manager),
    );
    expect(de.json.error.message).toMatch(/mindestens eine Person im Netzwerkmanagement/);
  });

  it('a removed member loses access at once: the next request is 404', async () => {
    const gone = await person('Gina Gone');
    const inv = await invite({ role: 'observer' });
    expect((await gone.post(`/api/invitations/${inv.token}/accept`)).status).toBe(200);
    expect((await gone.get(`/api/networks/${networkId}`)).status).toBe(200);
    const goneId = (await gone.session())!.user!.id!;
    const removed = await manager.delete(`/api/networks/${networkId}/members/${goneId}`);
    expect(removed.status, removed.text).toBe(200);
    expect((await gone.get(`/api/networks/${networkId}`)).status).toBe(404);
    expect((await gone.get(`/api/networks/${networkId}/members`)).status).toBe(404);
    expect((await gone.get('/api/networks')).json.networks).toEqual([]);
  });

  it('an invalid email is refused with a message in the account language; a browser’s own choice (cookie) wins', async () => {
    const en = await manager.post(`/api/networks/${networkId}/invitations`, {
      role: 'observer',
      email: 'not-an-email',
    });
    expect(en.status).toBe(400);
    expect(en.json.error.code).toBe('invalid_input');
    expect(en.json.error.message).toMatch(/^Please check your input/);
    expect(en.json.error.fields.email).toBeTruthy();
    // The browser's Accept-Language does not override the account's language (English here)…
    const header = await manager.post(
      `/api/networks/${networkId}/invitations`,
      { role: 'observer', email: 'not-an-email' },
      { 'accept-language': 'de' },
    );
    expect(header.status).toBe(400);
    expect(header.json.error.message).toMatch(/^Please check your input/);
    // …a language chosen in this browser (cookie) does.
    const cookie = await manager.post(
      `/api/networks/${networkId}/invitations`,
      { role: 'observer', email: 'not-an-email' },
      { cookie: `${manager.cookieHeader()}; nwr-locale=de` },
    );
    expect(cookie.json.error.message).toMatch(/^Bitte prüfen Sie Ihre Eingabe/);
  });

  it('a duplicate organisation name is refused (409) in English and German', async () => {
    const en = await manager.post(`/api/networks/${networkId}/organisations`, {
      name: 'GREEN  hands',
      kind: 'company',
    });
    expect(en.status).toBe(409);
    expect(en.json.error.message).toContain('already part of this network');
    const de = await manager.post(
      `/api/networks/${networkId}/organisations`,
      { name: 'green hands', kind: 'company' },
      german(manager),
    );
    expect(de.status).toBe(409);
    expect(de.json.error.message).toContain('gehört bereits zu diesem Netzwerk');
    const orgs = (await manager.get(`/api/networks/${networkId}`)).json.organisations;
    expect(orgs).toHaveLength(2);
  });

  it('used, revoked and expired invitations are refused with clear messages in both languages', async () => {
    const newcomer = await person('Nora Newcomer');
    const newcomerDe = await person('Nils Neu', { locale: 'de' });

    const used = await invite({ role: 'adviser' });
    expect((await newcomer.post(`/api/invitations/${used.token}/accept`)).status).toBe(200);
    const usedEn = await stranger.post(`/api/invitations/${used.token}/accept`);
    expect(usedEn.status).toBe(409);
    expect(usedEn.json.error.message).toMatch(/already been used/);
    const usedDe = await newcomerDe.post(`/api/invitations/${used.token}/accept`);
    expect(usedDe.status).toBe(409);
    expect(usedDe.json.error.message).toMatch(/bereits verwendet/);

    const revoked = await invite({ role: 'observer' });
    expect((await manager.delete(`/api/networks/${networkId}/invitations/${revoked.invitation.id}`)).status).toBe(200);
    const revokedEn = await stranger.post(`/api/invitations/${revoked.token}/accept`);
    expect(revokedEn.status).toBe(410);
    expect(revokedEn.json.error.message).toMatch(/withdrawn/);
    const revokedDe = await newcomerDe.post(`/api/invitations/${revoked.token}/accept`);
    expect(revokedDe.json.error.message).toMatch(/zurückgezogen/);
    expect((await stranger.get(`/api/invitations/${revoked.token}`)).json.invitation.state).toBe('revoked');

    const expired = await invite({ role: 'observer' });
    expireInvitation(expired.invitation.id);
    const expiredEn = await stranger.post(`/api/invitations/${expired.token}/accept`);
    expect(expiredEn.status).toBe(410);
    expect(expiredEn.json.error.message).toMatch(/expired/);
    const expiredDe = await newcomerDe.post(`/api/invitations/${expired.token}/accept`);
    expect(expiredDe.json.error.message).toMatch(/abgelaufen/);

    // None of them let the stranger in.
    expect((await stranger.get(`/api/networks/${networkId}`)).status).toBe(404);
  });

  it('the invitation preview is public and tells only network, role and organisation', async () => {
    const inv = await invite({ role: 'home_member', organisationId: orgId, email: uniqueEmail('home') });
    const res = await client().get(`/api/invitations/${inv.token}`);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      invitation: { state: 'pending', networkName: 'Netz Nord', role: 'home_member', organisationName: 'Green Hands' },
    });
    expect((await client().get(`/api/invitations/${'y'.repeat(43)}`)).status).toBe(404);
  });

  it('an email invitation arrives by mail with a working link, for that address only', async () => {
    const invitee = client();
    const email = uniqueEmail('invitee');
    await invitee.signUpAndSignIn({ email, password: 'pw-invitee-Netzwerk-2026!', name: 'Ines Invitee' });
    const res = await rep.post(`/api/networks/${networkId}/invitations`, {
      role: 'home_member',
      organisationId: orgId,
      email,
      locale: 'de',
    });
    expect(res.status, res.text).toBe(201);
    expect(res.json.mailed).toBe(true);
    const mail = await app().smtp.waitFor((m) => m.to === email, 30_000);
    expect(mail.subject).toMatch(/lädt Sie/);
    expect(mail.text).toContain(res.json.link);
    const token = res.json.link.split('/invite/')[1];
    const wrong = await stranger.post(`/api/invitations/${token}/accept`);
    expect(wrong.status).toBe(403);
    expect(wrong.json.error.code).toBe('networks.errors.wrongEmail');
    const ok = await invitee.post(`/api/invitations/${token}/accept`);
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json.membership).toEqual({ networkId, role: 'home_member', organisationId: orgId });
    // The representative sees the invitation they created, not the manager's.
    const list = await rep.get(`/api/networks/${networkId}/invitations`);
    expect(list.json.invitations.every((i: { createdBy: { name: string } }) => i.createdBy.name === 'Rico Rep')).toBe(
      true,
    );
  });

  it('an organisation that leaves takes its people’s access with it', async () => {
    const leaver = await person('Lea Leaver');
    const inv = await invite({ role: 'representative', organisationId: otherOrgId });
    expect((await leaver.post(`/api/invitations/${inv.token}/accept`)).status).toBe(200);
    expect(
      (await leaver.patch(`/api/networks/${networkId}/organisations/${otherOrgId}`, { status: 'paused' })).status,
    ).toBe(200);
    expect((await leaver.get(`/api/networks/${networkId}`)).status).toBe(200);
    expect(
      (await leaver.patch(`/api/networks/${networkId}/organisations/${otherOrgId}`, { status: 'left' })).status,
    ).toBe(200);
    expect((await leaver.get(`/api/networks/${networkId}`)).status).toBe(404);
    const org = await manager.get(`/api/networks/${networkId}/organisations/${otherOrgId}`);
    expect(org.json.organisation.status).toBe('left');
  });

  it('a cross-origin POST is refused and changes nothing', async () => {
    const res = await manager.post(
      `/api/networks/${networkId}/organisations`,
      { name: 'Evil Org', kind: 'other' },
      { origin: 'https://evil.example' },
    );
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('bad_origin');
    const site = await manager.post(
      '/api/networks',
      { name: 'Evil Net' },
      { origin: app().url, 'sec-fetch-site': 'cross-site' },
    );
    expect(site.status).toBe(403);
    const orgs = (await manager.get(`/api/networks/${networkId}`)).json.organisations;
    expect(orgs.map((o: { name: string }) => o.name)).not.toContain('Evil Org');
    expect((await manager.get('/api/networks')).json.networks.map((n: { name: string }) => n.name)).not.toContain(
      'Evil Net',
    );
  });
});
