import type { Page } from '@playwright/test';
import { translator, type Locale } from '../../lib/i18n';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { partnerNetwork } from './setup';

/**
 * The cooperation journey in two browsers: representatives of two
 * organisations, each in their own browser context. A creates a goal and B
 * sees it appear without reloading; both write its description at once; B
 * rates it; A records hours given to B and B confirms; both see the balances
 * change; A commits hours to the goal and marks the commitment delivered
 * with that entry as evidence; B disputes another entry and A corrects it by
 * a reversing entry. Once in English, once in German; axe on every screen.
 */

const ledgerRow = (page: Page, text: string) =>
  page.locator('[data-testid="ledger-table"] tbody tr', { hasText: text });

/** Opens "Record an entry" (behind a button) and returns its form's section. */
async function openRecord(page: Page, t: (k: string) => string) {
  await page.getByRole('button', { name: t('pages.ledger.recordOpen') }).click();
  return page.locator('section#record');
}

for (const locale of ['en', 'de'] as const) {
  test(`two representatives cooperate on a goal, the ledger and a commitment, live (${locale})`, async ({
    createUser,
    signedInPageFor,
  }) => {
    test.setTimeout(300_000);
    const t = translator(locale as Locale);
    const de = locale === 'de';
    const orgNames: [string, string] = de ? ['Alpha Verein', 'Beta Initiative'] : ['Alpha Society', 'Beta Initiative'];
    const { repA, repB, networkId } = await partnerNetwork(
      createUser,
      [de ? 'Mia Managerin' : 'Max Manager', de ? 'Anna Alpha' : 'Alice Alpha', de ? 'Bernd Beta' : 'Bob Beta'],
      orgNames,
      locale,
    );
    const a = await signedInPageFor(repA);
    const b = await signedInPageFor(repB);
    const base = `/networks/${networkId}`;

    // Both open the goal board; A proposes a goal and B sees it appear without reloading.
    await b.goto(`${base}/goals`);
    await a.goto(`${base}/goals`);
    await expect(a.getByRole('heading', { level: 1, name: t('cooperation.board.title') })).toBeVisible();
    await expect(b.locator('[data-live-state="live"]')).toBeVisible();
    await expectNoAxeViolations(a);
    const goalTitle = de ? 'Gemeinsamer Freiwilligenpool' : 'Shared volunteer pool';
    const form = a.locator('section#create-goal');
    await form.getByLabel(t('cooperation.goal.title')).fill(goalTitle);
    await form
      .getByLabel(t('cooperation.goal.whyTogether'))
      .fill(de ? 'Keine Organisation hat genug Freiwillige.' : 'No member has enough volunteers alone.');
    await form.getByRole('button', { name: t('cooperation.createGoal.submit') }).click();
    await expect(form.getByRole('status')).toContainText(goalTitle);
    await expect(b.getByRole('link', { name: goalTitle })).toBeVisible();

    // Both open the goal and write its description at the same time.
    const goalUrl = /\/goals\/[0-9a-f-]{36}$/;
    await b.getByRole('link', { name: goalTitle }).click();
    await a.getByRole('link', { name: goalTitle }).click();
    // A busy machine may take a while to serve the page: wait for the navigation itself, generously.
    await expect(a).toHaveURL(goalUrl, { timeout: 60_000 });
    await expect(b).toHaveURL(goalUrl, { timeout: 60_000 });
    await expect(a.getByRole('heading', { level: 1, name: goalTitle })).toBeVisible();
    const editorA = a.getByRole('textbox', { name: t('cooperation.text.editorLabel') });
    const editorB = b.getByRole('textbox', { name: t('cooperation.text.editorLabel') });
    await expect(editorA).toHaveAttribute('contenteditable', 'true');
    await expect(editorB).toHaveAttribute('contenteditable', 'true');
    await editorA.click();
    await editorB.click();
    await Promise.all([
      editorA.pressSequentially('Alpha brings rooms. ', { delay: 20 }),
      editorB.pressSequentially('Beta brings people. ', { delay: 20 }),
    ]);
    for (const editor of [editorA, editorB]) {
      await expect(editor).toContainText('Alpha brings rooms.');
      await expect(editor).toContainText('Beta brings people.');
    }
    await expectNoAxeViolations(a, { exclude: ['.ProseMirror-yjs-cursor'] });

    // B rates the goal for Beta; A sees the rating arrive.
    // The rating is a choice: nothing is preset, and a missing score is named.
    await b.getByRole('button', { name: t('pages.goal.rate') }).click();
    const rating = b.getByRole('form', { name: t('cooperation.rating.yours') });
    await expect(rating.getByLabel(t('cooperation.rating.flexible'))).toHaveValue('');
    await rating.getByLabel(t('cooperation.rating.attractive')).selectOption('5');
    await rating.getByLabel(t('cooperation.rating.concrete')).selectOption('3');
    await rating.getByLabel(t('cooperation.rating.comment')).fill(de ? 'Gute Idee' : 'Good idea');
    await rating.getByRole('button', { name: t('cooperation.rating.submit') }).click();
    await expect(rating.getByLabel(t('cooperation.rating.flexible'))).toHaveAttribute('aria-invalid', 'true');
    await rating.getByLabel(t('cooperation.rating.flexible')).selectOption('4');
    await rating.getByRole('button', { name: t('cooperation.rating.submit') }).click();
    await expect(rating.getByRole('status')).toHaveText(t('cooperation.rating.saved'));
    await expect(a.locator('[data-testid="ratings"]')).toContainText('Beta Initiative');

    // A records 3 hours given to Beta; B sees the entry live and confirms it; both see the balances change.
    await b.goto(`${base}/ledger`);
    await a.goto(`${base}/ledger`);
    await expect(b.locator('[data-live-state="live"]')).toBeVisible();
    const record = await openRecord(a, t);
    const hoursText = de ? 'Moderation Frühjahrstreffen' : 'Facilitated the spring meeting';
    // No partner is preset: recording without one names the field.
    await record.getByLabel(t('cooperation.entry.amount')).fill('3');
    await record.getByRole('button', { name: t('cooperation.ledger.recordSubmit') }).click();
    await expect(record.getByLabel(t('cooperation.entry.partner'))).toHaveAttribute('aria-invalid', 'true');
    await record.getByLabel(t('cooperation.entry.partner')).selectOption({ label: 'Beta Initiative' });
    await record.getByLabel(t('cooperation.entry.description')).fill(hoursText);
    await record.getByRole('button', { name: t('cooperation.ledger.recordSubmit') }).click();
    await expect(record.getByRole('status')).toHaveText(t('cooperation.ledger.recorded'));
    await expectNoAxeViolations(a);
    const rowB = ledgerRow(b, hoursText);
    await expect(rowB).toBeVisible();
    await rowB.getByRole('button', { name: t('cooperation.ledger.confirm') }).click();
    await expect(rowB).toHaveAttribute('data-status', 'confirmed');
    const hours = de ? '3 Stunden' : '3 hours';
    for (const page of [a, b]) {
      await expect(
        page
          .locator('[data-testid="balances-table"] tr[data-org]', { hasText: orgNames[0] })
          .locator('[data-unit="hours"] [data-cell="given-confirmed"]'),
      ).toHaveText(hours);
      await expect(
        page
          .locator('[data-testid="balances-table"] tr[data-org]', { hasText: 'Beta Initiative' })
          .locator('[data-unit="hours"] [data-cell="received-confirmed"]'),
      ).toHaveText(hours);
    }
    await expect(ledgerRow(a, hoursText)).toHaveAttribute('data-status', 'confirmed');

    // A commits hours to the goal and later marks it delivered with that entry as evidence.
    await a.goto(`${base}/goals`);
    await a.getByRole('link', { name: goalTitle }).click();
    await expect(a).toHaveURL(goalUrl, { timeout: 60_000 });
    await a.getByRole('button', { name: t('cooperation.commitments.new') }).click();
    const commit = a.getByRole('form', { name: t('cooperation.commitments.new') });
    await commit.getByLabel(t('cooperation.entry.amount')).fill('3');
    await commit.getByLabel(t('cooperation.commitments.dueOn')).fill('2030-06-30');
    await commit.getByRole('button', { name: t('cooperation.commitments.submit') }).click();
    await expect(commit.getByRole('status')).toHaveText(t('cooperation.commitments.created'));
    const item = a.locator('[data-testid="commitment-list"] li').first();
    await expect(item.getByTestId('commitment-status')).toHaveText(t('cooperation.commitmentStatus.committed'));
    await item.getByRole('button', { name: t('cooperation.commitments.markDelivered') }).click();
    await item.getByRole('checkbox', { name: new RegExp(hoursText) }).check();
    await item.getByRole('button', { name: t('cooperation.commitments.confirmDelivered') }).click();
    await expect(item.getByTestId('commitment-status')).toHaveText(t('cooperation.commitmentStatus.delivered'));
    await expectNoAxeViolations(a, { exclude: ['.ProseMirror-yjs-cursor'] });

    // B disputes another entry; A corrects it by a reversing entry.
    await a.goto(`${base}/ledger`);
    await openRecord(a, t);
    const wrongText = de ? 'Kontakte zur Stadt' : 'Contacts at city hall';
    await record.getByLabel(t('cooperation.entry.partner')).selectOption({ label: 'Beta Initiative' });
    await record.getByLabel(t('cooperation.entry.amount')).fill('12');
    await record.getByLabel(t('cooperation.entry.unit')).selectOption('contacts');
    await record.getByLabel(t('cooperation.entry.description')).fill(wrongText);
    await record.getByRole('button', { name: t('cooperation.ledger.recordSubmit') }).click();
    const wrongB = ledgerRow(b, wrongText);
    await wrongB.getByRole('button', { name: t('cooperation.ledger.dispute') }).click();
    await wrongB.getByLabel(t('cooperation.ledger.disputeComment')).fill(de ? 'Es waren nur 2' : 'It was only 2');
    await wrongB.getByRole('button', { name: t('cooperation.ledger.disputeSubmit') }).click();
    await expect(wrongB).toHaveAttribute('data-status', 'disputed');
    const wrongA = ledgerRow(a, wrongText).filter({ hasNotText: t('cooperation.ledger.reversal') });
    await expect(wrongA).toHaveAttribute('data-status', 'disputed');
    await wrongA.getByRole('button', { name: t('cooperation.ledger.correct') }).click();
    await wrongA.getByLabel(t('cooperation.ledger.correctReason')).fill(de ? 'Tippfehler' : 'Typo');
    await wrongA.getByRole('button', { name: t('cooperation.ledger.correctSubmit') }).click();
    await expect(wrongA).toHaveAttribute('data-status', 'reversed');
    await expect(ledgerRow(b, t('cooperation.ledger.reversal'))).toBeVisible();
    await expect(ledgerRow(b, wrongText).first()).toHaveAttribute('data-status', 'reversed');
    await expectNoAxeViolations(b);
  });
}

