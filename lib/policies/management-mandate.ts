import { isActive, isManager } from './actor';
import { definePolicy, type AbilitiesOf } from './define';

/**
 * The network management's mandate (concept 3): who gave the management which
 * resources, authority and tasks, until when. Every member reads it; network
 * managers and active representatives (the partners who give it) record it,
 * every change in the activity log.
 */
export const managementMandatePolicy = definePolicy({
  subject: 'managementMandate',
  describe: 'The network management’s mandate: resources, authority, tasks, validity',
  networkOf: (r: { networkId: string }) => r.networkId,
  actions: {
    read: {
      who: 'Every member',
      allow: () => true,
    },
    set: {
      who: 'Network managers and active representatives (the partners give the mandate)',
      allow: (m) => isManager(m) || (m.role === 'representative' && isActive(m)),
    },
  },
});

export type ManagementMandateAbilities = AbilitiesOf<typeof managementMandatePolicy>;
