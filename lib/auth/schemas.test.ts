import { describe, expect, it } from 'vitest';
import { ZNewPassword, ZSignUp } from './schemas';

const message = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message;

describe('the password rule', () => {
  it('accepts a short sentence with a space or digit', () => {
    expect(ZNewPassword.safeParse('meet at the river').success).toBe(true);
    expect(ZNewPassword.safeParse('Zusammenarbeit2026').success).toBe(true);
  });

  it('refuses fewer than 10 characters, more than 1024, letters only, and the commonest passwords', () => {
    expect(message(ZNewPassword.safeParse('short 1'))).toBe('auth.password.tooShort');
    expect(message(ZNewPassword.safeParse('x1'.repeat(513)))).toBe('auth.password.tooLong');
    expect(message(ZNewPassword.safeParse('Netzwerkarbeit'))).toBe('auth.password.onlyLetters');
    expect(message(ZNewPassword.safeParse('ÄÖÜäöüßéèñ'))).toBe('auth.password.onlyLetters');
    expect(message(ZNewPassword.safeParse('1234567890'))).toBe('auth.password.common');
    expect(message(ZNewPassword.safeParse('Password123'))).toBe('auth.password.common');
    expect(message(ZNewPassword.safeParse('aaaaaaaaaa1'))).toBe('auth.password.common');
  });
});

describe('sign-up input', () => {
  it('lower-cases and trims the email and trims the name', () => {
    const r = ZSignUp.parse({ email: '  Ada@Example.ORG ', password: 'a fine password 1', name: ' Ada ' });
    expect(r).toEqual({ email: 'ada@example.org', password: 'a fine password 1', name: 'Ada' });
  });

  it('names the field and the rule for each mistake', () => {
    const r = ZSignUp.safeParse({ email: 'nope', password: 'short', name: '  ', locale: 'fr' });
    expect(r.success).toBe(false);
    // The first message per field is the one a person sees.
    const byField: Record<string, string> = {};
    for (const i of r.error!.issues) byField[i.path.join('.')] ??= i.message;
    expect(byField.email).toBe('auth.email.invalid');
    expect(byField.password).toBe('auth.password.tooShort');
    expect(byField.name).toBe('auth.name.required');
    expect(byField.locale).toBeDefined();
  });
});
