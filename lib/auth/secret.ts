import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { env } from '../env';

let cached: string | undefined;

/**
 * The secret that signs sessions. In production it must come from
 * NEXTAUTH_SECRET; in the embedded default it is generated once (32 random
 * bytes) into DATA_DIR/secret and kept there.
 */
export function authSecret(): string {
  if (cached) return cached;
  const e = env();
  if (e.NEXTAUTH_SECRET) return (cached = e.NEXTAUTH_SECRET);
  // `npm start` (the embedded default) sets NWR_EMBEDDED=1; any other production
  // deployment, and every PostgreSQL one, must bring its own secret.
  if (e.isPostgres || (e.NODE_ENV === 'production' && process.env.NWR_EMBEDDED !== '1')) {
    throw new Error('NEXTAUTH_SECRET is required in production (32 random bytes, e.g. `openssl rand -base64 32`).');
  }
  const file = path.join(e.dataDir, 'secret');
  try {
    cached = fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(e.dataDir, { recursive: true });
    const fresh = crypto.randomBytes(32).toString('base64url');
    try {
      fs.writeFileSync(file, fresh, { mode: 0o600, flag: 'wx' });
      cached = fresh;
    } catch {
      cached = fs.readFileSync(file, 'utf8').trim(); // another process wrote it first
    }
  }
  return cached;
}
