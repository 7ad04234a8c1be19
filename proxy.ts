import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/env';

/**
 * Security headers for every response, and nothing else: no authorization
 * here (that lives in route handlers, pages and commands; a proxy can be
 * bypassed).
 *
 * - A strict Content-Security-Policy with a fresh nonce per request. Next
 *   reads the nonce from the request's CSP header and puts it on its own
 *   scripts, so every page must render dynamically (the root layout is
 *   `force-dynamic`). `'strict-dynamic'` lets those scripts load the chunks
 *   they need. `connect-src` allows our own origin and the realtime server
 *   (REALTIME_URL, and any port on its host and on the page's host, so a
 *   realtime server on a neighbouring port works too).
 * - X-Forwarded-For: unless TRUST_PROXY=1, a client-sent value is dropped so
 *   that Next fills in the socket address (sign-in throttling relies on it;
 *   see lib/auth/address.ts).
 */
export function proxy(request: NextRequest) {
  const e = env();
  const nonce = btoa(crypto.randomUUID());
  const isDev = process.env.NODE_ENV === 'development';
  const https = request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';

  const connect = new Set(["'self'"]);
  try {
    const rt = new URL(e.realtimeUrl);
    connect.add(rt.origin.replace(/^http/, 'ws'));
    connect.add(`${rt.protocol}//${rt.hostname}:*`);
  } catch {
    // env() validated REALTIME_URL; nothing to add if it is somehow unusable
  }
  // The host the browser used (nextUrl may name the server's own binding instead).
  const host = (request.headers.get('host') ?? request.nextUrl.host).replace(/:\d+$/, '');
  if (host) {
    connect.add(`${https ? 'wss' : 'ws'}://${host}:*`);
    if (!https) connect.add(`wss://${host}:*`);
  }

  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ''}`,
    // Next's development overlay injects <style> elements without a nonce;
    // production builds carry the nonce on every style element.
    isDev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    // Style attributes (positions, colours of live cursors) cannot carry a
    // nonce; they cannot run script either.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src ${[...connect].join(' ')}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', csp);
  if (e.TRUST_PROXY !== '1') requestHeaders.delete('x-forwarded-for');

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  response.headers.set('X-Content-Type-Options', 'nosniff');
  response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  response.headers.set('X-Frame-Options', 'DENY');
  response.headers.set(
    'Permissions-Policy',
    'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
  );
  response.headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  if (https) response.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  return response;
}

export const config = {
  // Everything except build assets (they carry no HTML and need no nonce).
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
