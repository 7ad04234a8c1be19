import { NextResponse } from 'next/server';
import { ZSetLocale } from '@/lib/auth/schemas';
import { setLocale } from '@/lib/auth/set-locale';
import { route } from '@/app/_lib/route';
import { parseBody } from '../_lib/parse';
import { setLocaleCookie } from '../_lib/locale-cookie';

/**
 * POST /api/account/locale `{ locale: 'en' | 'de' }`: the interface language.
 * Works signed out (cookie only); signed in it is also saved on the account.
 */
export const POST = route({ anonymous: true }, async ({ req, db, user, locale, t }) => {
  const parsed = await parseBody(req, ZSetLocale, locale, t);
  if ('response' in parsed) return parsed.response;
  // `user` is null when signed out (anonymous route).
  if (user) await setLocale(db, { userId: user.id }, parsed.data.locale);
  return setLocaleCookie(
    NextResponse.json({ ok: true, locale: parsed.data.locale }),
    parsed.data.locale,
    req.nextUrl.protocol === 'https:',
  );
});
