import { belongsTo, isActive, isManager, representsOrg, type ActorMembership } from './actor';
import { definePolicy, type AbilitiesOf } from './define';

/** The network manager keeps the register; an organisation's own representatives act for it (also while paused). */
const keepsRegister = (m: ActorMembership, o: OrganisationRecord) =>
  isManager(m) || (m.role === 'representative' && m.organisationId === o.id);

export interface OrganisationRecord {
  networkId: string;
  /** The organisation's id (named `id` as the API presents it). */
  id: string;
  /** active, paused or left (an OrgStatus; the API presents it as a string). */
  status?: string;
}

/**
 * A member organisation. Joining, pausing and leaving are the organisation's
 * own voluntary acts; the network manager keeps the register in order. What is
 * done in an organisation's name (ledger entries, commitments, ratings) is
 * done by its own people only, never by a manager.
 */
export const organisationPolicy = definePolicy({
  subject: 'organisation',
  describe: 'A member organisation of the network',
  networkOf: (o: OrganisationRecord) => o.networkId,
  actions: {
    update: {
      who: 'Network managers and the organisation’s own representatives (also while paused)',
      allow: keepsRegister,
      when: (o) => o.status !== 'left',
    },
    setStatus: {
      who: 'Network managers and the organisation’s own representatives (pause, resume, leave)',
      allow: keepsRegister,
      when: (o) => o.status !== 'left',
    },
    recordEntry: {
      who: 'The organisation’s own active representatives',
      allow: (m, o) => representsOrg(m, o.id),
      when: (o) => o.status !== 'left',
    },
    commit: {
      who: 'The organisation’s own active representatives (propose or make a commitment in its name)',
      allow: (m, o) => representsOrg(m, o.id),
      when: (o) => o.status !== 'left',
    },
    rate: {
      who: 'The organisation’s own representatives and home members, while it is active (rate goals in its name)',
      allow: (m, o) => belongsTo(m, o.id) && isActive(m),
      when: (o) => o.status !== 'left',
    },
  },
});

/** What the actor may do with one organisation (sent with it). */
export type OrganisationAbilities = AbilitiesOf<typeof organisationPolicy>;
