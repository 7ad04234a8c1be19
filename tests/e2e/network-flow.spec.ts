import type { Browser, Page } from '@playwright/test';
import { uniqueEmail } from '../helpers/api-client';
import { translator, type Locale } from '../../lib/i18n';
import { expect, expectNoAxeViolations, test } from './fixtures';

/**
 * The networks journey in a real Chromium against the real app: one person
 * starts a network, adds two organisations and invites a representative by
 * link; a second person opens the link in another browser, signs up right
 * there, accepts, and both see each other in the network. Every page visited
 * is checked with axe. Once in English, once in German.
 */

async function newPage(browser: Browser, locale: Locale): Promise<Page> {
  const context = await browser.newContext({ locale: locale === 'de' ? 'de-DE' : 'en-GB', timezoneId: 'UTC' });
  return context.newPage();
}

async function signUp(
  page: Page,
  t: ReturnType<typeof translator>,
  who: { name: string; email: string; password: string },
) {
  const main = page.getByRole('main');
  await main.getByLabel(t('auth.name')).fill(who.name);
  await main.getByLabel(t('auth.email')).fill(who.email);
  await main.getByLabel(t('auth.password')).fill(who.password);
  await main.getByRole('button', { name: t('auth.signUp.submit') }).click();
}

for (const locale of ['en', 'de'] as const) {
  test(`a founder invites a representative by link and both see each other in the network (${locale})`, async ({
    browser,
  }) => {
    test.setTimeout(300_000);
    const t = translator(locale);
    const founder = {
      name: locale === 'de' ? 'Frieda Gründerin' : 'Fiona Founder',
      email: uniqueEmail('founder'),
      password: 'pw-founder-Netzwerk-2026!',
    };
    const rep = {
      name: locale === 'de' ? 'Rudi Vertreter' : 'Rita Representative',
      email: uniqueEmail('rep'),
      password: 'pw-rep-Netzwerk-2026!',
    };
    const networkName = locale === 'de' ? 'Netz Süd' : 'Network North';

    // The founder signs up and lands on the networks page with its empty state.
    const a = await newPage(browser, locale);
    await a.goto('/signup?callbackUrl=%2Fnetworks');
    await expect(a.locator('html')).toHaveAttribute('lang', locale);
    await expectNoAxeViolations(a);
    await signUp(a, t, founder);
    await expect(a).toHaveURL(/\/networks$/);
    await expect(a.getByRole('heading', { level: 1, name: t('networks.list.title') })).toBeVisible();
    await expect(a.getByText(t('networks.list.emptyTitle'))).toBeVisible();
    await expectNoAxeViolations(a);

    // Creates a network.
    await a.getByLabel(t('networks.create.name')).fill(networkName);
    await a
      .getByLabel(t('networks.create.purpose'))
      .fill(locale === 'de' ? 'Gemeinsam mehr erreichen' : 'Achieve more together');
    await a.getByRole('button', { name: t('networks.create.submit') }).click();
    await expect(a.getByRole('heading', { level: 1, name: networkName })).toBeVisible();
    const networkUrl = a.url();
    await expect(a.getByText(t('networks.home.yourRole', { role: t('networks.role.manager') }))).toBeVisible();
    await expectNoAxeViolations(a);

    // The overview says what is true for a new network: nothing waits, nothing is due, no goals yet.
    await expect(a.getByTestId('needs-me-empty')).toHaveText(t('networks.overview.needsMeEmpty'));
    await expect(a.getByTestId('due-empty')).toHaveText(t('networks.overview.dueEmpty', { days: 14 }));
    await expect(a.getByText(t('networks.overview.noGoals'))).toBeVisible();
    // Recent changes say what happened in words, from the reader's language, never a raw key.
    const recent = a.getByTestId('recent-changes');
    await expect(
      recent.getByRole('link', { name: t('activity.network.created', { actor: founder.name, name: networkName }) }),
    ).toBeVisible();
    await expect(recent.getByRole('link').first()).toHaveText(
      t('activity.member.joined', { actor: founder.name, role: 'manager' }),
    );

    // Changes the purpose in the dialog behind "Edit name and purpose".
    await a.getByRole('button', { name: t('networks.home.edit') }).click();
    const edit = a.getByRole('dialog', { name: t('networks.home.edit') });
    const purpose = locale === 'de' ? 'Gemeinsam mehr erreichen, jede Woche' : 'Achieve more together, every week';
    await edit.getByLabel(t('networks.create.purpose')).fill(purpose);
    await edit.getByRole('button', { name: t('common.save') }).click();
    await expect(edit).toBeHidden();
    await expect(a.getByRole('main').getByText(purpose)).toBeVisible();

    // Adds two organisations through the dialog behind "Add organisation".
    const addButton = a.getByRole('region', { name: t('networks.home.organisations') }).getByRole('button', {
      name: t('networks.org.add'),
    });
    const addForm = a.getByRole('dialog', { name: t('networks.org.addTitle') });
    for (const [name, kind] of [
      ['Green Hands', 'ngo'],
      ['Blue Cluster', 'cluster'],
    ] as const) {
      await addButton.click();
      await addForm.getByLabel(t('networks.org.name')).fill(name);
      await addForm.getByLabel(t('networks.org.kind')).selectOption(kind);
      await addForm.getByRole('button', { name: t('networks.org.add') }).click();
      await expect(addForm).toBeHidden();
      await expect(a.getByText(t('networks.org.added', { name }))).toBeVisible();
      await expect(a.getByRole('main').getByRole('link', { name, exact: true })).toBeVisible();
    }
    // A duplicate name is refused with the server's message, and the dialog stays open.
    await addButton.click();
    await addForm.getByLabel(t('networks.org.name')).fill('green hands');
    await addForm.getByRole('button', { name: t('networks.org.add') }).click();
    await expect(addForm.getByRole('alert')).toContainText(
      t('networks.errors.duplicateOrganisation', { name: 'green hands' }),
    );
    // The keyboard focus stayed on the button while it was busy (a disabled button would drop it to the page,
    // and Escape would no longer reach the dialog).
    await expect(addForm.getByRole('button', { name: t('networks.org.add') })).toBeFocused();
    await expectNoAxeViolations(a);
    await a.keyboard.press('Escape');
    await expect(addForm).toBeHidden();

    // The organisation page.
    await a.getByRole('link', { name: 'Green Hands', exact: true }).click();
    await expect(a.getByRole('heading', { level: 1, name: 'Green Hands' })).toBeVisible();
    await expect(a.getByRole('button', { name: t('networks.org.pause') })).toBeVisible();
    // Managers are not part of the organisation's home system.
    await expect(a.getByRole('link', { name: t('networks.org.homeSpace') })).toHaveCount(0);
    await expectNoAxeViolations(a);

    // Its details can be changed; a website that is not an address is refused at the field.
    await a.locator('summary', { hasText: t('networks.org.edit') }).click();
    const details = a.getByRole('form', { name: t('networks.org.edit') });
    const website = details.getByLabel(t('networks.org.website'));
    await website.fill('green hands dot org');
    await details.getByRole('button', { name: t('common.save') }).click();
    await expect(website).toHaveAttribute('aria-invalid', 'true');
    await website.fill('https://green-hands.example');
    await details.getByRole('button', { name: t('common.save') }).click();
    await expect(details.getByText(t('common.saved'))).toBeVisible();
    await expect(a.getByRole('link', { name: 'https://green-hands.example' })).toBeVisible();
    await expectNoAxeViolations(a);

    // Invites a representative of Green Hands by link.
    await a.goto(networkUrl);
    // The network's navigation leads there (and marks where she is).
    const nav = a.getByRole('navigation', { name: t('ui.nav.label') });
    await nav.getByRole('link', { name: t('ui.nav.people') }).click();
    await expect(nav.getByRole('link', { name: t('ui.nav.people') })).toHaveAttribute('aria-current', 'page');
    await expect(a.getByRole('heading', { level: 1, name: t('networks.people.title') })).toBeVisible();
    await expectNoAxeViolations(a);
    // People are a list with role badges; inviting opens a dialog.
    await expect(a.getByTestId('member').first().locator('[data-role]')).toBeVisible();
    await a.getByRole('button', { name: t('networks.invite.title') }).click();
    const inviteCard = a.getByRole('dialog', { name: t('networks.invite.title') });
    await inviteCard.getByLabel(t('networks.invite.role')).selectOption('representative');
    await inviteCard.getByLabel(t('networks.invite.organisation')).selectOption({ label: 'Green Hands' });
    await inviteCard.getByRole('button', { name: t('networks.invite.submit') }).click();
    const linkField = inviteCard.getByLabel(t('networks.invite.link'));
    await expect(linkField).toHaveValue(/\/invite\/[A-Za-z0-9_-]{20,}$/);
    const link = await linkField.inputValue();
    await expect(a.getByTestId('pending-invitation')).toHaveCount(1);
    await expectNoAxeViolations(a);

    // A second person opens the link in another browser, signs up right there and accepts.
    const b = await newPage(browser, locale);
    await b.goto(new URL(link).pathname);
    await expect(
      b.getByRole('heading', { level: 1, name: t('networks.accept.heading', { network: networkName }) }),
    ).toBeVisible();
    await expect(b.getByTestId('invite-role')).toHaveText(t('networks.role.representative'));
    await expect(b.getByTestId('invite-organisation')).toHaveText('Green Hands');
    await expectNoAxeViolations(b);
    const signUpHere = b.getByRole('region', { name: t('networks.accept.newHere') });
    await signUpHere.getByLabel(t('auth.name')).fill(rep.name);
    await signUpHere.getByLabel(t('auth.email')).fill(rep.email);
    await signUpHere.getByLabel(t('auth.password')).fill(rep.password);
    await signUpHere.getByRole('button', { name: t('auth.signUp.submit') }).click();
    const accept = b.getByRole('button', { name: t('networks.accept.submit') });
    await expect(accept).toBeVisible();
    await expectNoAxeViolations(b);
    await accept.click();

    // The representative sees the network, the founder and themselves.
    await expect(b.getByRole('heading', { level: 1, name: networkName })).toBeVisible();
    const bPeople = b.getByRole('region', { name: t('networks.home.people') });
    await expect(bPeople.getByText(founder.name)).toBeVisible();
    await expect(bPeople.getByText(rep.name)).toBeVisible();
    await expect(b.getByText(t('networks.home.yourRole', { role: t('networks.role.representative') }))).toBeVisible();
    await expectNoAxeViolations(b);

    // The founder sees the representative under Green Hands.
    await a.goto(networkUrl);
    const aPeople = a.getByRole('region', { name: t('networks.home.people') });
    await expect(aPeople.getByRole('region', { name: 'Green Hands' }).getByText(rep.name)).toBeVisible();
    await expect(aPeople.getByText(founder.name)).toBeVisible();

    // The used link now says so.
    await b.goto(new URL(link).pathname);
    await expect(b.getByRole('heading', { level: 1, name: t('networks.accept.invitationUsedTitle') })).toBeVisible();
    await expectNoAxeViolations(b);

    await a.context().close();
    await b.context().close();
  });
}

