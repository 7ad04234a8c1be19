import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from './redirect';

describe('the callbackUrl after sign-in', () => {
  it('keeps a relative path on this site, with query and hash', () => {
    expect(safeCallbackPath('/networks/abc?tab=goals#g1')).toBe('/networks/abc?tab=goals#g1');
    expect(safeCallbackPath('/account')).toBe('/account');
  });

  it.each([
    ['//evil.example'],
    ['//evil.example/path'],
    ['/\\evil.example'],
    ['/\\/evil.example'],
    ['/\t/evil.example'],
    ['/\n/evil.example'],
    ['https://evil.example/'],
    ['javascript:alert(1)'],
    ['JaVaScRiPt:alert(1)'],
    ['evil.example'],
    [''],
  ])('refuses %j and goes home instead', (raw) => {
    expect(safeCallbackPath(raw)).toBe('/');
  });

  it('refuses non-strings', () => {
    expect(safeCallbackPath(undefined, '/networks')).toBe('/networks');
    expect(safeCallbackPath(['/a', '/b'])).toBe('/');
  });
});