test('an entry recorded offline is kept, sent on reconnect exactly once, and reaches the partner', async ({
  createUser,
  signedInPageFor,
}) => {
  test.setTimeout(180_000);
  const t = translator('en');
  const { repA, repB, networkId } = await partnerNetwork(
    createUser,
    ['Olivia Owner', 'Otto Alpha', 'Oskar Beta'],
    ['Offline Alpha', 'Offline Beta'],
  );
  const a = await signedInPageFor(repA);
  const b = await signedInPageFor(repB);
  await b.goto(`/networks/${networkId}/ledger`);
  await a.goto(`/networks/${networkId}/ledger`);
  await expect(a.locator('[data-live-state="live"]')).toBeVisible();

  await a.context().setOffline(true);
  const record = await openRecord(a, t);
  await record.getByLabel(t('cooperation.entry.partner')).selectOption({ label: 'Offline Beta' });
  await record.getByLabel(t('cooperation.entry.amount')).fill('4');
  await record.getByLabel(t('cooperation.entry.description')).fill('Written on the train');
  await record.getByRole('button', { name: t('cooperation.ledger.recordSubmit') }).click();
  await expect(record.getByRole('status')).toHaveText(t('cooperation.outbox.savedOffline'));
  await expect(a.getByText(t('cooperation.outbox.queued', { count: 1 }))).toBeVisible();

  await a.context().setOffline(false);
  await a.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect(a.getByText(t('cooperation.outbox.queued', { count: 1 }))).toBeHidden();
  await expect(ledgerRow(b, 'Written on the train')).toBeVisible();
  await expect(ledgerRow(a, 'Written on the train')).toHaveCount(1);
  const list = await repA.api.get(`/api/networks/${networkId}/ledger`);
  expect(
    list.json.entries.filter((e: { description: string }) => e.description === 'Written on the train'),
  ).toHaveLength(1);
});

