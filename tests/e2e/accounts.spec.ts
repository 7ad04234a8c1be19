import type { Page } from '@playwright/test';
import { uniqueEmail } from '../helpers/api-client';
import { linksIn } from '../helpers/smtp-sink';
import { expect, expectNoAxeViolations, test } from './fixtures';

/**
 * Accounts in a real browser against the production build: every page must
 * hydrate under the strict CSP (no CSP errors in the console) and be
 * axe-clean.
 */
function watchCsp(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

const PASSWORD = 'ein sicheres Passwort 7';

// Several pages, sign-ins (Argon2) and axe runs per test: generous on a busy 2-core machine.
test.describe.configure({ timeout: 150_000 });

test('a person signs up, is signed in, signs out and signs in again', async ({ page }) => {
  const csp = watchCsp(page);
  const email = uniqueEmail('e2e-signup');

  await page.goto('/signup');
  await expect(page.getByRole('heading', { level: 1, name: 'Create an account' })).toBeVisible();
  await expectNoAxeViolations(page);

  // A too-short password is explained at the field, and the form stays accessible with errors shown.
  await page.getByLabel('Your name').fill('Erika Muster');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  const password = page.getByLabel('Password', { exact: true });
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('The password must have at least 10 characters.')).toBeVisible();
  await expectNoAxeViolations(page);

  await password.fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByTestId('signed-in-name')).toHaveText('Erika Muster');
  await expect(page).not.toHaveURL(/\/signup/);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByTestId('signed-in-name')).toHaveCount(0);

  await page.goto('/signin');
  await expectNoAxeViolations(page);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill('not the password 1');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('The email address or password is not correct.');
  await expectNoAxeViolations(page);

  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in-name')).toHaveText('Erika Muster');
  expect(csp).toEqual([]);
});

test('the sign-in page ignores a callbackUrl that points to another site', async ({ page, user }) => {
  await page.goto('/signin?callbackUrl=%2F%2Fevil.example%2Fsteal');
  await page.getByLabel('Email address').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in-name')).toBeVisible();
  expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL ?? page.url()).host);
});

test('the language switch turns the interface German, signed out and signed in', async ({ page, signedInPage }) => {
  const csp = watchCsp(page);
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Deutsch' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('banner').getByRole('link', { name: 'Anmelden' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Deutsch' })).toHaveAttribute('aria-pressed', 'true');
  await expectNoAxeViolations(page);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  expect(csp).toEqual([]);

  await signedInPage.goto('/account');
  await expect(signedInPage.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  await expectNoAxeViolations(signedInPage);
  await signedInPage.getByRole('button', { name: 'Deutsch' }).click();
  await expect(signedInPage.getByRole('heading', { level: 1, name: 'Ihr Konto' })).toBeVisible();
  // The account page says the saved language; the choice itself waits behind "Sprache ändern".
  await expect(signedInPage.getByTestId('account-language')).toHaveText('Deutsch');
  await signedInPage.getByRole('button', { name: 'Sprache ändern' }).click();
  const dialog = signedInPage.getByRole('dialog', { name: 'Sprache der Oberfläche' });
  await expect(dialog.getByRole('radio', { name: 'Deutsch' })).toBeChecked();
  await expectNoAxeViolations(signedInPage);
  // Back to English from the account page itself.
  await dialog.getByRole('radio', { name: 'English' }).check();
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(signedInPage.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(signedInPage.getByTestId('account-language')).toHaveText('English');
});

