import { translator } from '../../lib/i18n';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { addOrganisation, join, partnerNetwork } from './setup';
import type { TestUser } from './fixtures';

/**
 * The health page in Chromium, English and German: a network where one
 * organisation is at the centre of every confirmed exchange reads
 * "dominated by" it; every indicator has its sentence; the exchange map is
 * drawn beside tables with the same flows; each chart carries the same
 * figures as its data table; axe finds nothing. A manager sets the dormancy
 * weeks.
 */

const todayIso = () => new Date().toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

for (const locale of ['en', 'de'] as const) {
  test(`the health page shows structure, map, trends, investment and horizon (${locale})`, async ({
    createUser,
    signedInPageFor,
  }) => {
    test.setTimeout(180_000);
    const t = translator(locale);
    const names = ['Zentrum Alpha', 'Beta Verein', 'Gamma Initiative'] as const;
    const { manager, repA, repB, networkId, orgA, orgB } = await partnerNetwork(
      createUser,
      ['Hanna Manager', 'Hugo Alpha', 'Heidi Beta'],
      [names[0], names[1]],
      locale,
    );
    const repC = await createUser({ name: 'Hans Gamma', locale });
    const orgC = await addOrganisation(manager.api, networkId, names[2]);
    await join(manager.api, networkId, repC, { role: 'representative', organisationId: orgC });
    const base = `/api/networks/${networkId}`;

    /** `from` gives `to` hours today, and `to` confirms. */
    const give = async (from: TestUser, fromOrg: string, to: TestUser, toOrg: string, amount: number) => {
      const r = await from.api.post(`${base}/ledger`, {
        organisationId: fromOrg,
        kind: 'give',
        partnerOrganisationId: toOrg,
        unit: 'hours',
        amount,
        date: todayIso(),
      });
      expect(r.status, r.text).toBe(201);
      const ok = await to.api.post(`${base}/ledger/${r.json.entry.id}/response`, { response: 'confirm' });
      expect(ok.status, ok.text).toBe(200);
    };
    // Alpha at the centre: it gives to both partners and both give back to it; Beta and Gamma never meet.
    await give(repA, orgA, repB, orgB, 2);
    await give(repB, orgB, repA, orgA, 1);
    await give(repA, orgA, repC, orgC, 3);
    await give(repC, orgC, repA, orgA, 1);
    // One commitment due in 30 days: the horizon.
    const goal = await repA.api.post(`${base}/goals`, { title: 'Gemeinsame Lernwerkstatt', organisationIds: [orgB] });
    expect(goal.status, goal.text).toBe(201);
    const c = await repA.api.post(`${base}/commitments`, {
      organisationId: orgA,
      goalId: goal.json.goal.id,
      unit: 'hours',
      amount: 10,
      dueOn: inDays(30),
      commit: true,
    });
    expect(c.status, c.text).toBe(201);

    const page = await signedInPageFor(manager);
    await page.goto(`/networks/${networkId}`);
    await page
      .getByRole('navigation', { name: t('ui.nav.label') })
      .getByRole('link', { name: t('ui.nav.health') })
      .click();
    await expect(page).toHaveURL(new RegExp(`/networks/${networkId}/health$`));
    await expect(page.getByRole('heading', { level: 1, name: t('health.title') })).toBeVisible();

    // Dominated or polycentric: the verdict names the hub, and the figures behind it are said.
    const structure = page.getByTestId('structure');
    await expect(structure.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'dominated');
    await expect(structure).toContainText(t('health.structure.verdict', { verdict: 'dominated', name: names[0] }));
    await expect(structure).toContainText(t('health.structure.centralisation', { total: 1, in: 0.5, out: 0.5 }));
    await expect(structure).toContainText(t('health.structure.topShare', { high: 'yes', share: 1, name: names[0] }));

    // The map is drawn (or says why not) and its tables hold the same four flows.
    await expect(page.getByTestId('exchange-map')).not.toHaveAttribute('data-state', 'loading');
    const flows = page.getByTestId('map-flows').getByRole('row');
    await expect(flows).toHaveCount(5); // header + 4 flows
    await expect(page.getByTestId('map-flows')).toContainText(names[1]);
    await expect(page.getByTestId('map-organisations').getByRole('row')).toHaveCount(4);

    // Charts and tables agree: the drawn series are the table's numbers, row by row.
    const agree = async (testId: string, seriesKey: string, column: number) => {
      const fig = page.getByTestId(testId);
      await expect(fig.locator('svg[data-chart-surface]').first()).toBeVisible();
      const drawn = JSON.parse((await fig.locator('[data-series]').getAttribute('data-series'))!)[seriesKey] as (
        number | null
      )[];
      const cells = await fig
        .getByTestId(`${testId}-table`)
        .locator('tbody tr')
        .evaluateAll(
          // textContent: the figures sit in a closed "Figures of the chart" disclosure, whose text
          // Chromium's innerText leaves out.
          (rows, col) => rows.map((r) => (r.querySelectorAll('td')[col]?.textContent ?? '').trim()),
          column,
        );
      expect(cells.length).toBe(drawn.length);
      const none = t('health.chart.none');
      const asNumber = (s: string) => (s.includes(none) ? null : Number(s.replace(/[^\d,.-]/g, '').replace(',', '.')));
      expect(cells.map(asNumber)).toEqual(drawn);
      return drawn;
    };
    const central = await agree('trend-month', 'centralisation', 1);
    expect(central.at(-1)).toBe(1);
    await expect(page.getByTestId('trend-month')).toContainText(t('health.verdict.short', { verdict: 'dominated' }));
    // (week, entries, made, delivered, participation: in "number of exchanges" no separate given column)
    const invested = await agree('investment-chart', 'participation', 4);
    expect(invested.length).toBe(12);
    await page.getByTestId('investment-chart').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('investment-organisations').getByRole('row')).toHaveCount(4);
    await expect(page.getByTestId('dormant-sentence')).toBeVisible();

    // The shadow of the future: one commitment 30 days ahead; two pairs, each exchanged twice.
    const horizon = page.getByTestId('horizon');
    // (the sentence up to the date, which is formatted in the person's language)
    await expect(horizon).toContainText(
      t('health.horizon.now', { median: 30, furthest: 30, date: '@' }).split('@')[0].trim(),
    );
    await expect(horizon).toContainText(t('health.horizon.pairs', { total: 2, repeated: 2 }));
    const furthest = await agree('horizon-chart', 'furthestDays', 2);
    expect(furthest.at(-1)).toBe(30);

    await expectNoAxeViolations(page);

    // A manager sets when organisations count as dormant.
    await page.getByLabel(t('health.dormancy.label')).fill('6');
    await page.getByRole('button', { name: t('health.dormancy.save') }).click();
    await expect(page.getByText(t('health.dormancy.saved', { weeks: 6 }))).toBeVisible();
    await expect(page.getByTestId('investment')).toContainText(t('health.investment.intro', { weeks: 6 }));

    // A representative reads it too, without the manager's form.
    const rep = await signedInPageFor(repB);
    await rep.goto(`/networks/${networkId}/health`);
    await expect(rep.getByTestId('structure')).toContainText(names[0]);
    await expect(rep.getByLabel(t('health.dormancy.label'))).toHaveCount(0);
    await expectNoAxeViolations(rep);
  });
}
