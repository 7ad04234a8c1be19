import { NextResponse } from 'next/server';
import { signUp } from '@/lib/auth/sign-up';
import { ZSignUp } from '@/lib/auth/schemas';
import { route } from '@/app/_lib/route';
import { parseBody } from '../_lib/parse';

/**
 * POST /api/account/signup `{ email, password, name, locale? }` → 201 `{ id }`.
 * Signed out. 400 with per-field messages, 409 when the email has an account.
 * The client then signs in through next-auth (credentials).
 */
export const POST = route({ anonymous: true }, async ({ req, db, locale, t }) => {
  const parsed = await parseBody(req, ZSignUp, locale, t);
  if ('response' in parsed) return parsed.response;
  const { id } = await signUp(db, { ...parsed.data, locale: parsed.data.locale ?? locale });
  return NextResponse.json({ id }, { status: 201 });
});