test('a refused confirmation rolls back the optimistic change and says why', async ({
  createUser,
  signedInPageFor,
}) => {
  test.setTimeout(180_000);
  const t = translator('en');
  const { repA, repB, networkId, orgA, orgB } = await partnerNetwork(
    createUser,
    ['Rosa Owner', 'Rolf Alpha', 'Rita Beta'],
    ['Rollback Alpha', 'Rollback Beta'],
  );
  const today = new Date().toISOString().slice(0, 10);
  const entry = await repA.api.post(`/api/networks/${networkId}/ledger`, {
    organisationId: orgA,
    kind: 'give',
    partnerOrganisationId: orgB,
    unit: 'hours',
    amount: 2,
    date: today,
    description: 'Answered elsewhere',
  });
  expect(entry.status, entry.text).toBe(201);
  const b = await signedInPageFor(repB);
  // This page hears no live updates, so it still offers "Confirm" after the entry was answered elsewhere.
  await b.route(/\/events(\?|$)/, (route) => route.abort()); // the feed opens at the page's cursor: /events?after=…
  await b.goto(`/networks/${networkId}/ledger`);
  const row = ledgerRow(b, 'Answered elsewhere');
  await expect(row.getByRole('button', { name: t('cooperation.ledger.confirm') })).toBeVisible();
  const elsewhere = await repB.api.post(`/api/networks/${networkId}/ledger/${entry.json.entry.id}/response`, {
    response: 'dispute',
    comment: 'Only one hour',
  });
  expect(elsewhere.status).toBe(200);
  await row.getByRole('button', { name: t('cooperation.ledger.confirm') }).click();
  await expect(b.getByRole('alert').filter({ hasText: t('cooperation.rolledBack') })).toContainText(
    t('cooperation.errors.alreadyAnswered.disputed'),
  );
  await expect(row).toHaveAttribute('data-status', 'disputed');
});

