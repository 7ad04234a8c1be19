import { liveMembership, type Actor } from './actor';
import { networkPolicy } from './network';
import { organisationPolicy } from './organisation';
import { documentPolicy } from './document';
import { goalPolicy } from './goal';

/**
 * What the cooperation screens may offer this person in a network as a whole
 * (forms that start something: a goal, an entry, a unit). What they may do
 * with one goal, entry or commitment comes with that record (`abilities`).
 * The server checks again on every write.
 */
export function cooperationAbilities(actor: Actor | null, networkId: string) {
  const m = liveMembership(actor, networkId);
  const orgId = m?.organisationId ?? null;
  const own = orgId ? organisationPolicy.abilities(actor, { networkId, id: orgId }) : null;
  const network = networkPolicy.abilities(actor, { networkId });
  return {
    /** The person's own organisation (forms act in its name), or null. */
    organisationId: orgId,
    createGoal: network.createGoal,
    editText: documentPolicy.can(actor, 'write', { kind: 'commons', networkId }),
    rate: own?.rate ?? false,
    record: own?.recordEntry ?? false,
    commit: own?.commit ?? false,
    comment: goalPolicy.can(actor, 'comment', { networkId, organisationIds: [] }),
    defineUnit: network.defineUnit,
  };
}
export type CooperationAbilities = ReturnType<typeof cooperationAbilities>;
