import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test, type TestUser } from './fixtures';
import { addOrganisation, createNetwork, join as joinNetwork } from './setup';

/**
 * The shared rich-text editor in Chromium against the real app and realtime
 * server (shared notes of a network): the formatting toolbar and shortcuts,
 * what one person formats the other sees live, keyboard operation of the
 * toolbar, a phone-width layout, and no toolbar for a read-only observer.
 */

interface Network {
  id: string;
  alice: TestUser; // representative of Green Hands (English)
  bob: TestUser; // representative of Blue Cluster (German)
  olga: TestUser; // observer
}

async function setUpNetwork(createUser: (o?: Partial<TestUser>) => Promise<TestUser>): Promise<Network> {
  const manager = await createUser({ name: 'Mara Manager' });
  const suffix = Math.random().toString(36).slice(2, 7);
  const id = await createNetwork(manager.api, `Editor Netz ${suffix}`, 'Gemeinsam schreiben');
  const greenId = await addOrganisation(manager.api, id, 'Green Hands', 'ngo');
  const blueId = await addOrganisation(manager.api, id, 'Blue Cluster', 'cluster');
  const join = (user: TestUser, body: Record<string, unknown>) => joinNetwork(manager.api, id, user, body);
  const alice = await createUser({ name: 'Alice Grün' });
  const bob = await createUser({ name: 'Bob Blau', locale: 'de' });
  const olga = await createUser({ name: 'Olga Observer' });
  await join(alice, { role: 'representative', organisationId: greenId });
  await join(bob, { role: 'representative', organisationId: blueId });
  await join(olga, { role: 'observer' });
  return { id, alice, bob, olga };
}

/** Client-side errors fail the test (a crash would otherwise only show as a missing status line). */
function watchErrors(...pages: Page[]) {
  const errors: string[] = [];
  for (const p of pages)
    p.on('pageerror', (e) => {
      errors.push(e.message);
      console.error('pageerror:', e.message, e.stack);
    });
  return errors;
}

const statusOf = (page: Page) => page.locator('[role="status"][data-status]');
const editorOf = (page: Page) => page.getByRole('textbox', { name: /notes of|Notizen von/ });
const toolbarOf = (page: Page) => page.getByRole('toolbar', { name: /^(Formatting|Formatierung)$/ });
const tool = (page: Page, name: string) => toolbarOf(page).getByRole('button', { name, exact: true });

