import { translator } from '../../lib/i18n';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { partnerNetwork } from './setup';

/**
 * Pilots, formatted restores and the goal picker in Chromium:
 * - a pilot goal whose review date has come is decided ("deepen") by one
 *   representative; the other sees the goal become active without reloading;
 * - restoring an earlier, formatted version of a description brings back its
 *   heading, bold text and link in both browsers;
 * - a goal outside the newest 200 is found and chosen for a ledger entry with
 *   the keyboard.
 */

const todayIso = () => new Date().toISOString().slice(0, 10);

for (const locale of ['en', 'de'] as const) {
  test(`a pilot whose review date has come is deepened and every open browser sees it (${locale})`, async ({
    createUser,
    signedInPageFor,
  }) => {
    test.setTimeout(180_000);
    const t = translator(locale);
    const { repA, repB, networkId, orgB } = await partnerNetwork(
      createUser,
      ['Paula Manager', 'Piet Alpha', 'Pia Beta'],
      ['Pilot Alpha', 'Pilot Beta'],
      locale,
    );
    const title = locale === 'de' ? 'Lastenrad teilen' : 'Shared cargo bike';
    // A review date of today: the review is due at once (a past date cannot be set).
    const created = await repA.api.post(`/api/networks/${networkId}/goals`, {
      title,
      status: 'pilot',
      reviewOn: todayIso(),
      organisationIds: [orgB],
    });
    expect(created.status, created.text).toBe(201);
    const goalId: string = created.json.goal.id;
    const a = await signedInPageFor(repA);
    const b = await signedInPageFor(repB);

    // The board shows "review due" and filters to pilots due for review.
    await b.goto(`/networks/${networkId}/goals`);
    await expect(b.locator('[data-live-state="live"]')).toBeVisible({ timeout: 30_000 });
    await b.getByRole('checkbox', { name: t('cooperation.filter.reviewDue') }).check();
    const card = b.getByTestId('goal-list').getByRole('listitem').filter({ hasText: title });
    await expect(card.getByTestId('review-due')).toHaveText(t('cooperation.pilot.reviewDue'));
    await expectNoAxeViolations(b);

    // The organisation's page lists it among the pilots due for review.
    await a.goto(`/networks/${networkId}/organisations/${orgB}/cooperation`);
    await expect(a.getByTestId('pilots-due').getByRole('link', { name: title })).toBeVisible({ timeout: 30_000 });
    await expect(a.getByTestId('pilots-due').getByTestId('review-due')).toHaveText(t('cooperation.pilot.reviewDue'));
    // Its recent activity is told in words, each linking to its page; never a raw kind like `member.joined`.
    const recent = a.locator('#org-activity');
    await expect(
      recent.getByRole('link', { name: t('activity.member.joined', { actor: 'Pia Beta', role: 'representative' }) }),
    ).toHaveAttribute('href', `/networks/${networkId}/people`);
    await expect(recent).not.toContainText('member.joined');
    await expectNoAxeViolations(a);

    // A opens the goal and decides, first without a reason (refused, in A's language), then properly.
    await a.goto(`/networks/${networkId}/goals/${goalId}`);
    await expect(a.getByTestId('review-due')).toBeVisible({ timeout: 30_000 });
    const review = a.locator('section#pilot-review');
    await expect(review).toContainText(t('cooperation.pilot.title'));
    // The status field of a pilot offers no way around the review (editing is behind "Edit").
    await a.getByRole('button', { name: t('pages.goal.edit') }).click();
    const statusField = a.locator('#change-goal').getByLabel(t('cooperation.goal.status'));
    await expect(statusField.locator('option')).toHaveText([t('cooperation.goalStatus.pilot')]);
    await expect(a.locator('#change-goal')).toContainText(t('cooperation.pilot.statusHint'));
    await review.getByRole('radio', { name: t('cooperation.pilot.decisions.deepen') }).check();
    await review.getByRole('button', { name: t('cooperation.pilot.submit') }).click();
    await expect(review.getByRole('alert')).toHaveText(t('cooperation.errors.pilotReasonRequired'));
    await expectNoAxeViolations(a, { exclude: ['.ProseMirror-yjs-cursor'] });
    const reason = locale === 'de' ? 'Das Rad war jeden Tag ausgeliehen.' : 'The bike was booked every day.';
    await review.getByLabel(t('cooperation.pilot.reason')).fill(reason);
    await review.getByRole('button', { name: t('cooperation.pilot.submit') }).click();

    // The goal is active now, for A and live for B (still on the board, filtered to "review due": it leaves it).
    await expect(a.locator('header [data-status]')).toHaveAttribute('data-status', 'active', { timeout: 30_000 });
    await expect(a.locator('section#pilot-review')).toHaveCount(0);
    await expect(a.getByTestId('pilot-decision-note').first()).toContainText(reason);
    await expect(card).toHaveCount(0, { timeout: 30_000 });
    await b.getByRole('checkbox', { name: t('cooperation.filter.reviewDue') }).uncheck();
    await expect(
      b.getByTestId('goal-list').getByRole('listitem').filter({ hasText: title }).locator('[data-status]'),
    ).toHaveAttribute('data-status', 'active');
    await expectNoAxeViolations(a, { exclude: ['.ProseMirror-yjs-cursor'] });

    // The decision is a version with who, when and why.
    const revs = await repB.api.get(`/api/networks/${networkId}/goals/${goalId}/revisions`);
    expect(revs.json.revisions[0]).toMatchObject({
      changed: ['pilotDecision', 'status', 'reviewOn'],
      decision: { decision: 'deepen', reason, early: false },
      actorName: 'Piet Alpha',
    });
  });
}

