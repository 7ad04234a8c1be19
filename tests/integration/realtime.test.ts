import WebSocket from 'ws';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLOSE } from '@/lib/realtime/close-codes';
import { TICKET_PATH, type TicketResponse } from '@/lib/realtime/protocol';
import { ApiClient, uniqueEmail } from '../helpers/api-client';
import { app, client } from '../helpers/app';

/**
 * The ticket route against the real running app and realtime server: a
 * ticket opens exactly one websocket to exactly its document; refusals are
 * 401/403/404/400 with a message in the person's language.
 */

async function person(name: string, opts: { locale?: string } = {}) {
  const c = client(opts);
  await c.signUpAndSignIn({ email: uniqueEmail(name.toLowerCase()), password: `pw-${name}-Realtime-2026!`, name });
  return c;
}

function connect(url: string, origin: string) {
  const ws = new WebSocket(url, { origin });
  const frames: Buffer[] = [];
  ws.on('message', (d) => frames.push(d as Buffer));
  ws.on('error', () => undefined);
  const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
  return { ws, frames, closed };
}

describe('realtime tickets (POST /api/realtime/ticket)', () => {
  let manager: ApiClient;
  let stranger: ApiClient;
  let networkId: string;
  let orgId: string;

  beforeAll(async () => {
    [manager, stranger] = await Promise.all([person('Mira'), person('Stan', { locale: 'de' })]);
    const net = await manager.post('/api/networks', { name: 'Echtzeit Netz', purpose: 'Tickets prüfen' });
    expect(net.status, net.text).toBe(201);
    networkId = net.json.network.id;
    const org = await manager.post(`/api/networks/${networkId}/organisations`, {
      name: 'Verein Echtzeit',
      kind: 'ngo',
    });
    expect(org.status, org.text).toBe(201);
    orgId = org.json.organisation.id;
  });

  it('gives a member a single-use ticket that opens the document once', async () => {
    const doc = `commons.${networkId}`;
    const res = await manager.post<TicketResponse>(TICKET_PATH, { doc });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ access: 'write', url: app().realtimeUrl });
    expect(res.json.expiresAt).toBeGreaterThan(Date.now());
    const first = connect(`${res.json.url}/${doc}?ticket=${res.json.ticket}`, app().url);
    await expect.poll(() => first.frames.length, { timeout: 20_000 }).toBeGreaterThan(0);
    first.ws.close();
    const again = connect(`${res.json.url}/${doc}?ticket=${res.json.ticket}`, app().url);
    expect(await again.closed).toBe(CLOSE.UNAUTHENTICATED);
  });

  it('refuses strangers (404), the home document to a manager (403), bad names (404), bad bodies (400) and signed-out callers (401)', async () => {
    const notMember = await stranger.post(TICKET_PATH, { doc: `commons.${networkId}` });
    expect(notMember.status).toBe(404);
    expect(notMember.json.error.message).toBe('Diese Seite gibt es nicht, oder Sie haben keinen Zugang.');
    const home = await manager.post(TICKET_PATH, { doc: `home.${networkId}.${orgId}` });
    expect(home.status).toBe(403);
    expect((await manager.post(TICKET_PATH, { doc: 'commons.nope' })).status).toBe(404);
    const bad = await manager.post(TICKET_PATH, { document: 1 });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('invalid_input');
    const anonymous = await client().post(TICKET_PATH, { doc: `commons.${networkId}` });
    expect(anonymous.status).toBe(401);
    const crossSite = await manager.post(TICKET_PATH, { doc: `commons.${networkId}` }, { origin: 'http://evil.test' });
    expect(crossSite.status).toBe(403);
  });
});
