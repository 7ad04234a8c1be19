/**
 * A place to go after signing in, taken from `callbackUrl`: only a relative
 * path on this site. Everything else (`//evil.example`, `/\evil.example`,
 * `https://…`, `javascript:…`, control characters) gives `fallback`.
 */
export function safeCallbackPath(raw: unknown, fallback = '/'): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2000) return fallback;
  if (!raw.startsWith('/')) return fallback;
  // Browsers treat "\" like "/" and drop tabs/newlines: "/\evil" and "/\t/evil" are other hosts.
  if (
    raw.startsWith('//') ||
    raw.includes('\\') ||
    [...raw].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)
  )
    return fallback;
  try {
    const base = 'http://nwr.invalid';
    const url = new URL(raw, base);
    if (url.origin !== base) return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}
