import { NextResponse } from 'next/server';
import { ZSetLocale } from '@/lib/auth/schemas';
import { setLocale } from '@/lib/auth/set-locale';
import { route } from '@/app/_lib/route';
import { parseBody } from '../_lib/parse';
import { clearLocaleCookie, setLocaleCookie } from '../_lib/locale-cookie';

/**
 * POST /api/account/locale `{ locale: 'en' | 'de' }`: the interface language.
 * Signed out, the browser remembers it (cookie). Signed in, it is saved on
 * the account and the browser's cookie is removed: from then on every page
 * and answer follows the account, also after a change on another device.
 */
export const POST = route({ anonymous: true }, async ({ req, db, user, locale, t }) => {
  const parsed = await parseBody(req, ZSetLocale, locale, t);
  if ('response' in parsed) return parsed.response;
  const res = NextResponse.json({ ok: true, locale: parsed.data.locale });
  const secure = req.nextUrl.protocol === 'https:';
  // `user` is null when signed out (anonymous route).
  if (!user) return setLocaleCookie(res, parsed.data.locale, secure);
  await setLocale(db, { userId: user.id }, parsed.data.locale);
  return clearLocaleCookie(res, secure);
});
