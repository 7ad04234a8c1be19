import { describe, expect, it } from 'vitest';
import { hashToken, newToken } from './tokens';

describe('single-use tokens', () => {
  it('a new token is long and random, and only its sha256 is kept', () => {
    const a = newToken();
    const b = newToken();
    expect(a.token).not.toBe(b.token);
    expect(a.token.length).toBeGreaterThanOrEqual(43);
    expect(a.hash).toBe(hashToken(a.token));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash).not.toContain(a.token);
  });
});
