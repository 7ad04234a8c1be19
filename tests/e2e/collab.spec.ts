import type { Page, WebSocketRoute } from '@playwright/test';
import { expect, expectNoAxeViolations, test, type TestUser } from './fixtures';
import { addOrganisation, createNetwork, join as joinNetwork } from './setup';

/**
 * Live co-editing in Chromium against the real app and realtime server:
 * shared notes (commons doc) with presence and cursors, offline edits that
 * merge on return, private home notes, and read-only access for observers.
 */

interface Network {
  id: string;
  name: string;
  greenId: string;
  blueId: string;
  alice: TestUser; // representative of Green Hands
  bob: TestUser; // representative of Blue Cluster
  olga: TestUser; // observer
  manager: TestUser;
}

async function setUpNetwork(createUser: (o?: Partial<TestUser>) => Promise<TestUser>): Promise<Network> {
  const manager = await createUser({ name: 'Mara Manager' });
  const suffix = Math.random().toString(36).slice(2, 7);
  const name = `Netz Süd ${suffix}`;
  const id = await createNetwork(manager.api, name);
  const greenId = await addOrganisation(manager.api, id, 'Green Hands', 'ngo');
  const blueId = await addOrganisation(manager.api, id, 'Blue Cluster', 'cluster');
  const join = (user: TestUser, body: Record<string, unknown>) => joinNetwork(manager.api, id, user, body);
  const alice = await createUser({ name: 'Alice Grün' });
  const bob = await createUser({ name: 'Bob Blau' });
  const olga = await createUser({ name: 'Olga Observer' });
  await join(alice, { role: 'representative', organisationId: greenId });
  await join(bob, { role: 'representative', organisationId: blueId });
  await join(olga, { role: 'observer' });
  return { id, name, greenId, blueId, alice, bob, olga, manager };
}

const statusOf = (page: Page) => page.locator('[role="status"][data-status]');
const editorOf = (page: Page) => page.getByRole('textbox', { name: /notes of|Notizen von/ });
/** The document's paragraphs as text, without the remote carets' name labels. */
const paragraphsOf = (page: Page) =>
  editorOf(page).evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('[data-remote-cursor]').forEach((c) => c.remove());
    return [...copy.children].map((c) => c.textContent ?? '');
  });

/** Cuts and restores a page's websockets (context.setOffline does not affect websockets). */
async function cuttableSockets(page: Page) {
  let offline = false;
  const open: Array<{ page: WebSocketRoute; server: WebSocketRoute }> = [];
  await page.routeWebSocket(/.*/, (ws) => {
    if (offline) {
      void ws.close({ code: 1011, reason: 'offline (test)' });
      return;
    }
    const server = ws.connectToServer();
    open.push({ page: ws, server });
  });
  return {
    goOffline: async () => {
      offline = true;
      for (const c of open.splice(0)) {
        await c.server.close().catch(() => {});
        await c.page.close({ code: 1011, reason: 'offline (test)' }).catch(() => {});
      }
    },
    goOnline: () => {
      offline = false;
    },
  };
}

