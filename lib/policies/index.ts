import type { DocName } from '../docs/names';
import { AppError } from '../errors';
import { liveMembership, ORG_ROLES, ROLES, type Actor } from './actor';
import { commentPolicy } from './comment';
import { commitmentPolicy } from './commitment';
import { decisionPolicy } from './decision';
import { ForbiddenError } from './define';
import { documentPolicy } from './document';
import { exportPolicy } from './export';
import { goalPolicy } from './goal';
import { invitationPolicy } from './invitation';
import { ledgerEntryPolicy } from './ledger-entry';
import { mandatePolicy } from './mandate';
import { meetingPolicy } from './meeting';
import { memberPolicy } from './member';
import { networkPolicy } from './network';
import { organisationPolicy } from './organisation';
import { boardReportPolicy } from './board-report';
import { managementMandatePolicy } from './management-mandate';
import { readinessPolicy } from './readiness';

/**
 * Authorization in one place. Each subject has its own file with each rule
 * written once (`network.ts`, `organisation.ts`, `invitation.ts`,
 * `member.ts`, `goal.ts`, `ledger-entry.ts`, `commitment.ts`,
 * `document.ts`); `POLICIES` lists them, and docs/permissions.md is generated
 * from them (`npm run docs:permissions`). Every record the API returns
 * carries `abilities` from its subject's policy, and the client reads those
 * instead of re-deriving rules (hiding is never the check: the server refuses).
 *
 * `can` / `authorize` below take the older action names and answer them from
 * the subject files; new code may ask a subject's policy directly
 * (`ledgerEntryPolicy.authorize(actor, 'correct', entry)`).
 */
export { ORG_ROLES, ROLES, liveMembership } from './actor';
export type { Actor, ActorMembership, OrgStatus, Role } from './actor';
export { ForbiddenError } from './define';
export type { AbilitiesOf, Policy } from './define';
export {
  commentPolicy,
  commitmentPolicy,
  decisionPolicy,
  documentPolicy,
  exportPolicy,
  goalPolicy,
  invitationPolicy,
  ledgerEntryPolicy,
  mandatePolicy,
  meetingPolicy,
  memberPolicy,
  networkPolicy,
  organisationPolicy,
  readinessPolicy,
  boardReportPolicy,
  managementMandatePolicy,
};

/** Every subject's policy, in the order docs/permissions.md shows them (mandate, meeting, decision go here next). */
export const POLICIES = [
  networkPolicy,
  organisationPolicy,
  invitationPolicy,
  memberPolicy,
  goalPolicy,
  ledgerEntryPolicy,
  commitmentPolicy,
  mandatePolicy,
  commentPolicy,
  documentPolicy,
  readinessPolicy,
  boardReportPolicy,
  managementMandatePolicy,
  exportPolicy,
  meetingPolicy,
  decisionPolicy,
] as const;

export type Subject =
  | { type: 'network'; networkId: string }
  | { type: 'organisation'; networkId: string; organisationId: string }
  | {
      type: 'invitation';
      networkId: string;
      role: (typeof ROLES)[number];
      organisationId: string | null;
      /** Who created it (known for existing invitations). */
      createdBy?: string;
    }
  | { type: 'member'; networkId: string; userId: string }
  | { type: 'doc'; doc: DocName }
  /** A shared goal and the organisations taking part in it (cooperation). */
  | { type: 'goal'; networkId: string; organisationIds: readonly string[] };

export type Action =
  | 'network.read'
  | 'network.update'
  | 'organisation.create'
  | 'organisation.update'
  | 'organisation.setStatus'
  | 'invitation.create'
  | 'invitation.manage'
  | 'invitation.revoke'
  | 'member.list'
  | 'member.changeRole'
  | 'member.remove'
  | 'member.leave'
  | 'comment.create'
  | 'doc.read'
  | 'doc.write'
  | CooperationAction;

/** Cooperation: shared goals, the give/take ledger, commitments. */
export type CooperationAction =
  | 'goal.create'
  | 'goal.update'
  | 'goal.rate'
  | 'ledger.record'
  | 'ledger.respond'
  | 'commitment.manage'
  | 'commitment.approve'
  | 'unit.define'
  | 'pilot.decide';

function subjectNetwork(s: Subject): string {
  return s.type === 'doc' ? s.doc.networkId : s.networkId;
}

const orgRecord = (s: Subject) => (s.type === 'organisation' ? { networkId: s.networkId, id: s.organisationId } : null);

/** May the actor see (and withdraw) invitations that someone else made? */
function seesOthersInvitations(actor: Actor | null, networkId: string): boolean {
  return invitationPolicy.can(actor, 'see', { networkId, role: 'observer', organisationId: null, createdBy: null });
}

