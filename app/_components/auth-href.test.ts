import { describe, expect, it } from 'vitest';
import { authHref } from './auth-href';

describe('the header\u2019s sign-in and create-account links keep where the person was', () => {
  it('"Create account" on an invitation leads back to that invitation', () => {
    expect(authHref('/signup', '/invite/abc_DEF-123')).toBe('/signup?callbackUrl=%2Finvite%2Fabc_DEF-123');
    expect(authHref('/signin', '/invite/abc')).toBe('/signin?callbackUrl=%2Finvite%2Fabc');
  });

  it('from the start page, an auth page or a strange address: no way back is added', () => {
    expect(authHref('/signup', '/')).toBe('/signup');
    expect(authHref('/signup', '/signin')).toBe('/signup');
    expect(authHref('/signin', '/reset-password/tok')).toBe('/signin');
    expect(authHref('/signup', '//evil.example')).toBe('/signup');
  });
});
