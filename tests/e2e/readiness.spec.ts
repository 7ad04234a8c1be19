import { readFile } from 'node:fs/promises';
import { extractText, getDocumentProxy } from 'unpdf';
import { formatter, translator } from '../../lib/i18n';
import { QUESTIONS } from '../../lib/readiness/questions';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { join, partnerNetwork } from './setup';

/**
 * The Netzwerk-Check, the report for the home board and the management
 * mandate in Chromium, German and English:
 * - a home member answers the check twice (90 days apart) in the dialog; the
 *   summary says the verdict in words and the trend shows two checks, as a
 *   chart and as a table; another organisation gets a 404 for the page and
 *   the API, until the summary is shared, which then shows on the
 *   organisation's page;
 * - the report downloads as a PDF made on the server, whose text (read with
 *   unpdf) has the ledger's figures as the balances API gives them;
 * - a management mandate ending in ten days shows its warning on the overview.
 */

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

for (const locale of ['en', 'de'] as const) {
  test(`the Netzwerk-Check answered twice shows its trend; the PDF report has the ledger's figures (${locale})`, async ({
    createUser,
    signedInPageFor,
  }) => {
    test.setTimeout(240_000);
    const t = translator(locale);
    const f = formatter(locale);
    const { manager, repA, repB, networkId, orgA, orgB } = await partnerNetwork(
      createUser,
      ['Mara Manager', 'Anton Alpha', 'Berta Beta'],
      ['Bücherei Alpha', 'Jugendzentrum Beta'],
      locale,
    );
    const homeA = await createUser({ name: 'Hanna Heim', locale });
    await join(manager.api, networkId, homeA, { role: 'home_member', organisationId: orgA });
    const base = `/api/networks/${networkId}`;

    // The ledger: Alpha gives 12.5 hours to Beta (confirmed), Beta gives Alpha 300 EUR (waiting).
    const hours = await repA.api.post(`${base}/ledger`, {
      organisationId: orgA,
      kind: 'give',
      partnerOrganisationId: orgB,
      unit: 'hours',
      amount: 12.5,
      date: day(-3),
    });
    expect(hours.status, hours.text).toBe(201);
    const ok = await repB.api.post(`${base}/ledger/${hours.json.entry.id}/response`, { response: 'confirm' });
    expect(ok.status, ok.text).toBe(200);
    const money = await repB.api.post(`${base}/ledger`, {
      organisationId: orgB,
      kind: 'give',
      partnerOrganisationId: orgA,
      unit: 'money_eur',
      amount: 300,
      date: day(-2),
    });
    expect(money.status, money.text).toBe(201);

    // The home member answers the check: first as of 90 days ago, then today.
    const page = await signedInPageFor(homeA);
    await page.goto(`/networks/${networkId}/organisations/${orgA}`);
    await page.getByRole('link', { name: t('readiness.link') }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      t('readiness.pageTitle', { organisation: 'Bücherei Alpha' }),
    );
    await expect(page.getByText(t('readiness.empty.title'))).toBeVisible();
    await expectNoAxeViolations(page);

    const answer = async (label: string, scores: number[], date?: string) => {
      await page.getByRole('button', { name: label }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog).toBeVisible();
      if (date) await dialog.getByLabel(t('readiness.answeredOn')).fill(date);
      for (const [i, q] of QUESTIONS.entries()) {
        const set = dialog.locator(`fieldset[data-question="${q}"]`);
        await set.getByLabel(t(`readiness.scale.${scores[i]}`), { exact: true }).check();
        if (i === 3) await set.getByLabel(t('readiness.note')).fill('Vorstand tagt nur viermal im Jahr');
      }
      await dialog.getByRole('button', { name: t('readiness.submit') }).click();
      await expect(dialog).toBeHidden();
    };
    await answer(t('readiness.answer'), [2, 4, 1, 5, 4, 2, 3], day(-90));
    await expect(page.getByTestId('readiness-summary')).toHaveAttribute('data-verdict', 'against');
    await expect(page.getByTestId('readiness-summary')).toContainText(t('readiness.verdict.against'));
    await expect(page.getByTestId('readiness-trend')).toHaveAttribute('data-points', '1');

    await answer(t('readiness.answerAgain'), [1, 2, 1, 4, 2, 1, 2]);
    await expect(page.getByTestId('readiness-trend')).toHaveAttribute('data-points', '2');
    await expect(page.getByTestId('readiness-summary')).toHaveAttribute('data-verdict', 'caution');
    await expect(page.getByTestId('readiness-summary')).toContainText(t('readiness.verdict.caution'));
    const trend = page.getByTestId('readiness-trend-table');
    await expect(trend.getByRole('columnheader', { name: f.date(day(-90)) })).toBeVisible();
    await expect(trend.getByRole('columnheader', { name: f.date(day(0)) })).toBeVisible();
    const longPaths = trend.getByRole('row').filter({ hasText: t('readiness.question.longPaths') });
    // On a laptop each cell is the value (a phone's card adds its column's label before it).
    await expect(longPaths.getByRole('cell')).toHaveText([t('readiness.question.longPaths'), /5$/, /4$/]);
    await expect(page.getByRole('img', { name: t('readiness.trend.chart', { count: 2 }) })).toBeVisible();
    await expect(page.getByTestId('readiness-check')).toHaveCount(2);
    await expectNoAxeViolations(page);

    // Another organisation sees none of it: not the page, not the API, not the note.
    const other = await signedInPageFor(repB);
    const res = await other.goto(`/networks/${networkId}/organisations/${orgA}/readiness`);
    expect(res?.status()).toBe(404);
    expect(await other.content()).not.toContain('Vorstand tagt');
    for (const who of [repB, manager]) {
      const api = await who.api.get(`${base}/organisations/${orgA}/readiness`);
      expect(api.status).toBe(404);
      expect(api.text).not.toContain('Vorstand tagt');
      const report = await who.api.get(`${base}/organisations/${orgA}/report?format=pdf`);
      expect(report.status).toBe(404);
    }
    expect((await repB.api.get(`${base}/organisations/${orgA}/readiness/summary`)).json.summary).toBeNull();

    // Sharing the summary: Beta then reads it on Alpha's page (the verdict, no notes).
    await page.getByRole('button', { name: t('readiness.share.do') }).click();
    await expect(page.getByText(t('readiness.share.shared'))).toBeVisible();
    await other.goto(`/networks/${networkId}/organisations/${orgA}`);
    await expect(other.getByTestId('org-readiness')).toHaveAttribute('data-verdict', 'caution');
    await expect(other.getByTestId('org-readiness')).toContainText(t('readiness.verdict.caution'));
    expect(await other.content()).not.toContain('Vorstand tagt');

    // A's home side gives a mandate of 10 hours per commitment; 15 hours wait for home, which approves.
    const goal = await repA.api.post(`${base}/goals`, { title: 'Lesecafé', status: 'active', organisationIds: [orgA] });
    expect(goal.status, goal.text).toBe(201);
    const given = await homeA.api.post(`${base}/mandates`, {
      organisationId: orgA,
      validFrom: day(-10),
      limits: [{ unit: 'hours', perCommitment: 10, perPeriod: 100, period: 'month' }],
    });
    expect([200, 201], given.text).toContain(given.status);
    const beyond = await repA.api.post(`${base}/commitments`, {
      organisationId: orgA,
      goalId: goal.json.goal.id,
      unit: 'hours',
      amount: 15,
      dueOn: day(30),
      commit: true,
    });
    expect(beyond.status, beyond.text).toBe(201);
    expect(beyond.json.commitment.status).toBe('awaiting_home_approval');
    const approved = await homeA.api.patch(`${base}/commitments/${beyond.json.commitment.id}`, { action: 'approve' });
    expect(approved.status, approved.text).toBe(200);

    // The report: its page, then the PDF; its figures are the ledger's balances.
    await page.goto(`/networks/${networkId}/organisations/${orgA}`);
    await page.getByRole('link', { name: t('report.link') }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      t('report.title', { organisation: 'Bücherei Alpha' }),
    );
    await expectNoAxeViolations(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-pdf').click()]);
    expect(download.suggestedFilename()).toMatch(/^report-.*\.pdf$/);
    const pdf = await getDocumentProxy(new Uint8Array(await readFile((await download.path())!)));
    const { text } = await extractText(pdf, { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain(t('report.title', { organisation: 'Bücherei Alpha' }));
    const from = `${day(0).slice(0, 4)}-01-01`;
    const balances = await homeA.api.get(
      `${base}/ledger/balances?organisationId=${orgA}&from=${from < day(-3) ? from : day(-3)}&to=${day(0)}`,
    );
    expect(balances.status, balances.text).toBe(200);
    const mine = (
      balances.json.organisations as {
        organisationId: string;
        unit: string;
        given: { confirmed: number; pending: number };
        received: { confirmed: number; pending: number };
      }[]
    ).filter((o) => o.organisationId === orgA);
    expect(mine).toHaveLength(2);
    for (const o of mine) {
      const row = [
        t(`cooperation.unit.${o.unit}`),
        f.number(o.given.confirmed),
        f.number(o.given.pending),
        f.number(o.received.confirmed),
        f.number(o.received.pending),
      ].join(' ');
      expect(flat, `the PDF has the row "${row}"`).toContain(row);
    }
    expect(flat).toContain(`${t('cooperation.unit.hours')} ${f.number(12.5)} 0 0 0`);
    expect(flat).toContain(`EUR 0 0 0 ${f.number(300)}`);
    expect(flat).toContain(t('report.mandate.title'));
    // The mandate's use and the approval with its decision time.
    expect(flat).toContain(t('report.mandate.use'));
    expect(flat).toContain(
      `${t('mandates.forAll')} ${t('cooperation.unit.hours')} ${f.number(10)} ${t('cooperation.unit.hours')}`,
    );
    expect(flat).toContain(t('report.approvals.title'));
    expect(flat).toContain(
      `Lesecafé ${f.number(15)} ${t('cooperation.unit.hours')} ${t('report.approvals.status.approved')}`,
    );

    // The manager records the management mandate in its dialog; it ends in ten days, so the overview warns.
    const mgr = await signedInPageFor(manager);
    await mgr.goto(`/networks/${networkId}`);
    await mgr
      .locator('#management-mandate')
      .getByRole('link', { name: t('management.open') })
      .click();
    await expect(mgr.getByText(t('management.none.title'))).toBeVisible();
    await mgr.getByRole('button', { name: t('management.set') }).click();
    const form = mgr.getByRole('dialog');
    await form.getByLabel(t('management.givenBy')).fill('Steuerungsgruppe');
    await form.getByLabel(t('management.hours')).fill('20');
    await form.getByLabel(t('management.authority')).fill('Termine festlegen');
    await form.getByLabel(t('management.tasks')).fill('Treffen vorbereiten\nProtokolle führen');
    await form.getByLabel(t('management.validFrom')).fill(day(10));
    await form.getByLabel(t('management.validUntil')).fill(day(-200));
    await form.getByRole('button', { name: t('management.save') }).click();
    // Ends before it starts: refused in the person's language, nothing written.
    await expect(form.getByRole('alert')).toContainText(
      t('management.errors.untilBeforeFrom', { from: day(10), until: day(-200) }),
    );
    await form.getByLabel(t('management.validFrom')).fill(day(-200));
    await form.getByLabel(t('management.validUntil')).fill(day(10));
    await form.getByRole('button', { name: t('management.save') }).click();
    await expect(form).toBeHidden();
    await expect(mgr.getByTestId('management-mandate')).toContainText('Protokolle führen');
    await expect(mgr.locator('#mandate-warning')).toBeVisible();
    await expectNoAxeViolations(mgr);
    await other.goto(`/networks/${networkId}`);
    await expect(other.locator('#mandate-warning')).toContainText(
      t('management.warning.expiring', { until: f.date(day(10), 'long'), days: 10 }),
    );
  });
}