test('the account page reads first: who I am, my notifications as sentences, my networks; changes wait behind buttons', async ({
  signedInPage: page,
  user,
}) => {
  const csp = watchCsp(page);
  await page.goto('/account');
  await expect(page.getByTestId('account-name')).toHaveText(user.name);
  const notifications = page.getByRole('main').getByRole('region', { name: 'Notifications' });
  const summary = notifications.getByTestId('notification-summary');
  await expect(summary).toContainText('You get an email at once when');
  await expect(summary).toContainText('someone mentions you');
  await expect(summary).toContainText('Your email digest tells you when');
  await expect(notifications).toContainText('Your email digest comes every day at 07:00');
  // No form is open on the page: every field sits in a dialog.
  await expect(page.getByRole('main').getByRole('textbox')).toHaveCount(0);
  await expect(page.getByRole('main').getByRole('combobox')).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Change the notifications with the keyboard only: mentions only in the app, a weekly digest on Friday.
  const change = page.getByRole('button', { name: 'Change notifications' });
  await change.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Notifications' });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page);
  await dialog.getByLabel('Someone mentions me').selectOption('app');
  await dialog.getByLabel('How often').selectOption('weekly');
  await dialog.getByLabel('On (for weekly)').selectOption('5');
  await dialog.getByRole('button', { name: 'Save notification settings' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Notification settings saved.' })).toBeVisible();
  await expect(summary).toContainText('Only the app tells you when');
  await expect(summary).not.toContainText('You get an email at once when');
  await expect(notifications).toContainText('Your email digest comes every Friday at 07:00');

  // A digest switched off says what that means for the kinds set to go in it.
  await change.click();
  await dialog.getByLabel('How often').selectOption('off');
  await dialog.getByRole('button', { name: 'Save notification settings' }).click();
  await expect(dialog).toBeHidden();
  await expect(notifications).toContainText('You get no email digest.');
  await expect(notifications).toContainText('shows in the app only');

  // Escape closes a dialog without saving, and the focus returns to its button.
  await change.focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  // The dialog takes the focus in the frame after it appears; Escape is meant for the dialog, so wait for that.
  await expect.poll(() => dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(change).toBeFocused();
  expect(csp).toEqual([]);
});

test('changing the password keeps this browser signed in, and says in words what was wrong', async ({
  signedInPage: page,
  user,
}) => {
  const csp = watchCsp(page);
  await page.goto('/account');
  await page.getByRole('button', { name: 'Change password' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change password' });
  await expect(dialog).toContainText('this one stays signed in');
  await expectNoAxeViolations(page);

  // A wrong current password is named as such, inside the dialog.
  await dialog.getByLabel('Current password').fill('not my password 1');
  await dialog.getByLabel('New password').fill('ganz neues Passwort 8');
  await dialog.getByRole('button', { name: 'Save new password' }).click();
  await expect(dialog.getByRole('alert').first()).toContainText('The current password is not correct.');
  // A weak new password too.
  await dialog.getByLabel('Current password').fill(user.password);
  await dialog.getByLabel('New password').fill('short');
  await dialog.getByRole('button', { name: 'Save new password' }).click();
  await expect(dialog.getByLabel('New password')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog).toContainText('The password must have at least 10 characters.');
  await expectNoAxeViolations(page);

  await dialog.getByLabel('New password').fill('ganz neues Passwort 8');
  await dialog.getByRole('button', { name: 'Save new password' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your password has been changed' })).toBeVisible();
  await expect(dialog).toBeHidden();
  await page.reload();
  await expect(page.getByTestId('signed-in-name')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  expect(csp).toEqual([]);
});

test('a forgotten password is reset through the emailed link', async ({ page, createUser, smtp }) => {
  const csp = watchCsp(page);
  const person = await createUser({ email: uniqueEmail('e2e-reset') });

  await page.goto('/forgot-password');
  await expectNoAxeViolations(page);
  await page.getByLabel('Email address').fill(person.email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'If an account exists' })).toBeVisible();

  const mail = await smtp.waitFor((m) => m.to === person.email);
  const link = linksIn(mail).find((l) => l.includes('/reset-password/'))!;
  await page.goto(new URL(link).pathname);
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('New password').fill('nach dem Zurücksetzen 5');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your password has been changed' })).toBeVisible();

  await page.getByRole('link', { name: 'Sign in' }).last().click();
  await page.getByLabel('Email address').fill(person.email);
  await page.getByLabel('Password').fill('nach dem Zurücksetzen 5');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in-name')).toBeVisible();

  // The link worked once.
  await page.goto(new URL(link).pathname);
  await expect(page.getByRole('main').getByRole('alert')).toContainText('This reset link is not valid');
  await expectNoAxeViolations(page);
  expect(csp).toEqual([]);
});

test('signing in brings the language saved on the account', async ({ page, createUser }) => {
  const person = await createUser({ locale: 'de' });
  await page.goto('/signin');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByLabel('Email address').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in-name')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('banner').getByRole('link', { name: 'Konto' })).toBeVisible();
});

test('after five wrong passwords the sign-in page says to wait, even for the right password', async ({
  page,
  createUser,
}) => {
  const person = await createUser();
  await page.goto('/signin');
  const alert = page.getByRole('main').getByRole('alert');
  for (let i = 0; i < 5; i++) {
    await page.getByLabel('Email address').fill(person.email);
    await page.getByLabel('Password').fill(`wrong password ${i}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(alert).toHaveText('The email address or password is not correct.');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  }
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(alert).toContainText('Too many failed attempts');
  await expect(page.getByTestId('signed-in-name')).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('the shell fits a phone screen without sideways scrolling, signed out and signed in', async ({
  browser,
  createUser,
}) => {
  const user = await createUser({ locale: 'de' });
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'de-DE' });
  await context.addCookies(user.api.playwrightCookies());
  const page = await context.newPage();
  for (const path of ['/account', '/signin']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
  }
  await page
    .getByRole('banner')
    .getByRole('button', { name: /Abmelden/ })
    .click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Anmelden' })).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page);
  await context.close();
});

test('the account language shows in a fresh browser with another Accept-Language, and follows a change made on another device', async ({
  createUser,
  signedInPageFor,
}) => {
  const person = await createUser({ locale: 'de', name: 'Dora Deutsch' });
  // A new browser, set to English, without any language cookie: the account (German) wins.
  const laptop = await signedInPageFor(person, { locale: 'en-GB' });
  expect(await laptop.context().cookies()).not.toContainEqual(expect.objectContaining({ name: 'nwr-locale' }));
  await laptop.goto('/account');
  await expect(laptop.locator('html')).toHaveAttribute('lang', 'de');
  await expect(laptop.getByRole('heading', { level: 1, name: 'Ihr Konto' })).toBeVisible();
  await expectNoAxeViolations(laptop);

  // A second device switches to English in the header: the account changes…
  const phone = await signedInPageFor(person, { locale: 'de-AT' });
  await phone.goto('/account');
  await expect(phone.getByRole('heading', { level: 1, name: 'Ihr Konto' })).toBeVisible();
  await phone.getByRole('group', { name: 'Sprache' }).getByRole('button', { name: 'English' }).click();
  await expect(phone.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  expect((await person.api.get('/api/account')).json.locale).toBe('en');
  // …and the switch left no cookie behind that could go stale.
  expect(await phone.context().cookies()).not.toContainEqual(expect.objectContaining({ name: 'nwr-locale' }));

  // The first browser follows on its next page.
  await laptop.reload();
  await expect(laptop.locator('html')).toHaveAttribute('lang', 'en');
  await expect(laptop.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();

  // Signing out keeps the language for the signed-out pages of that browser (set to German).
  await phone.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await expect(phone.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(phone.locator('html')).toHaveAttribute('lang', 'en');
});
