import fs from 'node:fs';
import { extractText, getDocumentProxy } from 'unpdf';
import yauzl from 'yauzl';
import { translator } from '../../lib/i18n';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { partnerNetwork } from './setup';

/**
 * Exports in Chromium, English and German: a manager opens the network
 * settings, starts the network archive, follows its progress (also after a
 * reload), and downloads the zip; a representative downloads a goal as PDF
 * from the goal page's Export menu (its text holds the goal's title) and the
 * ledger as a spreadsheet with the keyboard alone. axe finds nothing.
 */

const todayIso = () => new Date().toISOString().slice(0, 10);

function zipNames(file: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const names: string[] = [];
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      zip.on('entry', (e: yauzl.Entry) => {
        names.push(e.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

for (const locale of ['en', 'de'] as const) {
  test(`a manager makes the network archive and a representative exports a goal and the ledger (${locale})`, async ({
    createUser,
    signedInPageFor,
  }) => {
    test.setTimeout(180_000);
    const t = translator(locale);
    const { manager, repA, networkId, orgA, orgB } = await partnerNetwork(
      createUser,
      ['Mona Manager', 'Rolf Alpha', 'Rita Beta'],
      ['Alpha Werkstatt', 'Beta Hof'],
      locale,
    );
    const base = `/api/networks/${networkId}`;
    const title = locale === 'de' ? 'Reparaturcafé für Groß und Klein' : 'Repair café for young and old';
    const goal = await repA.api.post(`${base}/goals`, { title, organisationIds: [orgB] });
    expect(goal.status, goal.text).toBe(201);
    for (let i = 1; i <= 3; i++) {
      const e = await repA.api.post(`${base}/ledger`, {
        organisationId: orgA,
        kind: 'give',
        partnerOrganisationId: orgB,
        unit: 'hours',
        amount: i,
        date: todayIso(),
        description: `Hilfe ${i}`,
      });
      expect(e.status, e.text).toBe(201);
    }

    // The manager: overview → settings → archive.
    const page = await signedInPageFor(manager);
    await page.goto(`/networks/${networkId}`);
    await page.getByRole('link', { name: t('exports.settings.link') }).click();
    await expect(page).toHaveURL(new RegExp(`/networks/${networkId}/settings$`));
    await expect(page.getByRole('heading', { level: 1, name: t('exports.settings.title') })).toBeVisible();
    const archive = page.getByRole('region', { name: t('exports.archive.networkTitle') });
    await expect(archive.getByText(t('exports.archive.none'))).toBeVisible();
    await expectNoAxeViolations(page);
    await archive.getByRole('button', { name: t('exports.archive.start') }).click();
    await expect(page.getByText(t('exports.archive.started'))).toBeVisible();
    const item = archive.locator('[data-export-status]').first();
    await expect(item).toBeVisible();
    // Progress while it is made (a bar with a percentage), or already done: either way the state is the database's.
    const status = await item.getAttribute('data-export-status');
    if (status === 'pending' || status === 'running') {
      await expect(item.getByRole('progressbar', { name: t('exports.archive.progress') })).toBeVisible();
      await page.reload();
    }
    await expect(archive.locator('[data-export-status]').first()).toHaveAttribute('data-export-status', 'ready', {
      timeout: 60_000,
    });
    await page.reload();
    const ready = archive.locator('[data-export-status="ready"]').first();
    await expect(ready.getByRole('status')).toContainText(
      locale === 'de' ? 'Herunterladbar bis' : 'Can be downloaded until',
    );
    await expectNoAxeViolations(page);
    const [zipDownload] = await Promise.all([
      page.waitForEvent('download'),
      ready.getByRole('link', { name: t('exports.archive.download') }).click(),
    ]);
    expect(zipDownload.suggestedFilename()).toMatch(/-archive-\d{4}-\d{2}-\d{2}\.zip$/);
    const zipPath = test.info().outputPath(`archive-${locale}.zip`);
    await zipDownload.saveAs(zipPath);
    const names = await zipNames(zipPath);
    expect(names).toContain('archive/README.md');
    expect(names).toContain('archive/json/ledger_entries.json');
    expect(names).toContain('archive/csv/goals.csv');

    // On a phone: nothing wider than the screen, still axe clean.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect(archive.locator('[data-export-status="ready"]').first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: test.info().outputPath(`settings-phone-${locale}.png`), fullPage: true });

    // A representative: the goal as PDF from the goal page's Export menu.
    const rep = await signedInPageFor(repA);
    await rep.goto(`/networks/${networkId}/goals/${goal.json.goal.id}`);
    await expect(rep.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expectNoAxeViolations(rep);
    await rep.getByRole('button', { name: t('exports.menu.goalLabel') }).click();
    const [pdfDownload] = await Promise.all([
      rep.waitForEvent('download'),
      rep.getByRole('menuitem', { name: t('exports.menu.pdf') }).click(),
    ]);
    expect(pdfDownload.suggestedFilename()).toMatch(/\.pdf$/);
    const pdfPath = test.info().outputPath(`goal-${locale}.pdf`);
    await pdfDownload.saveAs(pdfPath);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(fs.readFileSync(pdfPath))), {
      mergePages: true,
    });
    expect(text).toContain(title);
    expect(text).toContain(t('exports.goal.versions'));

    // The ledger as a spreadsheet, with the keyboard alone.
    await rep.goto(`/networks/${networkId}/ledger`);
    // The page's scripts run (the live connection is up) before keys are pressed: a key pressed on the server's
    // HTML alone is lost.
    await expect(rep.locator('[data-live-state="live"]')).toBeVisible({ timeout: 30_000 });
    const menuButton = rep.getByRole('button', { name: t('exports.menu.ledgerLabel') });
    await menuButton.focus();
    await rep.keyboard.press('Enter');
    await expect(rep.getByRole('menuitem', { name: t('exports.menu.csv') })).toBeFocused();
    await rep.keyboard.press('ArrowDown');
    await expect(rep.getByRole('menuitem', { name: t('exports.menu.xlsx') })).toBeFocused();
    const [xlsx] = await Promise.all([rep.waitForEvent('download'), rep.keyboard.press('Enter')]);
    expect(xlsx.suggestedFilename()).toMatch(/^ledger-\d{4}-\d{2}-\d{2}\.xlsx$/);
    await expectNoAxeViolations(rep);
  });
}
