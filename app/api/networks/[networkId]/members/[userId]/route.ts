import { route } from '@/app/_lib/route';
import { changeMemberRole, leaveNetwork, removeMember, ZChangeMemberRole } from '@/lib/networks';
import { memberPolicy } from '@/lib/policies';
import { loadActor } from '@/lib/policies/load-actor';

type P = { networkId: string; userId: string };

/** Changes a member's role (and organisation). Network managers. */
export const PATCH = route<typeof ZChangeMemberRole, P>(
  { body: ZChangeMemberRole },
  async ({ db, user, params, body }) => {
    const actor = await loadActor(db, user.id, params.networkId);
    const member = await changeMemberRole(db, actor, params.networkId, params.userId, body);
    return {
      member: {
        ...member,
        abilities: memberPolicy.abilities(actor, { networkId: params.networkId, userId: member.userId }),
      },
    };
  },
);

/**
 * Removes a member (the row stays, access ends). Network managers. Naming
 * yourself is leaving the network (any role, same as DELETE …/membership).
 */
export const DELETE = route<undefined, P>({}, async ({ db, user, params }) => {
  const actor = await loadActor(db, user.id, params.networkId);
  if (params.userId === user.id) {
    const left = await leaveNetwork(db, actor, params.networkId);
    return { member: { userId: left.userId, removedAt: left.leftAt } };
  }
  return { member: await removeMember(db, actor, params.networkId, params.userId) };
});
