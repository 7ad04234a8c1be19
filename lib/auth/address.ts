import { env } from '../env';

/**
 * The client's address for throttling, from request headers (lower-case
 * names, as next-auth and `next/headers` give them).
 *
 * - `TRUST_PROXY=1` (behind a reverse proxy that sets X-Forwarded-For): the
 *   first entry of X-Forwarded-For, the address the proxy saw.
 * - Otherwise the socket address. Next puts the socket address into
 *   X-Forwarded-For when the request has none; `proxy.ts` removes any
 *   X-Forwarded-For a client sends when the proxy is not trusted, so the value
 *   that reaches us is the socket's.
 */
export function clientAddress(
  headers: Record<string, string | string[] | undefined> | Headers,
  trustProxy: boolean = env().TRUST_PROXY === '1',
): string {
  const raw = headers instanceof Headers ? headers.get('x-forwarded-for') : headers['x-forwarded-for'];
  const value = Array.isArray(raw) ? raw.join(',') : (raw ?? '');
  const entries = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const picked = (trustProxy ? entries[0] : entries[entries.length - 1]) ?? 'unknown';
  // IPv4-mapped IPv6 (::ffff:1.2.3.4) and 1.2.3.4 are the same client.
  return picked.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1').slice(0, 64);
}
