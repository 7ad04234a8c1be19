import { translator } from '../../lib/i18n';
import { endVisit, runDigestsAt, tomorrowInVienna } from '../helpers/test-clock';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { partnerNetwork } from './setup';

/**
 * Follow-up between meetings, in Chromium, in both languages (issue 11's
 * "Done when"): A comments on a ledger entry mentioning B (autocomplete); B,
 * in a second browser, sees the bell's count rise live, opens "for me",
 * follows the link to the comment, and marks it seen; the next daily digest
 * (the job run by the test clock) reaches the SMTP sink once, in B's
 * language, without what B has already seen; its unsubscribe link works
 * signed out (and a tampered one says so). "What changed" follows B's
 * looking: it stays marked new across reloads within the visit, and the next
 * visit (after the window, moved by the test clock) shows only what is newer.
 * axe on every page on the way.
 */

const todayIso = () => new Date().toISOString().slice(0, 10);

for (const locale of ['en', 'de'] as const) {
  test(`a mention reaches B live, in "for me" and not again in the digest; unsubscribe signed out (${locale})`, async ({
    createUser,
    signedInPageFor,
    smtp,
    browser,
  }) => {
    test.setTimeout(180_000);
    const t = translator(locale);
    const suffix = Date.now().toString(36);
    const { repA, repB, networkId } = await partnerNetwork(
      createUser,
      ['Mona Manager', `Alma Alpha ${suffix}`, `Bruno Beta ${suffix}`],
      [`Alpha ${suffix}`, `Beta ${suffix}`],
      locale,
    );
    const net = await repA.api.get(`/api/networks/${networkId}`);
    const orgA = net.json.me.organisationId as string;
    const orgB = net.json.organisations.find((o: { id: string }) => o.id !== orgA).id as string;
    const entry = await repA.api.post(`/api/networks/${networkId}/ledger`, {
      organisationId: orgA,
      kind: 'give',
      partnerOrganisationId: orgB,
      unit: 'hours',
      amount: 3,
      date: todayIso(),
      description: locale === 'de' ? 'Raum für den Workshop' : 'Room for the workshop',
    });
    expect(entry.status, entry.text).toBe(201);
    const entryId: string = entry.json.entry.id;

    // B's digest comes at 23:59 (Vienna), so the app's own schedule does not send today's while the test runs;
    // the test clock then runs tomorrow's.
    const settings0 = await repB.api.put('/api/account/notifications', {
      digest: { frequency: 'daily', sendAt: '23:59', weekday: 1, timeZone: 'Europe/Vienna' },
    });
    expect(settings0.status, settings0.text).toBe(200);
    const a = await signedInPageFor(repA);
    const b = await signedInPageFor(repB);

    // B is somewhere in the network with the bell in view.
    await b.goto(`/networks/${networkId}`);
    await expect(b.locator('[data-live-state="live"]')).toBeVisible({ timeout: 30_000 });
    // B's first visit: the overview marks what the others did as new (opening it is a look).
    await expect(b.getByTestId('recent-changes').locator('li[data-new="true"]').first()).toBeVisible();
    const bell = b.getByTestId('for-me-bell');
    await expect(bell).toHaveAttribute('data-count', '1'); // the entry waits for B's confirmation
    await expect(bell).toHaveAccessibleName(t('followUp.bell.label', { count: 1 }));

    // A comments on the entry and mentions B through the autocomplete.
    await a.goto(`/networks/${networkId}/ledger/${entryId}`);
    const field = a.getByLabel(t('followUp.comments.new'));
    await field.click();
    await field.pressSequentially(locale === 'de' ? 'Bitte prüfen, @Bru' : 'Please check, @Bru');
    await a.getByRole('button', { name: `@Bruno Beta ${suffix}` }).click();
    await field.pressSequentially(locale === 'de' ? 'danke **sehr**!' : 'thanks **a lot**!');
    await expectNoAxeViolations(a);
    await a.getByRole('button', { name: t('followUp.comments.submit') }).click();
    const posted = a.getByTestId('comment').last();
    await expect(posted.locator('strong')).toHaveText(locale === 'de' ? 'sehr' : 'a lot');
    await expect(posted.locator('[data-mention]')).toHaveText(`@Bruno Beta ${suffix}`);

    // B's bell rises live, without a reload.
    await expect(bell).toHaveAttribute('data-count', '2', { timeout: 15_000 });
    await bell.click();
    await expect(b).toHaveURL(new RegExp(`/networks/${networkId}/for-me$`));
    await expect(b.getByRole('heading', { level: 1, name: t('followUp.forMe.title') })).toBeVisible();
    const needs = b.getByTestId('needs-me');
    const mentionText = t('followUp.needs.mention', { actor: `Alma Alpha ${suffix}`, subjectType: 'ledger_entry' });
    await expect(needs.getByRole('link', { name: mentionText })).toBeVisible();
    await expectNoAxeViolations(b);

    // Follows the link to the comment itself.
    await needs.getByRole('link', { name: mentionText }).click();
    await expect(b).toHaveURL(new RegExp(`/ledger/${entryId}#comment-`));
    await expect(b.getByTestId('comment').last()).toContainText(locale === 'de' ? 'Bitte prüfen' : 'Please check');
    await expectNoAxeViolations(b);

    // Back on "for me" (a reload within the visit): what changed is still there, marked new.
    await b.goto(`/networks/${networkId}/for-me`);
    const firstEntry = t('activity.ledger.recorded', { actor: `Alma Alpha ${suffix}`, amount: 3, unit: 'hours' });
    const changes = b.getByTestId('change');
    await expect(changes.filter({ hasText: firstEntry })).toHaveAttribute('data-new', 'true');
    await expect(changes.filter({ hasText: firstEntry }).getByText(t('followUp.changes.new'))).toBeVisible();

    // Marks the mention seen: it leaves the list and the bell.
    await needs
      .getByRole('listitem')
      .filter({ hasText: mentionText })
      .getByRole('button', { name: t('followUp.markSeen') })
      .click();
    await expect(needs.getByRole('link', { name: mentionText })).toHaveCount(0);
    await expect(bell).toHaveAttribute('data-count', '1');

    // What needs B is done where its link leads: the entry waiting for B's confirmation is confirmed on its page.
    await needs.locator(`a[href="/networks/${networkId}/ledger/${entryId}"]`).click();
    await expect(b).toHaveURL(new RegExp(`/ledger/${entryId}$`));
    await b.getByRole('button', { name: t('cooperation.ledger.confirm'), exact: true }).click();
    await expect(b.getByText(t('cooperation.entryStatus.confirmed'), { exact: true })).toBeVisible();
    await expect(bell).toHaveAttribute('data-count', '0');
    await expectNoAxeViolations(b);

    // Something B has not seen: A records another entry for B.
    const second = await repA.api.post(`/api/networks/${networkId}/ledger`, {
      organisationId: orgA,
      kind: 'give',
      partnerOrganisationId: orgB,
      unit: 'hours',
      amount: 5,
      date: todayIso(),
      description: 'Second',
    });
    expect(second.status, second.text).toBe(201);

    // The next daily digest, run by the test clock: once, in B's language, without the mention B has seen.
    const isDigest = (m: { to: string; subject: string }) =>
      m.to === repB.email.toLowerCase() &&
      m.subject.startsWith(locale === 'de' ? 'Ihre Tagesübersicht' : 'Your daily summary');
    const at = tomorrowInVienna(23, 59) + 30_000;
    runDigestsAt(process.env.NWR_E2E_DATA_DIR!, at);
    const digest = await smtp.waitFor(isDigest, 30_000);
    expect(digest.text).toContain(
      t('activity.ledger.recorded', { actor: `Alma Alpha ${suffix}`, amount: 5, unit: 'hours' }),
    );
    expect(digest.text).not.toContain(mentionText);
    expect(digest.text).not.toContain(
      locale === 'de' ? 'hat einen Eintrag in Geben und Nehmen kommentiert' : 'commented on an entry in give and take',
    );
    runDigestsAt(process.env.NWR_E2E_DATA_DIR!, at + 60_000);
    await b.waitForTimeout(3000);
    expect(smtp.messages().filter(isDigest)).toHaveLength(1);

    // B's next visit, after the visit window (the test clock): only what came since the last one, the second entry.
    expect(endVisit(process.env.NWR_E2E_DATA_DIR!, repB.email, networkId)).toBe(true);
    await b.goto(`/networks/${networkId}/for-me`);
    const secondEntry = t('activity.ledger.recorded', { actor: `Alma Alpha ${suffix}`, amount: 5, unit: 'hours' });
    await expect(changes.filter({ hasText: secondEntry })).toHaveAttribute('data-new', 'true');
    await expect(changes.filter({ hasText: firstEntry })).toHaveCount(0);
    await expect(b.getByTestId('changes-since')).not.toContainText(t('followUp.changes.sinceNever'));
    await expectNoAxeViolations(b);
    // A reload within this visit keeps it.
    await b.reload();
    await expect(changes.filter({ hasText: secondEntry })).toHaveAttribute('data-new', 'true');
    await expect(changes).toHaveCount(1);

    // The unsubscribe link works signed out; a tampered one gets a clear page.
    const link = /https?:\/\/\S+\/unsubscribe\/[A-Za-z0-9_.-]+/.exec(digest.text)![0];
    const path = new URL(link).pathname;
    const anonymous = await browser.newContext({ locale: locale === 'de' ? 'de-DE' : 'en-GB' });
    const u = await anonymous.newPage();
    await u.goto(`${path.slice(0, -4)}abcd`);
    await expect(u.getByRole('main').getByRole('alert')).toHaveText(t('followUp.unsubscribe.invalid'));
    await u.goto(path);
    await expect(u.getByText(t('followUp.unsubscribe.confirm', { topic: 'digest', email: repB.email }))).toBeVisible();
    await expectNoAxeViolations(u);
    await u.getByRole('button', { name: t('followUp.unsubscribe.button') }).click();
    await expect(u.getByText(t('followUp.unsubscribe.done', { topic: 'digest', email: repB.email }))).toBeVisible();
    await expectNoAxeViolations(u);
    await anonymous.close();
    const settings = await repB.api.get('/api/account/notifications');
    expect(settings.json.digest.frequency).toBe('off');
  });
}
