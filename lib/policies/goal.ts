import { isManager, representsOneOf } from './actor';
import { definePolicy, type AbilitiesOf } from './define';
import { documentPolicy } from './document';
import { organisationPolicy } from './organisation';

export interface GoalRecord {
  networkId: string;
  /** The organisations taking part. */
  organisationIds: readonly string[];
  status?: string;
}

/**
 * A shared goal. Managers moderate every goal; representatives revise the
 * goals their organisation takes part in. Rating and committing are done in
 * the name of the person's own organisation (asked of `organisationPolicy`).
 */
export const goalPolicy = definePolicy({
  subject: 'goal',
  describe: 'A shared goal and the organisations taking part in it',
  networkOf: (g: GoalRecord) => g.networkId,
  actions: {
    update: {
      who: 'Network managers, and active representatives of a participating organisation',
      allow: (m, g) => isManager(m) || representsOneOf(m, g.organisationIds),
    },
    decidePilot: {
      who: 'Network managers, and active representatives of a participating organisation (deepen, repeat or stop a pilot)',
      allow: (m, g) => isManager(m) || representsOneOf(m, g.organisationIds),
      when: (g) => g.status === undefined || g.status === 'pilot',
    },
    editText: {
      who: 'Who writes the commons: network managers and active representatives',
      allow: (_m, g, actor) => documentPolicy.can(actor, 'write', { kind: 'commons', networkId: g.networkId }),
    },
    restoreVersion: {
      who: 'Who may change the goal and write the commons: network managers, and active representatives of a participating organisation (title, "why" and text of an earlier version)',
      allow: (m, g, actor) =>
        (isManager(m) || representsOneOf(m, g.organisationIds)) &&
        documentPolicy.can(actor, 'write', { kind: 'commons', networkId: g.networkId }),
    },
    comment: {
      who: 'Every member but observers',
      allow: (m) => m.role !== 'observer',
    },
    rate: {
      who: 'Representatives and home members of an active organisation, for their own organisation',
      allow: (m, g, actor) =>
        !!m.organisationId && organisationPolicy.can(actor, 'rate', { networkId: g.networkId, id: m.organisationId }),
    },
    commit: {
      who: 'Active representatives, for their own organisation',
      allow: (m, g, actor) =>
        !!m.organisationId && organisationPolicy.can(actor, 'commit', { networkId: g.networkId, id: m.organisationId }),
    },
  },
});

/** What the actor may do with one goal (sent with it). */
export type GoalAbilities = AbilitiesOf<typeof goalPolicy>;
