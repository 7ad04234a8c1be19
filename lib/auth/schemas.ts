import { z } from 'zod';
import { LOCALES } from '../i18n';

/**
 * Input schemas for accounts. Their own messages are i18n keys
 * ('auth.password.tooShort' …): whoever presents a failed parse translates
 * them with `t()` (zod's built-in messages pass through `t()` unchanged).
 */

/** Passwords that meet the length rule and still fall to the first guesses. */
const COMMON = new Set([
  '1234567890',
  '0123456789',
  '12345678910',
  '123456789a',
  'password12',
  'password123',
  'password1!',
  'passwort12',
  'passwort123',
  'qwertz1234',
  'qwerty1234',
  'qwertyuiop',
  'qwertzuiop',
  '1q2w3e4r5t',
  'q1w2e3r4t5',
  'iloveyou12',
  'abc1234567',
  'abcd123456',
  'letmein123',
  'welcome123',
  'willkommen1',
  'admin12345',
  'netzwerkraum',
  'netzwerkraum1',
  'netzwerk123',
]);

/**
 * The password rule, in words (auth.passwordHint): at least 10 characters, at
 * most 1024, not letters only, not one of the commonest passwords and not
 * built from three or fewer different characters.
 */
export const ZNewPassword = z
  .string()
  .min(10, 'auth.password.tooShort')
  .max(1024, 'auth.password.tooLong')
  .refine((p) => !/^\p{L}+$/u.test(p), 'auth.password.onlyLetters')
  .refine((p) => !COMMON.has(p.toLowerCase()) && new Set(p).size > 3, 'auth.password.common');

export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'auth.email.invalid')
  .pipe(z.email('auth.email.invalid'));

export const ZName = z.string().trim().min(1, 'auth.name.required').max(100, 'auth.name.tooLong');

export const ZLocale = z.enum(LOCALES);

export const ZSignUp = z.object({
  email: ZEmail,
  password: ZNewPassword,
  name: ZName,
  locale: ZLocale.optional(),
});
export type SignUpInput = z.infer<typeof ZSignUp>;

export const ZChangePassword = z.object({
  currentPassword: z.string().min(1, 'account.changePassword.wrongCurrent').max(1024),
  newPassword: ZNewPassword,
});
export type ChangePasswordInput = z.infer<typeof ZChangePassword>;

export const ZRequestPasswordReset = z.object({ email: ZEmail });

export const ZResetPassword = z.object({
  token: z.string().min(1, 'auth.reset.invalidToken').max(200, 'auth.reset.invalidToken'),
  password: ZNewPassword,
});
export type ResetPasswordInput = z.infer<typeof ZResetPassword>;

export const ZSetLocale = z.object({ locale: ZLocale });
