import { translator } from '../../lib/i18n';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { join, partnerNetwork } from './setup';

/**
 * Mandates and home approvals in Chromium, in English and German:
 * a home member gives the representatives a mandate; the representative
 * commits within it (committed at once) and beyond it (it waits); the home
 * member approves in a second browser; the representative sees it live; the
 * decision time shows on the organisation's page. Another organisation's
 * representative gets the 404 page for "Home and network", with none of it.
 */

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

for (const locale of ['en', 'de'] as const) {
  test(`a home member sets a mandate, a commitment beyond it waits and is approved live (${locale})`, async ({
    createUser,
    signedInPageFor,
  }) => {
    test.setTimeout(240_000);
    const t = translator(locale);
    const { manager, repA, repB, networkId, orgA } = await partnerNetwork(
      createUser,
      ['Mara Manager', 'Rafael Alpha', 'Bea Beta'],
      ['Mandat Alpha', 'Mandat Beta'],
      locale,
    );
    const home = await createUser({ name: 'Hanne Heim', locale });
    await join(manager.api, networkId, home, { role: 'home_member', organisationId: orgA });
    const title = locale === 'de' ? 'Gemeinsame Werkstatt' : 'Shared workshop';
    const goal = await repA.api.post(`/api/networks/${networkId}/goals`, { title, organisationIds: [orgA] });
    expect(goal.status, goal.text).toBe(201);
    const goalId: string = goal.json.goal.id;

    // The home member gives all representatives a mandate: 10 hours per commitment, 20 a month.
    const h = await signedInPageFor(home);
    const homePath = `/networks/${networkId}/organisations/${orgA}/home`;
    await h.goto(homePath);
    await expect(h.getByRole('heading', { level: 1, name: t('mandates.home.title') })).toBeVisible();
    await expect(h.locator('[data-live-state="live"]')).toBeVisible({ timeout: 30_000 });
    await expectNoAxeViolations(h, { exclude: ['.ProseMirror-yjs-cursor'] });
    await h
      .getByRole('button', { name: t('mandates.form.give') })
      .first()
      .click();
    const dialog = h.getByRole('dialog');
    await dialog.getByLabel(t('mandates.form.perCommitment')).fill('10');
    await dialog.getByLabel(t('mandates.form.perPeriod')).fill('20');
    await dialog.getByLabel(t('mandates.form.scopeNote')).fill(locale === 'de' ? 'Nur die Werkstatt' : 'Workshop only');
    await expectNoAxeViolations(h);
    await dialog.getByRole('button', { name: t('mandates.form.save') }).click();
    await expect(dialog).toHaveCount(0);
    const mandates = h.getByTestId('mandates');
    await expect(mandates).toContainText(
      t('mandates.section.perCommitment', { max: t('cooperation.amount.hours', { amount: 10 }) }),
    );
    await expect(mandates.locator('li[data-state="valid"]')).toHaveCount(1);

    // The representative commits within the mandate: committed at once.
    const a = await signedInPageFor(repA);
    await a.goto(`/networks/${networkId}/goals/${goalId}`);
    await expect(a.locator('[data-live-state="live"]')).toBeVisible({ timeout: 30_000 });
    // Committing sits behind its button on the goal page.
    await a.getByRole('button', { name: t('cooperation.commitments.new') }).click();
    const form = a.getByRole('form', { name: t('cooperation.commitments.new') });
    await form.getByLabel(t('cooperation.entry.amount')).fill('5');
    await form.getByLabel(t('cooperation.commitments.dueOn')).fill(inDays(30));
    await expect(form.getByTestId('mandate-hint')).toHaveAttribute('data-within', 'true');
    await expect(form.getByTestId('mandate-hint')).toContainText(t('mandates.hint.within'));
    await form.getByRole('button', { name: t('cooperation.commitments.submit') }).click();
    const list = a.getByTestId('commitment-list');
    await expect(list.locator('li[data-status="committed"]')).toHaveCount(1, { timeout: 30_000 });

    // Beyond it (15 hours in one commitment): the form says so before sending, and it waits.
    await form.getByLabel(t('cooperation.entry.amount')).fill('15');
    await form.getByLabel(t('cooperation.commitments.dueOn')).fill(inDays(40));
    await expect(form.getByTestId('mandate-hint')).toHaveAttribute('data-within', 'false');
    await expect(form.getByTestId('mandate-hint')).toContainText(t('mandates.reason.perCommitment'));
    await expectNoAxeViolations(a, { exclude: ['.ProseMirror-yjs-cursor'] });
    await form.getByRole('button', { name: t('cooperation.commitments.submit') }).click();
    await expect(form).toContainText(t('mandates.hint.createdWaiting'));
    const waiting = list.locator('li[data-status="awaiting_home_approval"]');
    await expect(waiting).toHaveCount(1, { timeout: 30_000 });
    await expect(waiting).toContainText(t('cooperation.commitmentStatus.awaiting_home_approval'));
    await expect(waiting.getByTestId('waiting-since')).toBeVisible();
    // The representative cannot decide it.
    await expect(waiting.getByTestId('home-decision')).toHaveCount(0);

    // In the second browser the request appears (live) on the home page; the home member approves it.
    const request = h.getByTestId('open-approvals').getByRole('listitem');
    await expect(request).toHaveCount(1, { timeout: 30_000 });
    await expect(request).toContainText(t('mandates.reason.perCommitment'));
    await expectNoAxeViolations(h, { exclude: ['.ProseMirror-yjs-cursor'] });
    await request.getByRole('button', { name: t('mandates.decision.approve') }).click();
    await request.getByRole('button', { name: t('mandates.decision.confirmApprove') }).click();
    await expect(h.getByTestId('open-approvals')).toHaveCount(0, { timeout: 30_000 });
    await expect(h.getByText(t('mandates.approvals.none'))).toBeVisible();

    // The first browser sees it committed without reloading.
    await expect(waiting).toHaveCount(0, { timeout: 30_000 });
    await expect(list.locator('li[data-status="committed"]')).toHaveCount(2);

    // A second decision is refused with a clear message.
    const again = await home.api.patch(`/api/networks/${networkId}/commitments/${await waitingId()}`, {
      action: 'approve',
    });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('mandates.errors.alreadyDecided');
    expect(again.json.error.message).toBe(
      t('mandates.errors.alreadyDecided', { name: 'Hanne Heim', decision: 'approved', what: 'commitment' }),
    );

    // The decision time shows on the organisation's page, for every member.
    const b = await signedInPageFor(repB);
    await b.goto(`/networks/${networkId}/organisations/${orgA}`);
    const paths = b.getByTestId('decision-paths');
    await expect(paths.getByTestId('decision-median')).toBeVisible();
    await expect(paths).toContainText(t('mandates.paths.noneOpen'));
    // Of the mandate, another organisation sees only that it exists (not its maxima or its note).
    await expect(b.getByTestId('mandate-existence')).toContainText(t('mandates.paths.mandateOpen', { state: 'valid' }));
    await expect(b.locator('body')).not.toContainText(locale === 'de' ? 'Nur die Werkstatt' : 'Workshop only');
    await expectNoAxeViolations(b);

    // "Home and network" of another organisation is the 404 page, with none of its content.
    const res = await b.goto(homePath);
    expect(res?.status()).toBe(404);
    const html = await b.content();
    expect(html).not.toContain(locale === 'de' ? 'Nur die Werkstatt' : 'Workshop only');
    // (The page's words travel with every page as the language's messages; its sections and data do not.)
    for (const id of ['home-mandates', 'home-promised', 'home-approvals', 'home-exchange', 'home-notes'])
      expect(html).not.toContain(id);
    const api = await repB.api.get(`/api/networks/${networkId}/organisations/${orgA}/home`);
    expect(api.status).toBe(404);
    expect(api.text).not.toContain('Workshop only');
    expect(api.text).not.toContain('Nur die Werkstatt');

    async function waitingId() {
      const all = await repA.api.get(`/api/networks/${networkId}/commitments?goalId=${goalId}`);
      const c = all.json.commitments.find((x: { amount: number }) => x.amount === 15);
      return c.id as string;
    }
  });

  test(`a gift beyond a mandate that covers gifts waits, home approves in a second browser, live (${locale})`, async ({
    createUser,
    signedInPageFor,
  }) => {
    test.setTimeout(240_000);
    const t = translator(locale);
    const de = locale === 'de';
    const { manager, repA, networkId, orgA } = await partnerNetwork(
      createUser,
      ['Gina Manager', 'Gero Alpha', 'Greta Beta'],
      ['Gabe Alpha', 'Gabe Beta'],
      locale,
    );
    const home = await createUser({ name: 'Hilde Heim', locale });
    await join(manager.api, networkId, home, { role: 'home_member', organisationId: orgA });
    const title = de ? 'Reparaturcafé' : 'Repair café';
    const goal = await repA.api.post(`/api/networks/${networkId}/goals`, { title, organisationIds: [orgA] });
    expect(goal.status, goal.text).toBe(201);

    // The home member gives a mandate for this goal (10 hours per commitment) and holds gifts to it too.
    const h = await signedInPageFor(home);
    await h.goto(`/networks/${networkId}/organisations/${orgA}/home`);
    await expect(h.locator('[data-live-state="live"]')).toBeVisible({ timeout: 30_000 });
    await h
      .getByRole('button', { name: t('mandates.form.give') })
      .first()
      .click();
    const dialog = h.getByRole('dialog');
    await dialog.getByLabel(t('mandates.form.perCommitment')).fill('10');
    await dialog.getByRole('checkbox', { name: title }).check();
    await dialog.getByRole('checkbox', { name: t('mandates.form.coversGifts') }).check();
    await expectNoAxeViolations(h);
    await dialog.getByRole('button', { name: t('mandates.form.save') }).click();
    await expect(dialog).toHaveCount(0);
    await expect(h.getByTestId('mandate-covers-gifts')).toHaveText(t('mandates.coversGifts'));

    // On the commitments page the hint follows the goal as soon as it is picked in the combobox.
    const a = await signedInPageFor(repA);
    await a.goto(`/networks/${networkId}/commitments`);
    await a
      .getByRole('button', { name: t('pages.commitments.make') })
      .first()
      .click();
    const make = a.getByRole('dialog', { name: t('pages.commitments.make') });
    await make.getByLabel(t('cooperation.entry.amount')).fill('4');
    await expect(make.getByTestId('mandate-hint')).toHaveCount(0);
    const goalBox = make.getByRole('combobox', { name: t('cooperation.entry.goal') });
    await goalBox.fill(title.slice(0, 6));
    await make.getByRole('option', { name: title }).click({ timeout: 30_000 });
    await expect(make.getByTestId('mandate-hint')).toHaveAttribute('data-within', 'true');
    await expect(make.getByTestId('mandate-hint')).toContainText(t('mandates.hint.within'));
    await a.keyboard.press('Escape');

    // The ledger form: a gift without a goal lies outside this mandate; picking the goal turns the hint.
    await a.goto(`/networks/${networkId}/ledger`);
    await expect(a.locator('[data-live-state="live"]')).toBeVisible({ timeout: 30_000 });
    await a.getByRole('button', { name: t('pages.ledger.recordOpen') }).click();
    const record = a.locator('section#record');
    await record.getByLabel(t('cooperation.entry.partner')).selectOption({ index: 1 });
    await record.getByLabel(t('cooperation.entry.amount')).fill('4');
    const hint = record.getByTestId('mandate-hint');
    await expect(hint).toHaveAttribute('data-within', 'false');
    await expect(hint).toContainText(t('mandates.reason.noGoal'));
    const picker = record.getByRole('combobox', { name: t('cooperation.entry.goal') });
    await picker.fill(title.slice(0, 6));
    await record.getByRole('option', { name: title }).click({ timeout: 30_000 });
    await expect(hint).toHaveAttribute('data-within', 'true');
    await expect(hint).toContainText(t('mandates.gift.hint.within'));
    // 15 hours in one entry: beyond the mandate, said before sending.
    await record.getByLabel(t('cooperation.entry.amount')).fill('15');
    await expect(hint).toHaveAttribute('data-within', 'false');
    await expect(hint).toContainText(t('mandates.reason.perCommitment'));
    const what = de ? 'Werkzeug und zwei Helfer für das Reparaturcafé' : 'Tools and two helpers for the repair café';
    await record.getByLabel(t('cooperation.entry.description')).fill(what);
    await expectNoAxeViolations(a);
    await record.getByRole('button', { name: t('cooperation.ledger.recordSubmit') }).click();
    await expect(record.getByRole('status')).toHaveText(t('mandates.gift.recordedWaiting'), { timeout: 30_000 });
    const row = a.locator('[data-testid="ledger-table"] tbody tr', { hasText: what });
    await expect(row).toHaveAttribute('data-status', 'awaiting_home_approval', { timeout: 30_000 });
    await expect(row.getByTestId('entry-status')).toHaveText(t('cooperation.entryStatus.awaiting_home_approval'));
    await expect(row.getByTestId('home-decision')).toHaveCount(0);

    // The second browser: the request is there (live), marked as a gift; the home member approves it.
    const request = h.getByTestId('open-approvals').getByRole('listitem');
    await expect(request).toHaveCount(1, { timeout: 30_000 });
    await expect(request).toContainText(t('mandates.gift.badge'));
    await expect(request).toContainText(t('mandates.reason.perCommitment'));
    await request.getByRole('button', { name: t('mandates.decision.approve') }).click();
    await request.getByRole('button', { name: t('mandates.gift.confirmApprove') }).click();
    await expect(h.getByTestId('open-approvals')).toHaveCount(0, { timeout: 30_000 });

    // The first browser sees it go on to the other side without reloading.
    await expect(row).toHaveAttribute('data-status', 'pending', { timeout: 30_000 });
    await expect(row.getByTestId('entry-status')).toHaveText(t('cooperation.entryStatus.pending'));
    // A second decision is refused with a clear message.
    const entryId = await row.getAttribute('data-entry-id');
    const again = await home.api.post(`/api/networks/${networkId}/ledger/${entryId}/home-decision`, {
      decision: 'decline',
      reason: 'Too late',
    });
    expect(again.status).toBe(409);
    expect(again.json.error.message).toBe(
      t('mandates.errors.alreadyDecided', { name: 'Hilde Heim', decision: 'approved', what: 'gift' }),
    );
  });
}
