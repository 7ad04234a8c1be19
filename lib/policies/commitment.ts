import { isActive, isManager, representsOrg, type ActorMembership } from './actor';
import { definePolicy, type AbilitiesOf } from './define';

export interface CommitmentRecord {
  networkId: string;
  /** The committing organisation. */
  organisationId: string;
  status?: string;
  pilotReviewOn?: string | null;
}

const homeOf = (m: ActorMembership, orgId: string) =>
  m.role === 'home_member' && m.organisationId === orgId && isActive(m);

const OPEN = ['proposed', 'awaiting_home_approval', 'committed'];
const inState =
  (...states: string[]) =>
  (c: CommitmentRecord) =>
    c.status === undefined || states.includes(c.status);

/**
 * A commitment of one organisation to a goal. Its representatives move it
 * along; beyond their mandate its home members approve.
 */
export const commitmentPolicy = definePolicy({
  subject: 'commitment',
  describe: 'A commitment of one organisation to a goal: an amount of a unit by a date',
  networkOf: (c: CommitmentRecord) => c.networkId,
  actions: {
    commit: {
      who: 'Active representatives of the committing organisation',
      allow: (m, c) => representsOrg(m, c.organisationId),
      when: inState('proposed'),
    },
    approve: {
      who: 'Home members of the committing organisation, while it is active',
      allow: (m, c) => homeOf(m, c.organisationId),
      when: inState('awaiting_home_approval'),
    },
    decline: {
      who: 'Home members of the committing organisation, while it is active (with a reason; it is withdrawn)',
      allow: (m, c) => homeOf(m, c.organisationId),
      when: inState('awaiting_home_approval'),
    },
    deliver: {
      who: 'Active representatives of the committing organisation (with ledger entries as evidence)',
      allow: (m, c) => representsOrg(m, c.organisationId),
      when: inState('committed'),
    },
    withdraw: {
      who: 'Active representatives of the committing organisation (with a reason)',
      allow: (m, c) => representsOrg(m, c.organisationId),
      when: inState(...OPEN),
    },
    decidePilot: {
      who: 'Network managers and active representatives of the committing organisation (a pilot’s review)',
      allow: (m, c) => isManager(m) || representsOrg(m, c.organisationId),
      when: (c) => (c.pilotReviewOn === undefined || !!c.pilotReviewOn) && inState(...OPEN)(c),
    },
  },
});

/** What the actor may do with one commitment (sent with it). */
export type CommitmentAbilities = AbilitiesOf<typeof commitmentPolicy>;
