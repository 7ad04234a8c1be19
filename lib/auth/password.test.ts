import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('hashes with Argon2id (m = 19 MiB, t = 2) and verifies the right password only', async () => {
    const hash = await hashPassword('correct horse 42');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'correct horse 42')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse 43')).toBe(false);
  });

  it('gives two different hashes for the same password (random salt)', async () => {
    expect(await hashPassword('same password 1')).not.toBe(await hashPassword('same password 1'));
  });

  it('answers false for an unknown user after checking against a dummy hash, not at once', async () => {
    // The dummy path must do a real Argon2 verification; an empty or broken
    // stored hash must never be accepted either.
    expect(await verifyPassword(undefined, 'anything at all 1')).toBe(false);
    expect(await verifyPassword(null, '')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'anything at all 1')).toBe(false);
  });

  it('handles long and non-ASCII passwords without truncating them', async () => {
    const long = 'ä'.repeat(600) + '1';
    const hash = await hashPassword(long);
    expect(await verifyPassword(hash, long)).toBe(true);
    expect(await verifyPassword(hash, 'ä'.repeat(600) + '2')).toBe(false);
  });

  it('survives a burst of concurrent hashes (at most four run at once)', async () => {
    const hashes = await Promise.all(Array.from({ length: 10 }, (_, i) => hashPassword(`burst password ${i}`)));
    expect(new Set(hashes).size).toBe(10);
    expect(await verifyPassword(hashes[7], 'burst password 7')).toBe(true);
  });
});
