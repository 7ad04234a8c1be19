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
    test.setTimeout(180_000);
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

    // Adds two organisations.
    const addForm = a.getByRole('form', { name: t('networks.org.addTitle') });
    for (const [name, kind] of [
      ['Green Hands', 'ngo'],
      ['Blue Cluster', 'cluster'],
    ] as const) {
      await addForm.getByLabel(t('networks.org.name')).fill(name);
      await addForm.getByLabel(t('networks.org.kind')).selectOption(kind);
      await addForm.getByRole('button', { name: t('networks.org.add') }).click();
      await expect(a.getByText(t('networks.org.added', { name }))).toBeVisible();
      await expect(a.getByRole('link', { name })).toBeVisible();
    }
    // A duplicate name is refused with the server's message.
    await addForm.getByLabel(t('networks.org.name')).fill('green hands');
    await addForm.getByRole('button', { name: t('networks.org.add') }).click();
    await expect(addForm.getByRole('alert')).toContainText(
      t('networks.errors.duplicateOrganisation', { name: 'green hands' }),
    );
    await expectNoAxeViolations(a);

    // The organisation page.
    await a.getByRole('link', { name: 'Green Hands' }).click();
    await expect(a.getByRole('heading', { level: 1, name: 'Green Hands' })).toBeVisible();
    await expect(a.getByRole('button', { name: t('networks.org.pause') })).toBeVisible();
    // Managers are not part of the organisation's home system.
    await expect(a.getByRole('link', { name: t('networks.org.homeSpace') })).toHaveCount(0);
    await expectNoAxeViolations(a);

    // Invites a representative of Green Hands by link.
    await a.goto(networkUrl);
    await a.getByRole('link', { name: t('networks.home.peopleLink') }).click();
    await expect(a.getByRole('heading', { level: 1, name: t('networks.people.title') })).toBeVisible();
    await expectNoAxeViolations(a);
    const inviteCard = a.getByRole('region', { name: t('networks.invite.title') });
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