test.describe('shared notes', () => {
  test('two representatives of two organisations co-edit the shared notes and see each other’s text, presence and cursor', async ({
    createUser,
    signedInPageFor,
  }) => {
    test.setTimeout(120_000);
    const n = await setUpNetwork(createUser);
    const a = await signedInPageFor(n.alice);
    const b = await signedInPageFor(n.bob);
    const refused: string[] = [];
    for (const p of [a, b])
      p.on('console', (m) => {
        if (/Content Security Policy|Refused to|Unable to compute message/i.test(m.text())) refused.push(m.text());
      });
    await a.goto(`/networks/${n.id}/notes`);
    await b.goto(`/networks/${n.id}/notes`);
    await expect(a.getByRole('heading', { level: 1, name: 'Shared notes' })).toBeVisible();
    await expect(statusOf(a)).toHaveAttribute('data-status', 'live');
    await expect(statusOf(b)).toHaveAttribute('data-status', 'live');
    // Someone who joins is seen when they join, before anyone types: well within y-protocols' 15 s presence
    // renewal, which was the first time Alice saw Bob while presence started at clock 0.
    await expect(a.getByTestId('presence')).toContainText('Bob Blau (Blue Cluster)', { timeout: 5_000 });

    await editorOf(a).click();
    await a.keyboard.type('Hello from Green Hands.');
    await expect(editorOf(b)).toContainText('Hello from Green Hands.');
    // Saved means the server acknowledged the change (not just "sent").
    await expect(statusOf(a)).toHaveAttribute('data-status', 'saved');
    await expect(statusOf(a)).toContainText('Saved');

    await editorOf(b).click();
    await b.keyboard.press('ControlOrMeta+End');
    await b.keyboard.press('Enter');
    await b.keyboard.type('Blue Cluster agrees.');
    await expect(editorOf(a)).toContainText('Blue Cluster agrees.');
    await expect(editorOf(b)).toContainText('Hello from Green Hands.');

    // Presence: each sees the other, with the name and organisation the server stamped.
    await expect(a.getByTestId('presence')).toContainText('Bob Blau (Blue Cluster)');
    await expect(b.getByTestId('presence')).toContainText('Alice Grün (Green Hands)');
    // Bob's caret is drawn in Alice's editor.
    await expect(a.locator('[data-remote-cursor="Bob Blau"]')).toHaveCount(1);

    await expectNoAxeViolations(a);
    await expectNoAxeViolations(b);
    // Neither the CSP refused anything (styles, the websocket) nor did the client meet a message type it cannot read.
    expect(refused).toEqual([]);
  });

  test('a person who goes offline keeps editing, and both see the merged text once they are back', async ({
    createUser,
    signedInPageFor,
  }) => {
    test.setTimeout(120_000);
    const n = await setUpNetwork(createUser);
    const a = await signedInPageFor(n.alice);
    const b = await signedInPageFor(n.bob);
    const sockets = await cuttableSockets(a);
    await a.goto(`/networks/${n.id}/notes`);
    await b.goto(`/networks/${n.id}/notes`);
    await expect(statusOf(a)).toHaveAttribute('data-status', 'live');
    await expect(statusOf(b)).toHaveAttribute('data-status', 'live');
    await editorOf(a).click();
    await a.keyboard.type('Agenda:');
    await expect(editorOf(b)).toContainText('Agenda:');

    await sockets.goOffline();
    await expect(statusOf(a)).toHaveAttribute('data-status', 'offline');
    await expect(statusOf(a)).toContainText('kept on this device');
    await a.keyboard.press('ControlOrMeta+End');
    await a.keyboard.type(' written offline by Alice');
    await editorOf(b).click();
    await b.keyboard.press('ControlOrMeta+End');
    await b.keyboard.press('Enter');
    await b.keyboard.type('Bob wrote this meanwhile');
    // Alice's offline words have not reached Bob, and Bob's have not reached Alice.
    await expect(editorOf(a)).toContainText('written offline by Alice');
    await expect(editorOf(b)).not.toContainText('written offline by Alice');
    await expect(editorOf(a)).not.toContainText('Bob wrote this meanwhile');

    sockets.goOnline();
    await expect(editorOf(b)).toContainText('written offline by Alice', { timeout: 30_000 });
    await expect(editorOf(a)).toContainText('Bob wrote this meanwhile', { timeout: 30_000 });
    await expect(statusOf(a)).toHaveAttribute('data-status', 'saved', { timeout: 30_000 });
    // Both hold the same document: Alice's paragraph with her offline words, then Bob's.
    await expect.poll(() => paragraphsOf(a)).toEqual(['Agenda: written offline by Alice', 'Bob wrote this meanwhile']);
    await expect.poll(() => paragraphsOf(b)).toEqual(['Agenda: written offline by Alice', 'Bob wrote this meanwhile']);
  });

  test('an observer reads the shared notes live but cannot change them', async ({ createUser, signedInPageFor }) => {
    test.setTimeout(120_000);
    const n = await setUpNetwork(createUser);
    const a = await signedInPageFor(n.alice);
    const o = await signedInPageFor(n.olga);
    await a.goto(`/networks/${n.id}/notes`);
    await o.goto(`/networks/${n.id}/notes`);
    await expect(statusOf(o)).toHaveAttribute('data-status', 'readOnly');
    await expect(statusOf(o)).toContainText('Read only');
    await expect(o.getByText('Your role lets you read this document, not change it.')).toBeVisible();
    await expect(editorOf(o)).toHaveAttribute('contenteditable', 'false');
    await expect(editorOf(o)).toHaveAttribute('aria-readonly', 'true');

    await expect(statusOf(a)).toHaveAttribute('data-status', 'live');
    await editorOf(a).click();
    await a.keyboard.type('Decided: we meet on Friday.');
    await expect(editorOf(o)).toContainText('Decided: we meet on Friday.');

    await editorOf(o).click();
    await o.keyboard.type('observer was here');
    await expect(editorOf(o)).not.toContainText('observer was here');
    await a.reload();
    await expect(statusOf(a)).toHaveAttribute('data-status', 'live');
    await expect(editorOf(a)).toContainText('Decided: we meet on Friday.');
    await expect(editorOf(a)).not.toContainText('observer was here');
    await expectNoAxeViolations(o);
  });
});

