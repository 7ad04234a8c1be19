import path from 'node:path';
import Database from 'better-sqlite3';
import WebSocket from 'ws';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLOSE } from '@/lib/realtime/close-codes';
import { TICKET_PATH, type TicketResponse } from '@/lib/realtime/protocol';
import { ApiClient, uniqueEmail } from '../helpers/api-client';
import { app, client } from '../helpers/app';

/**
 * Leaving a network yourself, against the real running app and realtime
 * server: any role may leave (404 right after), the last network manager may
 * not (409, in the person's language, race-safe), history stays, the
 * organisation of a representative who was its last person stays, and open
 * realtime sockets of the leaver close.
 */

async function person(name: string, locale: 'en' | 'de' = 'en') {
  const c = client();
  await c.signUpAndSignIn({
    email: uniqueEmail(name.split(' ')[0].toLowerCase()),
    password: `pw-${name}-Netzwerk-2026!`,
    name,
    locale,
  });
  return c;
}

async function idOf(c: ApiClient): Promise<string> {
  return (await c.session())!.user!.id!;
}

function readDb<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(path.join(app().dataDir, 'netzwerkraum.sqlite'), { readonly: true });
  try {
    db.pragma('busy_timeout = 10000');
    return fn(db);
  } finally {
    db.close();
  }
}