test('an earlier text shown beside the current one is restored as a new version and reaches the partner', async ({
  createUser,
  signedInPageFor,
}) => {
  test.setTimeout(180_000);
  const t = translator('en');
  const { repA, repB, networkId, orgB } = await partnerNetwork(
    createUser,
    ['Vera Owner', 'Viktor Alpha', 'Vanessa Beta'],
    ['Version Alpha', 'Version Beta'],
  );
  const goal = await repA.api.post(`/api/networks/${networkId}/goals`, {
    title: 'Versioned goal',
    organisationIds: [orgB],
  });
  expect(goal.status, goal.text).toBe(201);
  const url = `/networks/${networkId}/goals/${goal.json.goal.id}`;
  const a = await signedInPageFor(repA);
  const b = await signedInPageFor(repB);
  await a.goto(url);
  await b.goto(url);
  const editorA = a.getByRole('textbox', { name: t('cooperation.text.editorLabel') });
  const editorB = b.getByRole('textbox', { name: t('cooperation.text.editorLabel') });
  await expect(editorA).toHaveAttribute('contenteditable', 'true');
  await expect(editorB).toHaveAttribute('contenteditable', 'true');
  const versions = a.getByTestId('revisions');

  await editorA.click();
  await editorA.pressSequentially('First idea.', { delay: 10 });
  await expect(editorB).toContainText('First idea.');
  await a.getByRole('button', { name: t('cooperation.text.keepVersion') }).click();
  await expect(versions).toContainText(t('cooperation.revisions.version', { version: 2 }));

  await editorA.press('End');
  await editorA.pressSequentially(' Second thoughts.', { delay: 10 });
  await expect(editorB).toContainText('Second thoughts.');
  await a.getByRole('button', { name: t('cooperation.text.keepVersion') }).click();
  await expect(versions).toContainText(t('cooperation.revisions.version', { version: 3 }));

  await a.getByRole('button', { name: t('cooperation.revisions.compare', { version: 2 }) }).click();
  const compare = a.getByTestId('revision-compare');
  await expect(compare.getByRole('region', { name: t('cooperation.revisions.version', { version: 2 }) })).toContainText(
    'First idea.',
  );
  await expect(compare.getByRole('region', { name: t('cooperation.revisions.current') })).toContainText(
    'Second thoughts.',
  );
  await expectNoAxeViolations(a, { exclude: ['.ProseMirror-yjs-cursor'] });
  await compare.getByRole('button', { name: t('cooperation.revisions.restoreText', { version: 2 }) }).click();
  await expect(a.getByText(t('cooperation.revisions.restored', { version: 2 }))).toBeVisible();
  await expect(editorB).toHaveText('First idea.');
  await expect(editorA).toHaveText('First idea.');
  await expect(versions).toContainText(t('cooperation.revisions.restoredFrom', { version: 2 }));
});