test('a stranger gets the not-found page for a network, and a signed-out visitor is sent to sign in', async ({
  createUser,
  signedInPageFor,
  page,
}) => {
  test.setTimeout(120_000);
  const owner = await createUser({ name: 'Olga Owner' });
  const created = await owner.api.post('/api/networks', { name: 'Private Net' });
  expect(created.status).toBe(201);
  const id = created.json.network.id as string;

  const stranger = await signedInPageFor(await createUser({ name: 'Stan Stranger' }));
  const res = await stranger.goto(`/networks/${id}`);
  expect(res?.status()).toBe(404);
  await expect(stranger.getByText('Private Net')).toHaveCount(0);
  expect((await stranger.goto(`/networks/${id}/people`))?.status()).toBe(404);

  await page.goto(`/networks/${id}`);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
});

test('a representative pauses and resumes their organisation after confirming, with the organisation page staying accessible', async ({
  createUser,
  signedInPageFor,
}) => {
  test.setTimeout(180_000);
  const t = translator('en');
  const owner = await createUser({ name: 'Olga Owner' });
  const id = (await owner.api.post('/api/networks', { name: 'Pause Net' })).json.network.id as string;
  const orgId = (await owner.api.post(`/api/networks/${id}/organisations`, { name: 'Sleepy Org', kind: 'ngo' })).json
    .organisation.id as string;
  const inv = await owner.api.post(`/api/networks/${id}/invitations`, {
    role: 'representative',
    organisationId: orgId,
  });
  const repUser = await createUser({ name: 'Rosa Rep' });
  expect((await repUser.api.post(`/api/invitations/${inv.json.token}/accept`)).status).toBe(200);

  const rep = await signedInPageFor(repUser);
  await rep.goto(`/networks/${id}/organisations/${orgId}`);
  await expect(rep.getByRole('heading', { level: 1, name: 'Sleepy Org' })).toBeVisible();
  // Their own organisation's home space is linked for them.
  await expect(rep.getByRole('link', { name: t('networks.org.homeSpace') })).toBeVisible();
  await rep.getByRole('button', { name: t('networks.org.pause') }).click();
  const confirm = rep.getByRole('button', { name: t('networks.org.confirmYes', { action: t('networks.org.pause') }) });
  await expect(confirm).toBeFocused();
  await expectNoAxeViolations(rep);
  await rep.keyboard.press('Enter');
  await expect(rep.locator('[data-status="paused"]')).toBeVisible();
  await expect(rep.getByRole('button', { name: t('networks.org.resume') })).toBeVisible();
  await expectNoAxeViolations(rep);

  // A member who opens another invitation to the same network is told so and led to the network.
  const spare = await owner.api.post(`/api/networks/${id}/invitations`, { role: 'observer' });
  await rep.goto(new URL(spare.json.link).pathname);
  await expect(rep.getByText(t('networks.errors.alreadyMember'))).toBeVisible();
  await expect(rep.getByRole('button', { name: t('networks.accept.submit') })).toHaveCount(0);
  await rep.getByRole('link', { name: t('networks.accept.openNetwork') }).click();
  await expect(rep.getByRole('heading', { level: 1, name: 'Pause Net' })).toBeVisible();
  await rep.goto(`/networks/${id}/organisations/${orgId}`);

  await rep.getByRole('button', { name: t('networks.org.resume') }).click();
  await rep.getByRole('button', { name: t('networks.org.confirmYes', { action: t('networks.org.resume') }) }).click();
  await expect(rep.locator('[data-status="active"]')).toBeVisible();
});