describe('leaving a network (DELETE /api/networks/:id/membership)', () => {
  let manager: ApiClient;
  let networkId: string;
  let orgId: string;

  async function join(c: ApiClient, body: Record<string, unknown>) {
    const inv = await manager.post(`/api/networks/${networkId}/invitations`, body);
    expect(inv.status, inv.text).toBe(201);
    const ok = await c.post(`/api/invitations/${inv.json.token}/accept`);
    expect(ok.status, ok.text).toBe(200);
  }

  beforeAll(async () => {
    manager = await person('Maren Managerin', 'de');
    const net = await manager.post('/api/networks', { name: 'Netz Austritt', purpose: 'Gehen dürfen' });
    expect(net.status, net.text).toBe(201);
    networkId = net.json.network.id;
    const org = await manager.post(`/api/networks/${networkId}/organisations`, { name: 'Verein Allein', kind: 'ngo' });
    expect(org.status, org.text).toBe(201);
    orgId = org.json.organisation.id;
  });

  it('an observer leaves: 200, then 404 for the network at once; the row and an activity entry stay', async () => {
    const olga = await person('Olga Observer');
    await join(olga, { role: 'observer' });
    const olgaId = await idOf(olga);
    expect((await olga.get(`/api/networks/${networkId}`)).status).toBe(200);

    const res = await olga.delete(`/api/networks/${networkId}/membership`);
    expect(res.status, res.text).toBe(200);
    expect(res.json.membership).toMatchObject({ networkId, userId: olgaId });

    expect((await olga.get(`/api/networks/${networkId}`)).status).toBe(404);
    expect((await olga.get(`/api/networks/${networkId}/members`)).status).toBe(404);
    expect((await olga.post(TICKET_PATH, { doc: `commons.${networkId}` })).status).toBe(404);
    expect((await olga.get('/api/networks')).json.networks).toEqual([]);
    // A second leave: there is nothing to leave any more.
    expect((await olga.delete(`/api/networks/${networkId}/membership`)).status).toBe(404);
    const people = (await manager.get(`/api/networks/${networkId}/members`)).json.members;
    expect(people.map((p: { userId: string }) => p.userId)).not.toContain(olgaId);

    const history = readDb((db) => ({
      row: db
        .prepare('SELECT role, removed_at FROM memberships WHERE network_id = ? AND user_id = ?')
        .get(networkId, olgaId) as { role: string; removed_at: number | null },
      activity: db
        .prepare("SELECT actor_id, subject_id, data FROM activity WHERE network_id = ? AND kind = 'member.removed'")
        .all(networkId) as { actor_id: string; subject_id: string; data: string }[],
    }));
    expect(history.row.role).toBe('observer');
    expect(history.row.removed_at).toBeGreaterThan(0);
    const entry = history.activity.find((a) => a.subject_id === olgaId)!;
    expect(entry.actor_id).toBe(olgaId);
    expect(JSON.parse(entry.data)).toMatchObject({ role: 'observer', left: true });
  });

  it('a non-member gets 404, a signed-out caller 401, a cross-site request 403', async () => {
    const stranger = await person('Sina Stranger');
    const res = await stranger.delete(`/api/networks/${networkId}/membership`);
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('not_found');
    expect(res.text).not.toContain('Netz Austritt');
    expect((await client().delete(`/api/networks/${networkId}/membership`)).status).toBe(401);
    const crossSite = await manager.delete(`/api/networks/${networkId}/membership`, undefined, {
      origin: 'https://evil.example',
    });
    expect(crossSite.status).toBe(403);
    expect((await manager.get(`/api/networks/${networkId}`)).status).toBe(200);
  });

  it('the last network manager cannot leave: 409 with a message in the account language', async () => {
    const de = await manager.delete(`/api/networks/${networkId}/membership`);
    expect(de.status).toBe(409);
    expect(de.json.error.code).toBe('networks.errors.lastManagerLeave');
    expect(de.json.error.message).toMatch(/letzte Person im Netzwerkmanagement/);
    // The same through the members route naming oneself.
    const self = await manager.delete(`/api/networks/${networkId}/members/${await idOf(manager)}`);
    expect(self.status).toBe(409);
    const en = await manager.delete(`/api/networks/${networkId}/membership`, undefined, {
      cookie: `${manager.cookieHeader()}; nwr-locale=en`,
    });
    expect(en.json.error.message).toBe(
      'You are the last network manager. Name another network manager first, then you can leave.',
    );
    expect((await manager.get(`/api/networks/${networkId}`)).status).toBe(200);
  });

  it('of two managers leaving at the same moment, exactly one may go', async () => {
    const net = await manager.post('/api/networks', { name: 'Netz Zwei Köpfe' });
    const id = net.json.network.id as string;
    const second = await person('Zora Zweite');
    const inv = await manager.post(`/api/networks/${id}/invitations`, { role: 'manager' });
    expect((await second.post(`/api/invitations/${inv.json.token}/accept`)).status).toBe(200);
    const answers = await Promise.all([
      manager.delete(`/api/networks/${id}/membership`),
      second.delete(`/api/networks/${id}/membership`),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const stayed = answers[0].status === 200 ? second : manager;
    const members = (await stayed.get(`/api/networks/${id}/members`)).json.members;
    expect(members.map((m: { role: string }) => m.role)).toEqual(['manager']);
  });

  it('a manager may leave once another manager is named', async () => {
    const net = await manager.post('/api/networks', { name: 'Netz Übergabe' });
    const id = net.json.network.id as string;
    const next = await person('Nele Nachfolgerin');
    const inv = await manager.post(`/api/networks/${id}/invitations`, { role: 'observer' });
    expect((await next.post(`/api/invitations/${inv.json.token}/accept`)).status).toBe(200);
    expect((await manager.delete(`/api/networks/${id}/membership`)).status).toBe(409);
    const promoted = await manager.patch(`/api/networks/${id}/members/${await idOf(next)}`, { role: 'manager' });
    expect(promoted.status, promoted.text).toBe(200);
    expect((await manager.delete(`/api/networks/${id}/membership`)).status).toBe(200);
    expect((await manager.get(`/api/networks/${id}`)).status).toBe(404);
    expect((await next.get(`/api/networks/${id}`)).json.people).toEqual([
      expect.objectContaining({ role: 'manager', name: 'Nele Nachfolgerin' }),
    ]);
  });

  it('the last representative of an organisation may leave; the organisation stays', async () => {
    const rep = await person('Rafa Rep');
    await join(rep, { role: 'representative', organisationId: orgId });
    // Naming yourself on the members route is leaving, for any role.
    const res = await rep.delete(`/api/networks/${networkId}/members/${await idOf(rep)}`);
    expect(res.status, res.text).toBe(200);
    expect((await rep.get(`/api/networks/${networkId}`)).status).toBe(404);
    const org = await manager.get(`/api/networks/${networkId}/organisations/${orgId}`);
    expect(org.status).toBe(200);
    expect(org.json.organisation).toMatchObject({ name: 'Verein Allein', status: 'active' });
  });

  it('the leaver’s open realtime sockets for the network close (permission watcher)', async () => {
    const rita = await person('Rita Realtime');
    await join(rita, { role: 'representative', organisationId: orgId });
    const doc = `commons.${networkId}`;
    const ticket = await rita.post<TicketResponse>(TICKET_PATH, { doc });
    expect(ticket.status, ticket.text).toBe(200);
    const ws = new WebSocket(`${ticket.json.url}/${doc}?ticket=${ticket.json.ticket}`, { origin: app().url });
    const frames: Buffer[] = [];
    ws.on('message', (d) => frames.push(d as Buffer));
    ws.on('error', () => undefined);
    let closedAt = 0;
    const closed = new Promise<number>((r) =>
      ws.once('close', (code) => {
        closedAt = performance.now();
        r(code);
      }),
    );
    await expect.poll(() => frames.length, { timeout: 20_000 }).toBeGreaterThan(0);

    const leftAt = performance.now();
    expect((await rita.delete(`/api/networks/${networkId}/membership`)).status).toBe(200);
    expect(await closed).toBe(CLOSE.PERMISSIONS_CHANGED);
    // A figure for the report, not an assertion (the watcher polls every 250 ms).
    console.info(`[membership] socket closed ${Math.round(closedAt - leftAt)} ms after the leave request was sent`);
    expect((await rita.post(TICKET_PATH, { doc })).status).toBe(404);
  });
});
