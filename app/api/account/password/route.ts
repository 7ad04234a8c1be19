import { changePassword } from '@/lib/auth/change-password';
import { ZChangePassword } from '@/lib/auth/schemas';
import { route } from '@/app/_lib/route';
import { parseBody } from '../_lib/parse';

/**
 * POST /api/account/password `{ currentPassword, newPassword }`: the signed-in
 * person changes their password. Every session ends (session version bump);
 * the page signs this browser in again with the new password.
 */
export const POST = route({}, async ({ req, db, user, locale, t }) => {
  const parsed = await parseBody(req, ZChangePassword, locale, t);
  if ('response' in parsed) return parsed.response;
  await changePassword(db, { userId: user.id }, parsed.data);
  return { ok: true };
});
