import { createHash, randomBytes } from 'node:crypto';

/**
 * Single-use secret tokens sent by mail (invitation links, password resets):
 * the person gets the token once, the database keeps only its sha256, so a
 * leaked database opens nothing.
 */

/** A fresh token (32 random bytes, base64url; shown once) and the hash to store. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

/** The stored form of a token: its sha256 in hex. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
