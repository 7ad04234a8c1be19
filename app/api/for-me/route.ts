import { route } from '@/app/_lib/route';
import { getForMeAcross } from '@/lib/for-me/get-for-me';

export const dynamic = 'force-dynamic';

/** "For me" across every network I am a member of. */
export const GET = route({}, async ({ db, user }) => ({ networks: await getForMeAcross(db, user.id) }));
