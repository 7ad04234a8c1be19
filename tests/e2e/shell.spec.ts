import type { ConsoleMessage, Page } from '@playwright/test';
import { translator } from '../../lib/i18n';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { addOrganisation, createNetwork, partnerNetwork } from './setup';

/**
 * The network shell and the design system's promises, in Chromium against
 * the real app: one navigation with the current place marked, the live feed
 * kept while moving between pages, a phone menu, 404 pages in the person's
 * language without CSP errors, long words that never widen a phone screen,
 * and fields that say their limit before anything is cut.
 */

const nav = (page: Page, t: ReturnType<typeof translator>) => page.getByRole('navigation', { name: t('ui.nav.label') });
/** The element that has the keyboard focus: its id, or its tag and text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el?.id || `${el?.tagName.toLowerCase()}: ${el?.textContent?.trim().slice(0, 40)}`;
  });

// Every page these tests visit fails the test when the browser reports a Content-Security-Policy violation.
test.use({ failOnCspViolations: true });

test('the navigation marks where one is, and the live feed stays connected while moving between pages', async ({
  createUser,
  signedInPageFor,
}) => {
  const t = translator('en');
  const { repA, networkId } = await partnerNetwork(createUser, ['Mira Manager', 'Anna A', 'Ben B'], ['Alpha', 'Beta']);
  const page = await signedInPageFor(repA);
  const feeds: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === `/api/networks/${networkId}/events`) feeds.push(r.url());
  });
  await page.goto(`/networks/${networkId}/goals`);
  await expect(page.locator('[data-live-state="live"]')).toBeVisible();
  await expect(nav(page, t).getByRole('link', { name: t('ui.nav.goals') })).toHaveAttribute('aria-current', 'page');
  await expect(nav(page, t).locator('[aria-current]')).toHaveCount(1);

  for (const [label, path] of [
    ['ui.nav.ledger', '/ledger'],
    ['ui.nav.commitments', '/commitments'],
    ['ui.nav.organisations', '/organisations'],
    ['ui.nav.overview', ''],
  ] as const) {
    await nav(page, t)
      .getByRole('link', { name: t(label) })
      .click();
    await expect(page).toHaveURL(new RegExp(`/networks/${networkId}${path}$`));
    await expect(nav(page, t).getByRole('link', { name: t(label) })).toHaveAttribute('aria-current', 'page');
    await expect(nav(page, t).locator('[aria-current]')).toHaveCount(1);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('[data-live-state="live"]')).toBeVisible();
  }
  // One feed connection for the whole visit: the layout kept it across four page changes; it starts at the first
  // page's cursor.
  expect(feeds).toHaveLength(1);
  expect(feeds[0]).toMatch(/\?after=\d+$/);

  // A page below a section marks that section.
  await page.getByRole('main').getByRole('link', { name: 'Beta' }).first().click();
  await expect(nav(page, t).getByRole('link', { name: t('ui.nav.organisations') })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expectNoAxeViolations(page);
});

test('on a phone the navigation opens from a Menu button, works by keyboard and closes after choosing', async ({
  createUser,
  signedInPageFor,
}) => {
  const t = translator('de');
  const manager = await createUser({ name: 'Maja Handy', locale: 'de' });
  const networkId = await createNetwork(manager.api, 'Netz am Telefon');
  const page = await signedInPageFor(manager);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/networks/${networkId}`);
  const menu = nav(page, t).getByRole('button', { name: t('ui.nav.menu') });
  const goals = nav(page, t).getByRole('link', { name: t('ui.nav.goals') });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(goals).toBeHidden();
  await expect(page.locator('[data-live-state="live"]')).toBeVisible();
  await expectNoAxeViolations(page);

  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(goals).toBeVisible();
  await expectNoAxeViolations(page);
  await page.keyboard.press('Tab'); // Überblick
  await page.keyboard.press('Tab'); // Für mich
  await page.keyboard.press('Tab'); // Ziele
  await expect(goals).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/networks/${networkId}/goals$`));
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(goals).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('on a phone the skip link, the menu, Escape and choosing a section all keep the keyboard focus in a sensible place', async ({
  createUser,
  signedInPageFor,
}) => {
  const t = translator('en');
  const manager = await createUser({ name: 'Kim Keys' });
  const networkId = await createNetwork(manager.api, 'Keyboard network');
  const page = await signedInPageFor(manager);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/networks/${networkId}/goals`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('[data-live-state="live"]')).toBeVisible();

  // The first Tab reaches the skip link, which shows itself; Enter jumps past the header AND the network's
  // navigation to the page (the next Tab is inside the page, not on the network's name).
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: t('nav.skipToContent') });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  expect(await focused(page)).toBe('page-content');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('#page-content'))).toBe(true);

  // The Menu button opens the list; Escape closes it and leaves the focus on the button.
  const menu = nav(page, t).getByRole('button', { name: t('ui.nav.menu') });
  const ledger = nav(page, t).getByRole('link', { name: t('ui.nav.ledger') });
  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Tab');
  await expect(nav(page, t).getByRole('link', { name: t('ui.nav.overview') })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(ledger).toBeHidden();
  await expect(menu).toBeFocused();

  // Space opens it as well; choosing a section by keyboard closes the list and puts the focus on the new page
  // (not on the body, where the next Tab would start over at the top).
  await page.keyboard.press('Space');
  await expect(ledger).toBeVisible();
  await ledger.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/networks/${networkId}/ledger$`));
  await expect(ledger).toBeHidden();
  await expect(page.locator('#page-content')).toBeFocused();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(nav(page, t).getByRole('link', { name: t('ui.nav.ledger'), includeHidden: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expectNoAxeViolations(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test("the network's name breaks between words, a word too long for the column ends in an ellipsis, and the full name stays", async ({
  createUser,
  signedInPageFor,
}) => {
  const manager = await createUser({ name: 'Nora Name', locale: 'de' });
  const name = 'Bildungsnetzwerk Donaudampfschifffahrtsgesellschaftskapitänsmützen';
  const networkId = await createNetwork(manager.api, name);
  const page = await signedInPageFor(manager);
  for (const size of [
    { width: 1366, height: 900 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(size);
    await page.goto(`/networks/${networkId}/goals`);
    const link = page.getByTestId('network-name');
    await expect(link).toHaveText(name);
    await expect(link).toHaveAttribute('title', name);
    // Each line holds whole words: the first word is not cut, and the line breaks only between words.
    const lines = await link.evaluate((el) => {
      const text = el.firstChild!;
      const range = document.createRange();
      const tops = new Map<number, string>();
      for (let i = 0; i < text.textContent!.length; i++) {
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        const rect = range.getBoundingClientRect();
        if (rect.width === 0) continue;
        const top = Math.round(rect.top);
        tops.set(top, (tops.get(top) ?? '') + text.textContent![i]);
      }
      return [...tops.values()].map((l) => l.trim());
    });
    expect(lines[0], `${size.width} px: ${JSON.stringify(lines)}`).toMatch(/^Bildungsnetzwerk/);
    // (A browser that knows German hyphenation may end a line with a hyphen instead.)
    for (const line of lines) {
      const last = line.split(' ').at(-1)!;
      expect(name.split(' ').includes(last) || last.endsWith('-'), `${size.width} px: ${JSON.stringify(lines)}`).toBe(
        true,
      );
    }
    // The word too long for the column ends on its line, never wider than the navigation or the page.
    const box = (await link.boundingBox())!;
    const navBox = (await page.getByTestId('network-nav').boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(navBox.x + navBox.width + 0.5);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
  }
});

test('a German person gets not-found pages in German, inside the network for a network address, without CSP errors', async ({
  createUser,
  signedInPageFor,
}) => {
  const t = translator('de');
  const person = await createUser({ name: 'Dora Deutsch', locale: 'de' });
  const networkId = await createNetwork(person.api, 'Netz der Dora');
  const page = await signedInPageFor(person);
  const errors: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text());
  });

  const res = await page.goto('/gibt-es-nicht');
  expect(res?.status()).toBe(404);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('heading', { level: 1, name: t('ui.notFound.title') })).toBeVisible();
  await expect(page.getByRole('link', { name: t('ui.notFound.networks') })).toBeVisible();
  await expectNoAxeViolations(page);

  const inNetwork = await page.goto(`/networks/${networkId}/gibt-es-nicht`);
  expect(inNetwork?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: t('ui.notFound.title') })).toBeVisible();
  await expect(page.getByText(t('ui.notFound.networkText'))).toBeVisible();
  await expect(nav(page, t).getByRole('link', { name: t('ui.nav.overview') })).toBeVisible();
  await expectNoAxeViolations(page);

  // A network that is not hers (or does not exist) is "not found", without its navigation.
  const stranger = await page.goto('/networks/00000000-0000-4000-8000-000000000000');
  expect(stranger?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: t('ui.notFound.title') })).toBeVisible();
  await expect(nav(page, t)).toHaveCount(0);
  expect(errors, 'console errors (CSP and others)').toEqual([]);
});

test('long unbroken words never make a page wider than a 390 px phone', async ({ createUser, signedInPageFor }) => {
  const manager = await createUser({ name: 'Lang' + 'wort'.repeat(20) });
  const word = (n: number) => 'Donaudampfschifffahrtsgesellschaftskapitän'.repeat(Math.ceil(n / 42)).slice(0, n);
  const networkId = await createNetwork(manager.api, word(110), word(1500));
  const orgId = await addOrganisation(manager.api, networkId, word(115));
  const org = await manager.api.patch(`/api/networks/${networkId}/organisations/${orgId}`, {
    description: word(900),
    website: `https://example.org/${word(150)}`,
  });
  expect(org.status, org.text).toBe(200);
  const page = await signedInPageFor(manager);
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of [
    '/networks',
    `/networks/${networkId}`,
    `/networks/${networkId}/organisations`,
    `/networks/${networkId}/organisations/${orgId}`,
    '/account',
  ]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `${path} is ${width} px wide`).toBeLessThanOrEqual(390);
  }
});

test('a field says its limit before the cut, keeps longer text and sends nothing until it fits', async ({
  createUser,
  signedInPageFor,
}) => {
  const t = translator('en');
  const manager = await createUser({ name: 'Mona Limit' });
  const networkId = await createNetwork(manager.api, 'Limits network');
  const page = await signedInPageFor(manager);
  await page.goto(`/networks/${networkId}/organisations`);
  const add = page.getByRole('button', { name: t('networks.org.add') });
  await add.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: t('networks.org.addTitle') });
  await expect(dialog).toBeVisible();
  const name = dialog.getByLabel(t('networks.org.name'));
  // The limit is said before anything is typed.
  await expect(name).toHaveAccessibleDescription(new RegExp(t('ui.field.limit', { max: 120 }).replace('.', '\\.')));
  await name.fill('x'.repeat(125));
  await expect(name).toHaveValue('x'.repeat(125)); // kept, not cut
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByTestId('char-over')).toHaveText(t('ui.field.tooLong', { over: 5, max: 120 }));
  await dialog.getByRole('button', { name: t('networks.org.add') }).click();
  await expect(dialog.getByRole('alert')).toHaveText(t('ui.form.tooLong'));
  await expect(name).toBeFocused();
  expect((await manager.api.get(`/api/networks/${networkId}`)).json.organisations).toHaveLength(0);
  await expectNoAxeViolations(page);

  await name.fill('Green Hands');
  await expect(dialog.getByTestId('char-counter')).toHaveText(t('ui.field.counter', { length: 11, max: 120 }));
  await dialog.getByRole('button', { name: t('networks.org.add') }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByTestId('toast').getByText(t('networks.org.added', { name: 'Green Hands' }), { exact: true }),
  ).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: 'Green Hands' })).toBeVisible();
  await expect(add).toBeFocused();

  // The server's word for a field lands on that field, and the form says to look there.
  await add.click();
  await dialog.getByLabel(t('networks.org.name')).fill('Blue Hands');
  const website = dialog.getByLabel(t('networks.org.website'));
  await website.fill('not a web address');
  await dialog.getByRole('button', { name: t('networks.org.add') }).click();
  await expect(dialog.getByRole('alert')).toHaveText(t('ui.form.checkFields'));
  await expect(website).toHaveAttribute('aria-invalid', 'true');
  await expect(website).toBeFocused();
  await expect(dialog.locator('[data-field-error]')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(add).toBeFocused();
});
