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

test('a person created through the API is signed in in the browser context the fixture opens', async ({
  signedInPage,
  user,
}) => {
  const res = await signedInPage.goto('/api/auth/session');
  expect(res?.status()).toBe(200);
  const session = JSON.parse(await signedInPage.locator('body').innerText());
  expect(session.user.email).toBe(user.email);
});

test('the accessibility check finds a violation, also after a change in the same document, and honours exclude', async ({
  page,
}) => {
  // The check puts axe into a document once and reuses it: it must still see what changed since.
  await page.goto('/');
  await expectNoAxeViolations(page);
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.id = 'unlabelled-probe';
    document.querySelector('main')!.append(input);
  });
  await expect(expectNoAxeViolations(page)).rejects.toThrow(/label/);
  await expectNoAxeViolations(page, { exclude: ['#unlabelled-probe'] });
});
