import type { Page, WebSocketRoute } from '@playwright/test';
import { translator } from '../../lib/i18n';
import { expect, expectNoAxeViolations, test, type TestUser } from './fixtures';

/**
 * Offline copies do not outlive the session in this browser (shared
 * computers): signing out deletes every Netzwerkraum IndexedDB database of
 * the origin and the offline outboxes, after warning about changes that were
 * not sent yet; a browser whose session ended elsewhere forgets them on the
 * sign-in page.
 */
test.describe.configure({ timeout: 150_000 });

const statusOf = (page: Page) => page.locator('[role="status"][data-status]');
const editorOf = (page: Page) => page.getByRole('textbox', { name: /notes of|Notizen von/ });
const ourDatabases = (page: Page) =>
  page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith('nwr:')));
const ourOutboxes = (page: Page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('nwr:outbox:')));

/** Cuts a page's websockets (context.setOffline does not affect websockets). */
async function cuttableSockets(page: Page) {
  let offline = false;
  const open: Array<{ page: WebSocketRoute; server: WebSocketRoute }> = [];
  await page.routeWebSocket(/.*/, (ws) => {
    if (offline) return void ws.close({ code: 1011, reason: 'offline (test)' });
    open.push({ page: ws, server: ws.connectToServer() });
  });
  return async () => {
    offline = true;
    for (const c of open.splice(0)) {
      await c.server.close().catch(() => {});
      await c.page.close({ code: 1011, reason: 'offline (test)' }).catch(() => {});
    }
  };
}

async function notesOf(createUser: (o?: Partial<TestUser>) => Promise<TestUser>) {
  const manager = await createUser({ name: 'Mara Manager' });
  const net = await manager.api.post('/api/networks', {
    name: `Netz Kopien ${Math.random().toString(36).slice(2, 7)}`,
  });
  expect(net.status, net.text).toBe(201);
  const id = net.json.network.id as string;
  const org = await manager.api.post(`/api/networks/${id}/organisations`, { name: 'Green Hands', kind: 'ngo' });
  const alice = await createUser({ name: 'Alice Grün' });
  const inv = await manager.api.post(`/api/networks/${id}/invitations`, {
    role: 'representative',
    organisationId: org.json.organisation.id,
  });
  expect((await alice.api.post(`/api/invitations/${inv.json.token}/accept`)).status).toBe(200);
  return { id, alice };
}

test('signing out deletes the offline copies, after saying how many unsent changes will be lost', async ({
  createUser,
  signedInPageFor,
}) => {
  const t = translator('en');
  const { id, alice } = await notesOf(createUser);
  const page = await signedInPageFor(alice);
  const goOffline = await cuttableSockets(page);
  await page.goto(`/networks/${id}/notes`);
  await expect(statusOf(page)).toHaveAttribute('data-status', 'live');
  await editorOf(page).click();
  await page.keyboard.type('Saved on the server.');
  await expect(statusOf(page)).toHaveAttribute('data-status', 'saved');
  await expect.poll(() => ourDatabases(page)).toEqual([`nwr:${(await alice.api.session())!.user!.id}:commons.${id}`]);

  // Offline: one more edit of the notes, and one record change waiting in the outbox (its stored shape).
  await goOffline();
  await expect(statusOf(page)).toHaveAttribute('data-status', 'offline');
  await page.keyboard.type(' Written offline.');
  await page.evaluate(
    ([key]) =>
      localStorage.setItem(
        key,
        JSON.stringify([
          {
            key: 'k1',
            url: '/x',
            method: 'POST',
            body: {},
            label: 'Give 2 hours',
            state: 'queued',
            createdAt: Date.now(),
          },
        ]),
      ),
    [`nwr:outbox:${(await alice.api.session())!.user!.id}:${id}`],
  );

  const signOut = page.getByRole('banner').getByRole('button', { name: t('nav.signOut') });
  await signOut.click();
  const dialog = page.getByRole('dialog', { name: t('auth.signOut.unsentTitle') });
  await expect(dialog).toContainText(t('auth.signOut.unsentMany', { count: 2 }));
  await expect(dialog.getByRole('button', { name: t('common.cancel') })).toBeFocused();
  await expectNoAxeViolations(page);
  // Cancel keeps everything: still signed in, the copies still there.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('signed-in-name')).toBeVisible();
  expect(await ourDatabases(page)).toHaveLength(1);
  expect(await ourOutboxes(page)).toHaveLength(1);

  await signOut.click();
  await dialog.getByRole('button', { name: t('auth.signOut.anyway') }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: t('nav.signIn') })).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
  expect(await ourDatabases(page)).toEqual([]);
  expect(await ourOutboxes(page)).toEqual([]);
});

test('a browser whose session ended elsewhere forgets its copies on the sign-in page; signing out without unsent changes asks nothing', async ({
  createUser,
  signedInPageFor,
}) => {
  const { id, alice } = await notesOf(createUser);
  const page = await signedInPageFor(alice);
  await page.goto(`/networks/${id}/notes`);
  await expect(statusOf(page)).toHaveAttribute('data-status', 'live');
  await editorOf(page).click();
  await page.keyboard.type('Kept locally too.');
  await expect(statusOf(page)).toHaveAttribute('data-status', 'saved');
  await expect.poll(() => ourDatabases(page)).toHaveLength(1);

  // "Sign out everywhere" from another device: this browser's next page finds the session gone.
  expect((await alice.api.post('/api/account/sign-out-everywhere', {})).status).toBe(200);
  await page.goto(`/networks/${id}/notes`);
  await expect(page).toHaveURL(/\/signin/);
  await expect.poll(() => ourDatabases(page)).toEqual([]);

  // Signed in again and out again with everything saved: no question, copies gone.
  const again = await alice.api.signIn(alice.email, alice.password);
  expect(again.ok).toBe(true);
  const second = await signedInPageFor(alice);
  await second.goto(`/networks/${id}/notes`);
  await expect(statusOf(second)).toHaveAttribute('data-status', 'live');
  await expect(editorOf(second)).toContainText('Kept locally too.');
  await expect.poll(() => ourDatabases(second)).toHaveLength(1);
  await second.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await expect(second.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  expect(await ourDatabases(second)).toEqual([]);
});

test('"sign out on all devices" on the account page deletes this browser’s copies too', async ({
  createUser,
  signedInPageFor,
}) => {
  const { id, alice } = await notesOf(createUser);
  const page = await signedInPageFor(alice);
  await page.goto(`/networks/${id}/notes`);
  await editorOf(page).click();
  await page.keyboard.type('Before signing out everywhere.');
  await expect(statusOf(page)).toHaveAttribute('data-status', 'saved');
  await expect.poll(() => ourDatabases(page)).toHaveLength(1);
  await page.goto('/account');
  await page.getByRole('button', { name: 'Sign out on all devices' }).click();
  // It asks first; Cancel has the focus, so Enter on the fresh dialog changes nothing.
  const confirm = page.getByRole('dialog', { name: 'Sign out on all devices?' });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Yes, sign out everywhere' }).click();
  await expect(page).toHaveURL(/\/signin/);
  expect(await ourDatabases(page)).toEqual([]);
  expect((await alice.api.get('/api/account')).status).toBe(401);
});
