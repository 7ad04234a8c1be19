import { can, type Actor } from './';

/**
 * What the cooperation screens may offer this person in a network (sent to
 * the client to hide controls; the server checks again on every write).
 */
export function cooperationAbilities(actor: Actor | null, networkId: string) {
  const m = actor?.membership?.networkId === networkId ? actor.membership : null;
  const orgId = m?.organisationId ?? null;
  const orgSubject = orgId ? ({ type: 'organisation', networkId, organisationId: orgId } as const) : null;
  const network = { type: 'network', networkId } as const;
  return {
    organisationId: orgId,
    role: m?.role ?? null,
    createGoal: can(actor, 'goal.create', network),
    moderateGoals: m?.role === 'manager' && can(actor, 'goal.update', { type: 'goal', networkId, organisationIds: [] }),
    editText: can(actor, 'doc.write', { type: 'doc', doc: { kind: 'commons', networkId } }),
    rate: orgSubject ? can(actor, 'goal.rate', orgSubject) : false,
    record: orgSubject ? can(actor, 'ledger.record', orgSubject) : false,
    respond: orgSubject ? can(actor, 'ledger.respond', orgSubject) : false,
    respondForNetwork: can(actor, 'ledger.respond', network),
    commit: orgSubject ? can(actor, 'commitment.manage', orgSubject) : false,
    approve: orgSubject ? can(actor, 'commitment.approve', orgSubject) : false,
    comment: can(actor, 'comment.create', network),
    defineUnit: can(actor, 'unit.define', network),
  };
}
export type CooperationAbilities = ReturnType<typeof cooperationAbilities>;
