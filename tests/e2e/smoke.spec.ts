import { expect, expectNoAxeViolations, test } from './fixtures';

test.describe('in English', () => {
  test.use({ locale: 'en-GB' });

  test('the landing page loads in English and has no accessibility violations', async ({ page }) => {
    const res = await page.goto('/');
    expect(res?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('network');
    await expectNoAxeViolations(page);
  });
});

test.describe('auf Deutsch', () => {
  test.use({ locale: 'de-DE' });

  test('the landing page loads in German (Accept-Language) and has no accessibility violations', async ({ page }) => {
    const res = await page.goto('/');
    expect(res?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('Netzwerk');
    await expectNoAxeViolations(page);
  });
});

test('the health endpoint answers ok', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ ok: true });
});