test.describe('the shared rich-text editor', () => {
  test('one person formats with the toolbar and the keyboard (heading, bold, lists, link); the other sees the same structure live', async ({
    createUser,
    signedInPageFor,
  }) => {
    test.setTimeout(150_000);
    const n = await setUpNetwork(createUser);
    const a = await signedInPageFor(n.alice);
    const b = await signedInPageFor(n.bob);
    const errors = watchErrors(a, b);
    await a.goto(`/networks/${n.id}/notes`);
    await b.goto(`/networks/${n.id}/notes`);
    await expect(statusOf(a)).toHaveAttribute('data-status', 'live');
    await expect(statusOf(b)).toHaveAttribute('data-status', 'live');
    // Bob reads the interface in German: the toolbar's names are German too.
    await expect(toolbarOf(b)).toBeVisible();
    await expect(tool(b, 'Fett')).toHaveAttribute('data-tip', 'Fett (Strg+B)');
    await expect(tool(b, 'Aufzählung')).toHaveAttribute('aria-pressed', 'false');

    const ed = editorOf(a);
    await ed.click();
    // A heading from the toolbar.
    await tool(a, 'Heading').click();
    await expect(tool(a, 'Heading')).toHaveAttribute('aria-pressed', 'true');
    await a.keyboard.type('Agenda');
    await a.keyboard.press('Enter');
    await expect(tool(a, 'Heading')).toHaveAttribute('aria-pressed', 'false');
    // Bold from the keyboard; the toolbar shows it.
    await a.keyboard.type('We need ');
    await a.keyboard.press('ControlOrMeta+b');
    await expect(tool(a, 'Bold')).toHaveAttribute('aria-pressed', 'true');
    await a.keyboard.type('rooms');
    await a.keyboard.press('ControlOrMeta+b');
    await expect(tool(a, 'Bold')).toHaveAttribute('aria-pressed', 'false');
    await a.keyboard.type(' and ');
    // Italic from the toolbar.
    await tool(a, 'Italic').click();
    await a.keyboard.type('people');
    await tool(a, 'Italic').click();
    await a.keyboard.press('Enter');
    // A bullet list from the toolbar, two items.
    await tool(a, 'Bulleted list').click();
    await expect(tool(a, 'Bulleted list')).toHaveAttribute('aria-pressed', 'true');
    await a.keyboard.type('Rooms from Green Hands');
    await a.keyboard.press('Enter');
    await a.keyboard.type('People from Blue Cluster');
    await a.keyboard.press('Enter');
    await a.keyboard.press('Enter'); // an empty item ends the list
    await expect(tool(a, 'Bulleted list')).toHaveAttribute('aria-pressed', 'false');
    await a.keyboard.type('Next steps:');
    await a.keyboard.press('Enter');
    // A bullet list from the keyboard shortcut, two items, the second indented with Tab and back with Shift+Tab.
    await a.keyboard.press('ControlOrMeta+Shift+8');
    await a.keyboard.type('Book the hall');
    await a.keyboard.press('Enter');
    await a.keyboard.press('Tab');
    await a.keyboard.type('Write the invitation');
    await expect(ed.locator('ul ul > li')).toHaveText(['Write the invitation']);
    await a.keyboard.press('Shift+Tab');
    await expect(ed.locator('ul ul')).toHaveCount(0);
    await a.keyboard.press('Enter');
    await a.keyboard.press('Enter');
    // Typing "1. " starts a numbered list, "## " a heading (input rules).
    await a.keyboard.type('1. Ask the city');
    await expect(tool(a, 'Numbered list')).toHaveAttribute('aria-pressed', 'true');
    await a.keyboard.press('Enter');
    await a.keyboard.press('Enter');
    await a.keyboard.type('## Links');
    await a.keyboard.press('Enter');
    // A link: select a word, then give its address in the toolbar's small form.
    await a.keyboard.type('See our website');
    for (let i = 0; i < 'website'.length; i++) await a.keyboard.press('Shift+ArrowLeft');
    await tool(a, 'Link').click();
    const form = a.getByRole('group', { name: 'Link' });
    const address = form.getByRole('textbox', { name: /Web address/ });
    await expect(address).toBeFocused();
    await address.fill('javascript:alert(1)');
    await form.getByRole('button', { name: 'Set link' }).click();
    await expect(form.getByRole('alert')).toContainText('http:// or https://');
    await expect(address).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(a);
    await address.fill('example.org/plan');
    await address.press('Enter');
    await expect(form).toHaveCount(0);
    await expect(ed.getByRole('link', { name: 'website' })).toHaveAttribute('href', 'https://example.org/plan');
    await expect(tool(a, 'Link')).toHaveAttribute('aria-pressed', 'true');
    await expect(tool(a, 'Remove link')).not.toHaveAttribute('aria-disabled', 'true');

    // Bob sees the same structure, live.
    const eb = editorOf(b);
    await expect(eb.getByRole('heading', { level: 2, name: 'Agenda' })).toBeVisible();
    await expect(eb.getByRole('heading', { level: 2, name: 'Links' })).toBeVisible();
    await expect(eb.locator('strong')).toHaveText(['rooms']);
    await expect(eb.locator('em')).toHaveText(['people']);
    await expect(eb.locator(':scope > ul')).toHaveCount(2);
    await expect(eb.locator(':scope > ul').first().getByRole('listitem')).toHaveText([
      'Rooms from Green Hands',
      'People from Blue Cluster',
    ]);
    await expect(eb.locator(':scope > ul').nth(1).getByRole('listitem')).toHaveText([
      'Book the hall',
      'Write the invitation',
    ]);
    await expect(eb.locator(':scope > ol > li')).toHaveText(['Ask the city']);
    await expect(eb.getByRole('link', { name: 'website' })).toHaveAttribute('href', 'https://example.org/plan');
    // Removing the link, with the cursor inside it.
    await ed.getByRole('link', { name: 'website' }).click();
    await tool(a, 'Remove link').click();
    await expect(eb.getByRole('link')).toHaveCount(0);
    await expect(tool(a, 'Remove link')).toHaveAttribute('aria-disabled', 'true');
    await a.keyboard.press('End');
    await expect(eb).toContainText('See our website');

    // The shortcut help opens from the toolbar.
    await tool(a, 'Keyboard shortcuts').click();
    await expect(tool(a, 'Keyboard shortcuts')).toHaveAttribute('aria-expanded', 'true');
    const help = a.getByRole('region', { name: 'Keyboard shortcuts' });
    await expect(help).toContainText('Ctrl+Shift+8');
    await expectNoAxeViolations(a);
    await expectNoAxeViolations(b);
    expect(errors).toEqual([]);
  });

  test('the toolbar is operable by keyboard alone and fits a phone screen', async ({ createUser, signedInPageFor }) => {
    test.setTimeout(120_000);
    const n = await setUpNetwork(createUser);
    const a = await signedInPageFor(n.alice);
    const errors = watchErrors(a);
    await a.setViewportSize({ width: 375, height: 800 });
    await a.goto(`/networks/${n.id}/notes`);
    await expect(statusOf(a)).toHaveAttribute('data-status', 'live');
    const ed = editorOf(a);
    await ed.click();
    await a.keyboard.type('Shopping');

    // One tab stop: Shift+Tab from the editor lands on the toolbar's first button.
    await a.keyboard.press('Shift+Tab');
    await expect(tool(a, 'Bold')).toBeFocused();
    await expect(tool(a, 'Bold')).toHaveAttribute('tabindex', '0');
    await expect(tool(a, 'Italic')).toHaveAttribute('tabindex', '-1');
    // Arrow keys move between buttons (wrapping), Home and End jump.
    await a.keyboard.press('ArrowLeft');
    await expect(tool(a, 'Keyboard shortcuts')).toBeFocused();
    await a.keyboard.press('Home');
    await expect(tool(a, 'Bold')).toBeFocused();
    await a.keyboard.press('ArrowRight');
    await a.keyboard.press('ArrowRight');
    await expect(tool(a, 'Heading')).toBeFocused();
    // The focused button shows its name and shortcut, and a visible focus outline.
    const outline = await tool(a, 'Heading').evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).toBe('solid');
    await a.keyboard.press('Enter');
    await expect(ed).toBeFocused();
    await expect(ed.getByRole('heading', { level: 2, name: 'Shopping' })).toBeVisible();
    await a.keyboard.press('End');
    await a.keyboard.press('Enter');
    await a.keyboard.type('Bread');
    // Back in the toolbar, the last used button is the tab stop.
    await a.keyboard.press('Shift+Tab');
    await expect(tool(a, 'Heading')).toBeFocused();
    await a.keyboard.press('ArrowRight');
    await a.keyboard.press('ArrowRight');
    await expect(tool(a, 'Bulleted list')).toBeFocused();
    await a.keyboard.press('Space');
    await expect(ed.getByRole('listitem')).toHaveText(['Bread']);
    await expect(tool(a, 'Bulleted list')).toHaveAttribute('aria-pressed', 'true');
    await expect(ed.getByRole('heading', { level: 2, name: 'Shopping' })).toBeVisible();
    // Ctrl+K opens the link form from the editor; Escape closes it and returns to the text.
    await a.keyboard.press('ControlOrMeta+k');
    const address = a.getByRole('group', { name: 'Link' }).getByRole('textbox');
    await expect(address).toBeFocused();
    await a.keyboard.press('Escape');
    await expect(a.getByRole('group', { name: 'Link' })).toHaveCount(0);
    await expect(ed).toBeFocused();

    // Phone width: every button is on screen and at least 44 px, the page does not scroll sideways.
    for (const button of await toolbarOf(a).getByRole('button').all()) {
      const box = (await button.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(375);
      expect(box.width).toBeGreaterThanOrEqual(44);
      expect(box.height).toBeGreaterThanOrEqual(44);
    }
    expect(await a.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectNoAxeViolations(a);
    expect(errors).toEqual([]);
  });

  test('a read-only observer sees the formatting but gets no toolbar', async ({ createUser, signedInPageFor }) => {
    test.setTimeout(120_000);
    const n = await setUpNetwork(createUser);
    const a = await signedInPageFor(n.alice);
    const o = await signedInPageFor(n.olga);
    const errors = watchErrors(a, o);
    await a.goto(`/networks/${n.id}/notes`);
    await expect(statusOf(a)).toHaveAttribute('data-status', 'live');
    await editorOf(a).click();
    await a.keyboard.type('## Read me');
    await a.keyboard.press('Enter');
    await a.keyboard.type('- one');
    await o.goto(`/networks/${n.id}/notes`);
    await expect(statusOf(o)).toHaveAttribute('data-status', 'readOnly');
    await expect(editorOf(o).getByRole('heading', { level: 2, name: 'Read me' })).toBeVisible();
    // (Alice's caret, with her name, may sit at the end of the item.)
    await expect(editorOf(o).getByRole('listitem')).toHaveText([/^one/]);
    await expect(o.getByRole('toolbar')).toHaveCount(0);
    await expect(editorOf(o)).toHaveAttribute('aria-readonly', 'true');
    await expectNoAxeViolations(o);
    expect(errors).toEqual([]);
  });
});