/** May the actor do `action` to `subject`? Answered by the subject's policy file. */
export function can(actor: Actor | null, action: Action, subject: Subject): boolean {
  const networkId = subjectNetwork(subject);
  const net = { networkId };
  const org = orgRecord(subject);
  switch (action) {
    case 'network.read':
      return networkPolicy.can(actor, 'read', net);
    case 'network.update':
      return networkPolicy.can(actor, 'update', net);
    case 'organisation.create':
      return networkPolicy.can(actor, 'createOrganisation', net);
    case 'member.list':
      return networkPolicy.can(actor, 'listMembers', net);
    case 'invitation.manage':
      return seesOthersInvitations(actor, networkId);
    case 'comment.create':
      return goalPolicy.can(actor, 'comment', { networkId, organisationIds: [] });
    case 'goal.create':
      return networkPolicy.can(actor, 'createGoal', net);
    case 'unit.define':
      return networkPolicy.can(actor, 'defineUnit', net);
    case 'organisation.update':
      return !!org && organisationPolicy.can(actor, 'update', org);
    case 'organisation.setStatus':
      return !!org && organisationPolicy.can(actor, 'setStatus', org);
    case 'goal.rate':
      return !!org && organisationPolicy.can(actor, 'rate', org);
    case 'ledger.record':
      return !!org && organisationPolicy.can(actor, 'recordEntry', org);
    case 'commitment.manage':
      return !!org && organisationPolicy.can(actor, 'commit', org);
    case 'commitment.approve':
      return !!org && commitmentPolicy.can(actor, 'approve', { networkId, organisationId: org.id, status: undefined });
    case 'ledger.respond':
      // Asked for the other side of an entry: an organisation, or the network as a whole.
      if (subject.type !== 'organisation' && subject.type !== 'network') return false;
      return ledgerEntryPolicy.can(actor, 'confirm', {
        networkId,
        recorderOrgId: '',
        counterpartyOrgId: org?.id ?? null,
      });
    case 'invitation.create':
      return subject.type === 'invitation' && invitationPolicy.can(actor, 'create', subject);
    case 'invitation.revoke':
      return subject.type === 'invitation' && invitationPolicy.can(actor, 'revoke', subject);
    case 'member.changeRole':
      return memberPolicy.can(actor, 'changeRole', {
        networkId,
        userId: subject.type === 'member' ? subject.userId : '',
      });
    case 'member.remove':
      return memberPolicy.can(actor, 'remove', { networkId, userId: subject.type === 'member' ? subject.userId : '' });
    case 'member.leave':
      return subject.type === 'member' && memberPolicy.can(actor, 'leave', subject);
    case 'doc.read':
      return subject.type === 'doc' && documentPolicy.can(actor, 'read', subject.doc);
    case 'doc.write':
      return subject.type === 'doc' && documentPolicy.can(actor, 'write', subject.doc);
    case 'goal.update':
      return subject.type === 'goal' && goalPolicy.can(actor, 'update', subject);
    case 'pilot.decide':
      // A pilot goal (its participating organisations) or a pilot commitment (the committing organisation).
      return subject.type === 'goal' && goalPolicy.can(actor, 'decidePilot', subject);
  }
}

/** Like `can`, but throws ForbiddenError. */
export function authorize(actor: Actor | null, action: Action, subject: Subject): void {
  if (can(actor, action, subject)) return;
  const member = liveMembership(actor, subjectNetwork(subject)) !== null;
  throw new ForbiddenError(action, !member);
}

/**
 * Members of the network may learn that a thing exists; everyone else gets
 * "not found". Call before any check that would reveal something.
 */
export function requireMember(actor: Actor, networkId: string): void {
  networkPolicy.authorize(actor, 'read', { networkId });
}

/** Like `authorize`, but a member who may not gets a specific message (403) instead of the generic one. */
export function authorizeWith(actor: Actor, action: Action, subject: Subject, key: string): void {
  try {
    authorize(actor, action, subject);
  } catch (err) {
    if (err instanceof ForbiddenError && !err.notFound) throw new AppError(403, key);
    throw err;
  }
}

/** What the client may show for a network as a whole: serialised for the UI. */
export function abilities(actor: Actor | null, networkId: string) {
  const n = networkPolicy.abilities(actor, { networkId });
  const m = liveMembership(actor, networkId);
  return {
    read: n.read,
    update: n.update,
    createOrganisation: n.createOrganisation,
    manageInvitations: seesOthersInvitations(actor, networkId),
    comment: goalPolicy.can(actor, 'comment', { networkId, organisationIds: [] }),
    /** Roles the actor may invite people into (and for which organisation). */
    inviteRoles: ROLES.filter((role) =>
      invitationPolicy.can(actor, 'create', {
        networkId,
        role,
        organisationId: ORG_ROLES.includes(role) ? (m?.organisationId ?? null) : null,
      }),
    ),
  };
}
export type Abilities = ReturnType<typeof abilities>;
export type { CommitmentAbilities } from './commitment';
export type { DecisionAbilities } from './decision';
export type { DocumentAbilities } from './document';
export type { ExportAbilities } from './export';
export type { GoalAbilities } from './goal';
export type { InvitationAbilities } from './invitation';
export type { LedgerEntryAbilities } from './ledger-entry';
export type { MandateAbilities } from './mandate';
export type { MeetingAbilities } from './meeting';
export type { MemberAbilities } from './member';
export type { NetworkAbilities } from './network';
export type { OrganisationAbilities } from './organisation';