test('a pilot decided before its review date must say so, and repeat asks for the next date', async ({
  createUser,
  signedInPageFor,
}) => {
  test.setTimeout(180_000);
  const t = translator('en');
  const { repA, networkId } = await partnerNetwork(
    createUser,
    ['Ruth Manager', 'Rolf Alpha', 'Rita Beta'],
    ['Early Alpha', 'Early Beta'],
  );
  const inTenDays = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  const created = await repA.api.post(`/api/networks/${networkId}/goals`, {
    title: 'Neighbourhood repair café',
    status: 'pilot',
    reviewOn: inTenDays,
  });
  expect(created.status, created.text).toBe(201);
  const a = await signedInPageFor(repA);
  await a.goto(`/networks/${networkId}/goals/${created.json.goal.id}`);
  const review = a.locator('section#pilot-review');
  await expect(review.getByRole('checkbox', { name: t('cooperation.pilot.early') })).toBeVisible({ timeout: 30_000 });
  await review.getByRole('radio', { name: t('cooperation.pilot.decisions.repeat') }).check();
  await review.getByLabel(t('cooperation.pilot.reason')).fill('Give it one more month.');
  await review.getByRole('button', { name: t('cooperation.pilot.submit') }).click();
  // Not yet due, early not ticked: refused with the date named.
  await expect(review.getByRole('alert')).toContainText(t('cooperation.errors.reviewNotDue', { date: inTenDays }));
  await review.getByRole('checkbox', { name: t('cooperation.pilot.early') }).check();
  await review.getByRole('button', { name: t('cooperation.pilot.submit') }).click();
  await expect(review.getByRole('alert')).toHaveText(t('cooperation.errors.reviewDateRequired'));
  const inFortyDays = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
  await review.getByLabel(t('cooperation.pilot.nextReviewOn')).fill(inFortyDays);
  await review.getByRole('button', { name: t('cooperation.pilot.submit') }).click();
  await expect(a.getByTestId('pilot-decision-note').first()).toContainText('Give it one more month.', {
    timeout: 30_000,
  });
  await expect(a.getByTestId('pilot-decision-note').first()).toContainText(t('cooperation.pilot.earlyNote'));
  await expect(a.locator('header [data-status]')).toHaveAttribute('data-status', 'pilot');
  await expectNoAxeViolations(a, { exclude: ['.ProseMirror-yjs-cursor'] });
});

