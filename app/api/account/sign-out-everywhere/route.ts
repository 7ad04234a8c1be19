import { signOutEverywhere } from '@/lib/auth/sign-out-everywhere';
import { route } from '@/app/_lib/route';

/** POST /api/account/sign-out-everywhere: ends every session of the signed-in person. */
export const POST = route({}, async ({ db, user }) => {
  await signOutEverywhere(db, { userId: user.id });
  return { ok: true };
});
