import type { ApiClient } from '../helpers/api-client';
import { translator } from '../../lib/i18n';
import { expect, expectNoAxeViolations, test, type TestUser } from './fixtures';
import { addOrganisation, createNetwork, join as joinNetwork } from './setup';

/**
 * Leaving a network yourself in Chromium: the confirmation dialog works with
 * the keyboard alone (Escape cancels, focus returns; Cancel is focused first),
 * is axe-clean open and closed, the person loses access at once, and the last
 * network manager is told to name another manager first — in English and in
 * German.
 */
test.describe.configure({ timeout: 150_000 });

async function network(manager: ApiClient, name: string) {
  const id = await createNetwork(manager, name, 'Zusammen');
  return { id, orgId: await addOrganisation(manager, id, 'Green Hands') };
}

const join = (manager: ApiClient, user: TestUser, networkId: string, body: Record<string, unknown>) =>
  joinNetwork(manager, networkId, user, body);

test('a home member leaves a network from the account page, with the keyboard only', async ({
  createUser,
  signedInPageFor,
}) => {
  const t = translator('en');
  const manager = await createUser({ name: 'Mara Manager' });
  const name = `Network Leave ${Math.random().toString(36).slice(2, 7)}`;
  const { id, orgId } = await network(manager.api, name);
  const hanna = await createUser({ name: 'Hanna Home' });
  await join(manager.api, hanna, id, { role: 'home_member', organisationId: orgId });

  const page = await signedInPageFor(hanna);
  // From the network's home, a member who cannot invite finds "Your membership" on the people page.
  await page.goto(`/networks/${id}`);
  await page
    .getByRole('navigation', { name: t('ui.nav.label') })
    .getByRole('link', { name: t('ui.nav.people') })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: t('networks.leave.title') })).toBeVisible();
  await expect(page.getByRole('button', { name: t('networks.leave.button') })).toBeVisible();
  await page.goto('/account');
  const mine = page.getByRole('region', { name: t('networks.leave.mine') });
  await expect(mine.getByRole('link', { name })).toBeVisible();
  await expect(mine).toContainText(t('networks.role.home_member'));
  await expectNoAxeViolations(page);

  // Leaving is set apart at the end of the page, with signing out everywhere.
  const careful = page.getByRole('region', { name: t('account.careful') });
  const leave = careful.getByRole('button', { name: t('networks.leave.buttonFor', { network: name }) });
  await leave.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: t('networks.leave.confirmTitle', { network: name }) });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(t('networks.leave.confirmText'));
  // Cancel has the focus first: Enter on an opened dialog never leaves by accident.
  await expect(dialog.getByRole('button', { name: t('common.cancel') })).toBeFocused();
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(leave).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: t('networks.leave.confirmYes') })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: t('networks.leave.done', { network: name }) })).toBeVisible();
  await expect(mine.getByText(t('networks.leave.none'))).toBeVisible();
  await expect(careful.getByRole('button', { name: t('networks.leave.buttonFor', { network: name }) })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Access ended at once: the network is "not found" for her now.
  expect((await page.goto(`/networks/${id}`))?.status()).toBe(404);
  expect((await hanna.api.get(`/api/networks/${id}`)).status).toBe(404);
  // The organisation and the rest of the network are untouched.
  expect((await manager.api.get(`/api/networks/${id}/organisations/${orgId}`)).json.organisation.status).toBe('active');
});

test('die letzte Person im Netzwerkmanagement erfährt, dass sie zuerst jemand anderen ernennen muss; eine Vertreterin tritt über die Personenseite aus', async ({
  createUser,
  signedInPageFor,
}) => {
  const t = translator('de');
  const manager = await createUser({ name: 'Maren Managerin', locale: 'de' });
  const name = `Netz Austritt ${Math.random().toString(36).slice(2, 7)}`;
  const { id, orgId } = await network(manager.api, name);
  const vera = await createUser({ name: 'Vera Vertreterin', locale: 'de' });
  await join(manager.api, vera, id, { role: 'representative', organisationId: orgId });

  const page = await signedInPageFor(manager);
  await page.goto(`/networks/${id}/people`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  const membership = page.getByRole('region', { name: t('networks.leave.title') });
  await expect(membership).toContainText(t('networks.role.manager'));
  await membership.getByRole('button', { name: t('networks.leave.button') }).click();
  const dialog = page.getByRole('dialog', { name: t('networks.leave.confirmTitle', { network: name }) });
  await dialog.getByRole('button', { name: t('networks.leave.confirmYes') }).click();
  await expect(dialog.getByRole('alert')).toHaveText(t('networks.errors.lastManagerLeave'));
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: t('common.cancel') }).click();
  await expect(dialog).toBeHidden();
  expect((await manager.api.get(`/api/networks/${id}`)).status).toBe(200);

  // The representative leaves from the people page; she lands on her list of networks.
  const repPage = await signedInPageFor(vera);
  await repPage.goto(`/networks/${id}/people`);
  await repPage.getByRole('button', { name: t('networks.leave.button') }).click();
  await repPage
    .getByRole('dialog', { name: t('networks.leave.confirmTitle', { network: name }) })
    .getByRole('button', { name: t('networks.leave.confirmYes') })
    .click();
  await expect(repPage).toHaveURL(/\/networks$/);
  await expect(repPage.getByRole('link', { name })).toHaveCount(0);
  await expectNoAxeViolations(repPage);
  expect((await vera.api.get(`/api/networks/${id}`)).status).toBe(404);
});
