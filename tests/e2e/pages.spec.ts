import type { Page } from '@playwright/test';
import { translator, type Locale } from '../../lib/i18n';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { partnerNetwork } from './setup';

/**
 * The redesigned pages of issue 9 as a new user meets them, in German and
 * English, at 1366×900 and 390×844: give and take read from the viewer's side
 * (cards on a phone, never wider than the screen), commitments made on their
 * own page with an empty state that says what is true, people as a list with
 * a menu and a search, and the goal page with editing behind "Edit" and a
 * highlighted difference between versions. axe on every screen.
 */

// Every page these tests visit fails the test when the browser reports a Content-Security-Policy violation
// (the people page once logged React Aria's <style> element without a nonce).
test.use({ failOnCspViolations: true });

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 900 };

async function bothSizes(page: Page, check: () => Promise<void> = async () => {}) {
  for (const size of [LAPTOP, PHONE]) {
    await page.setViewportSize(size);
    await check();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `${page.url()} at ${size.width} px is ${width} px wide`).toBeLessThanOrEqual(size.width);
    await expectNoAxeViolations(page, { exclude: ['.ProseMirror-yjs-cursor'] });
  }
  await page.setViewportSize(LAPTOP);
}

for (const locale of ['en', 'de'] as const) {
  test(`the cooperation pages read from the viewer's side and keep editing behind buttons (${locale})`, async ({
    createUser,
    signedInPageFor,
  }) => {
    test.setTimeout(300_000);
    const t = translator(locale as Locale);
    const de = locale === 'de';
    const orgNames: [string, string] = de
      ? ['Jugendzentrum Nord', 'Volkshochschule Ost']
      : ['Youth Centre North', 'Adult School East'];
    const { manager, repA, repB, networkId, orgA, orgB } = await partnerNetwork(
      createUser,
      de ? ['Maria Leitner', 'Jonas Berger', 'Vera Huber'] : ['Mary Lead', 'John Berry', 'Vera Hub'],
      orgNames,
      locale,
    );
    const base = `/networks/${networkId}`;
    const today = new Date().toISOString().slice(0, 10);
    const gift = await repA.api.post(`/api/networks/${networkId}/ledger`, {
      organisationId: orgA,
      kind: 'give',
      partnerOrganisationId: orgB,
      unit: 'hours',
      amount: 3,
      date: today,
      description: de ? 'Jugendliche zur Kursinfo begleitet' : 'Took young people to the course fair',
    });
    expect(gift.status, gift.text).toBe(201);
    const goal = await repA.api.post(`/api/networks/${networkId}/goals`, {
      title: de ? 'Gemeinsamer Sprachtreff' : 'A shared language meet-up',
      whyTogether: de ? 'Kurse, Räume und Beratung an einem Ort.' : 'Courses, rooms and advice in one place.',
      organisationIds: [orgB],
    });
    expect(goal.status, goal.text).toBe(201);
    const goalId: string = goal.json.goal.id;

    // Give and take, as the other organisation sees it: "A → B · 3 hours", never "We gave".
    const b = await signedInPageFor(repB);
    await b.goto(`${base}/ledger`);
    const row = b.locator('[data-testid="ledger-table"] tbody tr').first();
    await expect(row).toContainText(`${orgNames[0]} → ${orgNames[1]}`);
    await expect(row).toContainText(t('cooperation.amount.hours', { amount: 3 }));
    await expect(b.getByText(t('cooperation.entryKind.give'))).toHaveCount(0);
    // Balances: one row per organisation, units as columns, the pending gift apart.
    const balances = b.locator('[data-testid="balances-table"]');
    await expect(balances.locator('tbody tr[data-org]')).toHaveCount(2);
    await expect(balances.locator(`tr[data-org="${orgA}"] [data-cell="given-pending"]`)).toHaveText(
      t('pages.balances.waiting', { amount: t('cooperation.amount.hours', { amount: 3 }) }),
    );
    await bothSizes(b);

    // Commitments: the open ones by default; the empty state says what is true; one is made right here.
    const a = await signedInPageFor(repA);
    await a.goto(`${base}/commitments`);
    await expect(a.getByLabel(t('cooperation.commitments.view'))).toHaveValue('open');
    await expect(a.getByText(t('pages.commitments.empty.open'))).toBeVisible();
    await bothSizes(a);
    await a
      .getByRole('button', { name: t('pages.commitments.make') })
      .first()
      .click();
    const dialog = a.getByRole('dialog', { name: t('pages.commitments.make') });
    const picker = dialog.getByRole('combobox', { name: t('cooperation.entry.goal') });
    await picker.fill(de ? 'Sprach' : 'language');
    await dialog.getByRole('option', { name: goal.json.goal.title }).click({ timeout: 30_000 });
    await dialog.getByLabel(t('cooperation.entry.amount')).fill('4');
    await dialog.getByLabel(t('cooperation.commitments.dueOn')).fill('2020-01-01');
    await dialog.getByRole('button', { name: t('cooperation.commitments.submit') }).click();
    // A due date in the past is refused at its field, in words.
    await expect(dialog.getByText(t('fields.issue.pastDate'))).toBeVisible();
    await expectNoAxeViolations(a);
    await dialog.getByLabel(t('cooperation.commitments.dueOn')).fill('2030-06-30');
    await dialog.getByRole('button', { name: t('cooperation.commitments.submit') }).click();
    await expect(dialog).toBeHidden();
    await expect(a.locator('[data-testid="commitment-list"] li')).toHaveCount(1);
    await expect(a.locator('[data-testid="commitment-list"]')).toContainText(goal.json.goal.title);

    // The goal page leads with the goal; "Edit" makes title and "why" editable; versions show what changed.
    await a.goto(`${base}/goals/${goalId}`);
    await expect(a.getByTestId('goal-why')).toHaveText(goal.json.goal.whyTogether);
    await expect(a.getByRole('form', { name: t('pages.goal.editTitle') })).toHaveCount(0);
    await bothSizes(a);
    await a.getByRole('button', { name: t('pages.goal.edit') }).click();
    const edit = a.getByRole('form', { name: t('pages.goal.editTitle') });
    const newWhy = de
      ? 'Kurse, Räume, Kinderbetreuung und Beratung an einem Ort.'
      : 'Courses, rooms, childcare and advice in one place.';
    await edit.getByLabel(t('cooperation.goal.whyTogether')).fill(newWhy);
    await edit.getByRole('button', { name: t('common.save') }).click();
    await expect(a.getByTestId('goal-why')).toHaveText(newWhy);
    await a.getByRole('button', { name: t('cooperation.revisions.compare', { version: 1 }) }).click();
    const changed = a.getByTestId('what-changed');
    await expect(changed.locator('ins')).toContainText(de ? 'Kinderbetreuung' : 'childcare');
    await expectNoAxeViolations(a, { exclude: ['.ProseMirror-yjs-cursor'] });

    // People: a list with role badges and a search; actions in a menu, changing a role in a dialog.
    const m = await signedInPageFor(manager);
    await m.goto(`${base}/people`);
    await expect(m.getByTestId('member')).toHaveCount(3);
    await bothSizes(m);
    await m.getByLabel(t('pages.people.search')).fill(orgNames[1].split(' ')[0]);
    await expect(m.getByTestId('member')).toHaveCount(1);
    await m.getByRole('button', { name: t('pages.people.actionsFor', { name: repB.name }) }).click();
    await m.getByRole('menuitem', { name: t('pages.people.changeRole') }).click();
    const roleDialog = m.getByRole('dialog', { name: t('networks.people.changeRoleFor', { name: repB.name }) });
    await roleDialog.getByLabel(t('networks.invite.role'), { exact: true }).selectOption('observer');
    await roleDialog.getByRole('button', { name: t('networks.people.changeRole') }).click();
    await expect(roleDialog).toBeHidden();
    // An observer belongs to no organisation: the search by organisation no longer finds them.
    await expect(m.getByText(t('pages.people.noneFound'))).toBeVisible();
    await m.getByLabel(t('pages.people.search')).fill(repB.name);
    await expect(m.getByTestId('member').locator('[data-role]')).toHaveAttribute('data-role', 'observer');
    await expectNoAxeViolations(m);
  });
}