test.describe('access changes', () => {
  test('a representative removed from the network while editing is told they no longer have access', async ({
    createUser,
    signedInPageFor,
  }) => {
    test.setTimeout(120_000);
    const n = await setUpNetwork(createUser);
    const b = await signedInPageFor(n.bob);
    await b.goto(`/networks/${n.id}/notes`);
    await expect(statusOf(b)).toHaveAttribute('data-status', 'live');
    const bobId = (await n.bob.api.session())?.user?.id;
    expect(bobId).toBeTruthy();
    const removed = await n.manager.api.delete(`/api/networks/${n.id}/members/${bobId}`);
    expect(removed.status, removed.text).toBe(200);
    // The server closes the socket (permissions changed); the client asks for a new ticket, is refused, and says so.
    await expect(statusOf(b)).toHaveAttribute('data-status', 'noAccess', { timeout: 30_000 });
    await expect(statusOf(b)).toContainText('no longer have access');
    await expect(editorOf(b)).toHaveAttribute('contenteditable', 'false');
  });
});

test.describe('home notes', () => {
  test('an organisation’s people write their home notes; a person of another organisation gets the 404 page', async ({
    createUser,
    signedInPageFor,
  }) => {
    test.setTimeout(120_000);
    const n = await setUpNetwork(createUser);
    const a = await signedInPageFor(n.alice);
    const b = await signedInPageFor(n.bob);
    const path = `/networks/${n.id}/organisations/${n.greenId}/home`;

    await a.goto(path);
    await expect(a.getByRole('heading', { level: 1, name: 'Home and network' })).toBeVisible();
    await expect(a.getByRole('heading', { level: 2, name: 'Home notes' })).toBeVisible();
    await expect(a.getByText('No other organisation of the network can read these notes')).toBeVisible();
    await expect(statusOf(a)).toHaveAttribute('data-status', 'live');
    await editorOf(a).click();
    await a.keyboard.type('Our budget position: confidential.');
    await expect(statusOf(a)).toHaveAttribute('data-status', 'saved');
    await expectNoAxeViolations(a);

    const res = await b.goto(path);
    expect(res?.status()).toBe(404);
    await expect(b.getByText('Our budget position')).toHaveCount(0);
    // Nor does the realtime server hand out a ticket for it.
    const ticket = await n.bob.api.post('/api/realtime/ticket', { doc: `home.${n.id}.${n.greenId}` });
    expect([403, 404]).toContain(ticket.status);
  });

  test('die Heim-Notizen erscheinen auf Deutsch und auf dem Telefon, wenn die Person Deutsch spricht', async ({
    createUser,
    signedInPageFor,
  }) => {
    test.setTimeout(120_000);
    const n = await setUpNetwork(createUser);
    // Signed in, the account's language wins over the browser's (Accept-Language).
    expect((await n.alice.api.post('/api/account/locale', { locale: 'de' })).status).toBe(200);
    const a = await signedInPageFor(n.alice, { locale: 'de-DE' });
    await a.setViewportSize({ width: 390, height: 844 }); // a phone
    await a.goto(`/networks/${n.id}/organisations/${n.greenId}/home`);
    await expect(a.getByRole('heading', { level: 1, name: 'Heimat und Netzwerk' })).toBeVisible();
    await expect(a.getByRole('heading', { level: 2, name: 'Heim-Notizen' })).toBeVisible();
    await expect(a.getByText('Keine andere Organisation des Netzwerks kann diese Notizen lesen')).toBeVisible();
    await expect(statusOf(a)).toContainText('Live');
    await expect(a.getByRole('textbox', { name: 'Heim-Notizen von Green Hands' })).toBeVisible();
    await expectNoAxeViolations(a);
  });
});