test('an entry recorded for a goal links to it, and the goal’s participating organisations are edited', async ({
  createUser,
  signedInPageFor,
}) => {
  test.setTimeout(180_000);
  const t = translator('en');
  const { repA, networkId, orgA, orgB } = await partnerNetwork(
    createUser,
    ['Gina Owner', 'Gerd Alpha', 'Greta Beta'],
    ['Goal Alpha', 'Goal Beta'],
  );
  const goal = await repA.api.post(`/api/networks/${networkId}/goals`, {
    title: 'Pooled meeting rooms',
    organisationIds: [orgA],
  });
  expect(goal.status, goal.text).toBe(201);
  const goalId: string = goal.json.goal.id;
  const a = await signedInPageFor(repA);

  // A records an entry for the goal; the ledger list links to the goal.
  await a.goto(`/networks/${networkId}/ledger`);
  const record = await openRecord(a, t);
  await record.getByLabel(t('cooperation.entry.partner')).selectOption({ label: 'Goal Beta' });
  const goalPicker = record.getByRole('combobox', { name: t('cooperation.entry.goal') });
  await goalPicker.fill('Pooled');
  await record.getByRole('option', { name: 'Pooled meeting rooms' }).click({ timeout: 30_000 });
  await expect(goalPicker).toHaveValue('Pooled meeting rooms');
  await record.getByLabel(t('cooperation.entry.amount')).fill('2');
  await record.getByLabel(t('cooperation.entry.description')).fill('Room for the kick-off');
  await record.getByRole('button', { name: t('cooperation.ledger.recordSubmit') }).click();
  await expect(record.getByRole('status')).toHaveText(t('cooperation.ledger.recorded'), { timeout: 30_000 });
  const goalLink = ledgerRow(a, 'Room for the kick-off').getByRole('link', { name: 'Pooled meeting rooms' });
  await expect(goalLink).toBeVisible({ timeout: 30_000 });
  const list = await repA.api.get(`/api/networks/${networkId}/ledger?goalId=${goalId}`);
  expect(list.json.entries.map((e: { description: string }) => e.description)).toEqual(['Room for the kick-off']);
  await expectNoAxeViolations(a);

  // The link leads to the goal, where A adds Beta as a participating organisation.
  await goalLink.click();
  await expect(a).toHaveURL(new RegExp(`/goals/${goalId}$`), { timeout: 60_000 });
  await a.getByRole('button', { name: t('pages.goal.participants') }).click();
  const participants = a.locator('section#participants');
  const group = participants.getByRole('group', { name: t('cooperation.goal.organisations') });
  await expect(group.getByRole('checkbox', { name: 'Goal Alpha' })).toBeChecked({ timeout: 30_000 });
  await group.getByRole('checkbox', { name: 'Goal Beta' }).check();
  await participants.getByRole('button', { name: t('cooperation.goal.participantsSave') }).click();
  await expect(participants.getByRole('status')).toHaveText(t('cooperation.goal.participantsSaved'), {
    timeout: 30_000,
  });
  await expect(group.getByRole('checkbox', { name: 'Goal Beta' })).toBeChecked();
  const saved = await repA.api.get(`/api/networks/${networkId}/goals/${goalId}`);
  expect([...saved.json.goal.organisationIds].sort()).toEqual([orgA, orgB].sort());
  await expectNoAxeViolations(a, { exclude: ['.ProseMirror-yjs-cursor'] });

  // Leaving no organisation is refused with the server's reason.
  await group.getByRole('checkbox', { name: 'Goal Alpha' }).uncheck();
  await group.getByRole('checkbox', { name: 'Goal Beta' }).uncheck();
  await participants.getByRole('button', { name: t('cooperation.goal.participantsSave') }).click();
  await expect(participants.getByRole('alert')).toHaveText(t('cooperation.errors.goalNeedsOrganisation'), {
    timeout: 30_000,
  });
});