test('restoring an earlier formatted text brings back its heading, bold text, link and list in every browser', async ({
  createUser,
  signedInPageFor,
}) => {
  test.setTimeout(180_000);
  const t = translator('en');
  const { repA, repB, networkId, orgB } = await partnerNetwork(
    createUser,
    ['Frida Owner', 'Fritz Alpha', 'Fiona Beta'],
    ['Format Alpha', 'Format Beta'],
  );
  const goal = await repA.api.post(`/api/networks/${networkId}/goals`, {
    title: 'Formatted plan',
    organisationIds: [orgB],
  });
  expect(goal.status, goal.text).toBe(201);
  const goalId: string = goal.json.goal.id;
  // Version 2: a formatted text, as a browser keeps it (plain text + the structure of the shared document).
  const formatted = await repA.api.put(`/api/networks/${networkId}/goals/${goalId}/text`, {
    description: 'Our plan\nRooms from Alpha, see the booking page\nHallKitchen',
    descriptionDoc: [
      { type: 'heading', attrs: { level: 2 }, content: [{ delta: [{ insert: 'Our plan' }] }] },
      {
        type: 'paragraph',
        content: [
          {
            delta: [
              { insert: 'Rooms from ' },
              { insert: 'Alpha', attributes: { strong: {} } },
              { insert: ', see ' },
              { insert: 'the booking page', attributes: { link: { href: 'https://example.org/rooms', title: null } } },
            ],
          },
        ],
      },
      {
        type: 'bullet_list',
        content: ['Hall', 'Kitchen'].map((room) => ({
          type: 'list_item',
          content: [{ type: 'paragraph', content: [{ delta: [{ insert: room }] }] }],
        })),
      },
    ],
  });
  expect(formatted.status, formatted.text).toBe(200);

  const a = await signedInPageFor(repA);
  const b = await signedInPageFor(repB);
  const url = `/networks/${networkId}/goals/${goalId}`;
  await a.goto(url);
  await b.goto(url);
  const editorA = a.getByRole('textbox', { name: t('cooperation.text.editorLabel') });
  const editorB = b.getByRole('textbox', { name: t('cooperation.text.editorLabel') });
  await expect(editorA).toHaveAttribute('contenteditable', 'true', { timeout: 30_000 });
  await expect(editorB).toHaveAttribute('contenteditable', 'true', { timeout: 30_000 });
  // Someone writes plain text meanwhile and keeps it as version 3.
  await editorA.click();
  await editorA.pressSequentially('A plain draft.', { delay: 10 });
  await expect(editorB).toContainText('A plain draft.');
  await a.getByRole('button', { name: t('cooperation.text.keepVersion') }).click();
  const versions = a.getByTestId('revisions');
  await expect(versions).toContainText(t('cooperation.revisions.version', { version: 3 }));

  await a.getByRole('button', { name: t('cooperation.revisions.compare', { version: 2 }) }).click();
  await a
    .getByTestId('revision-compare')
    .getByRole('button', { name: t('cooperation.revisions.restoreText', { version: 2 }) })
    .click();
  await expect(a.getByText(t('cooperation.revisions.restored', { version: 2 }))).toBeVisible();
  for (const editor of [editorA, editorB]) {
    await expect(editor.getByRole('heading', { level: 2, name: 'Our plan' })).toBeVisible();
    await expect(editor.locator('strong')).toHaveText('Alpha');
    await expect(editor.getByRole('link', { name: 'the booking page' })).toHaveAttribute(
      'href',
      'https://example.org/rooms',
    );
    // (A remote caret, with its name, may sit at the end of an item.)
    await expect(editor.getByRole('listitem')).toHaveText([/^Hall/, /^Kitchen/]);
    await expect(editor).not.toContainText('A plain draft.');
  }
  await expect(versions).toContainText(t('cooperation.revisions.restoredFrom', { version: 2 }));
  const revs = await repB.api.get(`/api/networks/${networkId}/goals/${goalId}/revisions`);
  expect(revs.json.revisions[0]).toMatchObject({ version: 4, restoredFrom: 2 });
  expect(revs.json.revisions[0].snapshot.descriptionDoc[0]).toMatchObject({ type: 'heading', attrs: { level: 2 } });
  await expectNoAxeViolations(a, { exclude: ['.ProseMirror-yjs-cursor'] });
});

