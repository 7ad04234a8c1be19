import type { NextResponse } from 'next/server';
import { LOCALE_COOKIE, type Locale } from '@/lib/i18n';

/** Remembers the interface language in the browser for a year (SameSite=Lax, readable by no script). */
export function setLocaleCookie(res: NextResponse, locale: Locale, secure: boolean): NextResponse {
  res.cookies.set(LOCALE_COOKIE, locale, {
    path: '/',
    maxAge: 365 * 24 * 60 * 60,
    sameSite: 'lax',
    httpOnly: true,
    secure,
  });
  return res;
}

/**
 * Forgets the browser's own choice: signed in, the account's language applies
 * (app/_lib/locale.ts), so a change on another device shows here too.
 */
export function clearLocaleCookie(res: NextResponse, secure: boolean): NextResponse {
  res.cookies.set(LOCALE_COOKIE, '', { path: '/', maxAge: 0, sameSite: 'lax', httpOnly: true, secure });
  return res;
}