test("a ledger load fetches nothing again: the feed opens at the page's cursor, and a partner's entry still arrives live", async ({
  createUser,
  signedInPageFor,
}) => {
  const { repA, repB, networkId, orgA, orgB } = await partnerNetwork(
    createUser,
    ['Cora Owner', 'Carl Alpha', 'Cleo Beta'],
    ['Cursor Alpha', 'Cursor Beta'],
  );
  const today = new Date().toISOString().slice(0, 10);
  const give = (description: string) =>
    repB.api.post(`/api/networks/${networkId}/ledger`, {
      organisationId: orgB,
      kind: 'give',
      partnerOrganisationId: orgA,
      unit: 'hours',
      amount: 1,
      date: today,
      description,
    });
  expect((await give('Before the page')).status).toBe(201);
  const a = await signedInPageFor(repA);
  const requests: string[] = [];
  a.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith(`/api/networks/${networkId}/`)) requests.push(url.pathname + url.search);
  });
  await a.goto(`/networks/${networkId}/ledger`);
  await expect(ledgerRow(a, 'Before the page')).toBeVisible();
  await expect(a.locator('[data-testid="balances-table"] tbody tr').first()).toBeVisible();
  await expect(a.locator('[data-live-state="live"]')).toBeVisible();
  const feed = requests.find((r) => r.startsWith(`/api/networks/${networkId}/events`));
  expect(feed).toMatch(/\?after=\d+$/);
  await a.waitForTimeout(500);
  // The entries and the balances came with the HTML, the units once after hydration; connecting the feed fetched
  // none of them again.
  expect(requests.filter((r) => r.includes('/ledger'))).toEqual([`/api/networks/${networkId}/ledger/units`]);

  expect((await give('After the page')).status).toBe(201);
  await expect(ledgerRow(a, 'After the page')).toBeVisible();
});