test('the goal picker finds a goal outside the newest 200 and is used with the keyboard', async ({
  createUser,
  signedInPageFor,
}) => {
  test.setTimeout(240_000);
  const t = translator('en');
  const { repA, networkId } = await partnerNetwork(
    createUser,
    ['Gustav Owner', 'Gabi Alpha', 'Gert Beta'],
    ['Picker Alpha', 'Picker Beta'],
  );
  const mk = async (title: string) => {
    const r = await repA.api.post(`/api/networks/${networkId}/goals`, { title });
    expect(r.status, r.text).toBe(201);
    return r.json.goal.id as string;
  };
  // The oldest goal, then 210 newer ones: it is not among the newest 200.
  const oldId = await mk('Orchard harvest exchange');
  for (let i = 0; i < 210; i += 10)
    await Promise.all(Array.from({ length: 10 }, (_, k) => mk(`Routine goal ${String(i + k).padStart(3, '0')}`)));
  const newest = await repA.api.get(`/api/networks/${networkId}/goals?sort=created_desc&limit=200`);
  expect(newest.json.goals.map((g: { id: string }) => g.id)).not.toContain(oldId);

  const a = await signedInPageFor(repA);
  await a.goto(`/networks/${networkId}/ledger`);
  await a.getByRole('button', { name: t('pages.ledger.recordOpen') }).click();
  const record = a.locator('section#record');
  await record.getByLabel(t('cooperation.entry.partner')).selectOption({ index: 1 });
  const picker = record.getByRole('combobox', { name: t('cooperation.entry.goal') });
  await expect(picker).toHaveAttribute('aria-expanded', 'false', { timeout: 30_000 });
  await picker.click();
  await picker.pressSequentially('orchard', { delay: 20 });
  await expect(picker).toHaveAttribute('aria-expanded', 'true');
  const option = record.getByRole('option', { name: 'Orchard harvest exchange' });
  await expect(option).toBeVisible({ timeout: 30_000 });
  await expectNoAxeViolations(a);
  await picker.press('ArrowDown');
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await expect(picker).toHaveAttribute('aria-activedescendant', (await option.getAttribute('id')) ?? 'missing');
  await picker.press('Enter');
  await expect(picker).toHaveValue('Orchard harvest exchange');
  await expect(picker).toHaveAttribute('aria-expanded', 'false');

  // Escape closes the suggestions without choosing; the chosen goal stays.
  await record.getByLabel(t('cooperation.entry.amount')).fill('3');
  await record.getByLabel(t('cooperation.entry.description')).fill('Ladders for the harvest');
  await record.getByRole('button', { name: t('cooperation.ledger.recordSubmit') }).click();
  await expect(record.getByRole('status')).toHaveText(t('cooperation.ledger.recorded'), { timeout: 30_000 });
  const row = a.locator('[data-testid="ledger-table"] tbody tr', { hasText: 'Ladders for the harvest' });
  await expect(row.getByRole('link', { name: 'Orchard harvest exchange' })).toBeVisible({ timeout: 30_000 });
  const list = await repA.api.get(`/api/networks/${networkId}/ledger?goalId=${oldId}`);
  expect(list.json.entries.map((e: { description: string }) => e.description)).toEqual(['Ladders for the harvest']);
  // After recording, the picker is empty again; Escape closes an open list without choosing anything.
  await expect(picker).toHaveValue('');
  await picker.pressSequentially('routine goal 042', { delay: 20 });
  const suggestions = record.getByRole('listbox', { name: t('cooperation.entry.goal') }).getByRole('option');
  await expect(suggestions).toHaveText(['Routine goal 042'], { timeout: 30_000 });
  await picker.press('Escape');
  await expect(picker).toHaveAttribute('aria-expanded', 'false');
  await expect(suggestions).toHaveCount(0);
  await expect(picker).toHaveValue('routine goal 042');

  // The goal board's pages, by keyboard: "Previous" that disables itself on the first page keeps the focus.
  await a.goto(`/networks/${networkId}/goals`);
  const pages = a.getByRole('navigation', { name: t('cooperation.pagination') });
  const previous = pages.getByRole('button', { name: t('cooperation.previous') });
  const next = pages.getByRole('button', { name: t('cooperation.next') });
  await expect(previous).toHaveAttribute('aria-disabled', 'true');
  await next.focus();
  await a.keyboard.press('Enter');
  await expect(pages).toContainText(t('cooperation.pageOf', { from: 21, to: 40, total: 211 }));
  await expect(previous).not.toHaveAttribute('aria-disabled');
  await previous.focus();
  await a.keyboard.press('Enter');
  await expect(pages).toContainText(t('cooperation.pageOf', { from: 1, to: 20, total: 211 }));
  await expect(previous).toHaveAttribute('aria-disabled', 'true');
  await expect(previous).toBeFocused();
  await a.keyboard.press('Enter'); // does nothing on the first page
  await expect(pages).toContainText(t('cooperation.pageOf', { from: 1, to: 20, total: 211 }));
  await expectNoAxeViolations(a);
});
