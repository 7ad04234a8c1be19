import { clientAddress } from '@/lib/auth/address';
import { requestPasswordReset } from '@/lib/auth/password-reset';
import { ZRequestPasswordReset } from '@/lib/auth/schemas';
import { env } from '@/lib/env';
import { route } from '@/app/_lib/route';
import { parseBody } from '../_lib/parse';

/**
 * POST /api/account/password-reset `{ email }`: always the same answer
 * (`{ ok: true }`), whether or not the account exists; 429 when one address
 * asks too often.
 */
export const POST = route({ anonymous: true }, async ({ req, db, locale, t }) => {
  const parsed = await parseBody(req, ZRequestPasswordReset, locale, t);
  if ('response' in parsed) return parsed.response;
  await requestPasswordReset(db, {
    email: parsed.data.email,
    address: clientAddress(req.headers),
    appUrl: env().appUrl,
  });
  return { ok: true };
});
