import { isActiveRep, isManager } from './actor';
import { definePolicy, type AbilitiesOf } from './define';

export interface NetworkRecord {
  networkId: string;
}

/** The network as a whole: what its members may see and start in it. */
export const networkPolicy = definePolicy({
  subject: 'network',
  describe: 'A network (its name and purpose, its register of organisations and people, its units)',
  networkOf: (n: NetworkRecord) => n.networkId,
  actions: {
    read: { who: 'Every member (everyone else: not found)', allow: () => true },
    update: { who: 'Network managers', allow: (m) => isManager(m) },
    createOrganisation: { who: 'Network managers', allow: (m) => isManager(m) },
    listMembers: { who: 'Every member', allow: () => true },
    createGoal: { who: 'Network managers and active representatives', allow: (m) => isManager(m) || isActiveRep(m) },
    defineUnit: { who: 'Network managers', allow: (m) => isManager(m) },
  },
});

/** What the actor may do with one network (sent with it). */
export type NetworkAbilities = AbilitiesOf<typeof networkPolicy>;
