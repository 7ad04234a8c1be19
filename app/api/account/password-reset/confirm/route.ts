import { resetPassword } from '@/lib/auth/password-reset';
import { ZResetPassword } from '@/lib/auth/schemas';
import { route } from '@/app/_lib/route';
import { parseBody } from '../../_lib/parse';

/**
 * POST /api/account/password-reset/confirm `{ token, password }`: sets a new
 * password with the emailed token. 410 when the token is expired, used or
 * unknown; every session of the account ends.
 */
export const POST = route({ anonymous: true }, async ({ req, db, locale, t }) => {
  const parsed = await parseBody(req, ZResetPassword, locale, t);
  if ('response' in parsed) return parsed.response;
  await resetPassword(db, parsed.data);
  return { ok: true };
});
