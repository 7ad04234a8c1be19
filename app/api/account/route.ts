import { route } from '@/app/_lib/route';

/** GET /api/account → `{ id, email, name, locale }` of the signed-in person (401 signed out). */
export const GET = route({}, async ({ user }) => ({
  id: user.id,
  email: user.email,
  name: user.name,
  locale: user.locale,
}));
