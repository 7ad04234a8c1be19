import { isManager } from './actor';
import { definePolicy, type AbilitiesOf } from './define';

export interface MemberRecord {
  networkId: string;
  userId: string;
}

/** A person's membership in the network. The commands keep at least one manager. */
export const memberPolicy = definePolicy({
  subject: 'member',
  describe: 'A person’s membership (role and organisation) in the network',
  networkOf: (p: MemberRecord) => p.networkId,
  actions: {
    changeRole: { who: 'Network managers', allow: (m) => isManager(m) },
    remove: { who: 'Network managers', allow: (m) => isManager(m) },
    seeEmail: {
      who: 'Network managers (the list leaves the address out for others)',
      allow: (m) => isManager(m),
      refusal: 'hidden',
    },
    leave: {
      who: 'The member themselves, in any role (also of a paused organisation)',
      allow: (_m, p, actor) => p.userId === actor.userId,
    },
  },
});

/** What the actor may do with one member (sent with it). */
export type MemberAbilities = AbilitiesOf<typeof memberPolicy>;
