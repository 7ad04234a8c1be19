import { isActiveRep, isManager, ORG_ROLES, type Actor, type ActorMembership, type Role } from './actor';
import { definePolicy, type AbilitiesOf } from './define';

export interface InvitationRecord {
  networkId: string;
  /** The role it invites into, and for which organisation (organisation roles only). */
  role: Role;
  organisationId: string | null;
  /** Who created it (known for existing invitations). */
  createdBy?: string | null;
  /** pending, expired, revoked or used (known for existing invitations). */
  state?: string;
}

/** Managers see and withdraw every invitation; everyone else the ones they made. */
const managesOrMade = (m: ActorMembership, i: InvitationRecord, actor: Actor) =>
  isManager(m) || (!!i.createdBy && i.createdBy === actor.userId);

/** An invitation into the network, by link or by email. */
export const invitationPolicy = definePolicy({
  subject: 'invitation',
  describe: 'An invitation into a role (and, for organisation roles, an organisation)',
  networkOf: (i: InvitationRecord) => i.networkId,
  actions: {
    create: {
      who: 'Network managers into every role; an active representative only colleagues of their own organisation',
      allow: (m, i) =>
        isManager(m) || (isActiveRep(m) && ORG_ROLES.includes(i.role) && i.organisationId === m.organisationId),
    },
    see: {
      who: 'Network managers every invitation; everyone else only the ones they made (the list leaves the others out)',
      allow: (m, i, actor) => managesOrMade(m, i, actor),
      refusal: 'hidden',
    },
    revoke: {
      who: 'Network managers any invitation; everyone else only the ones they made (others: not found)',
      allow: (m, i, actor) => managesOrMade(m, i, actor),
      refusal: 404,
      when: (i) => i.state === undefined || i.state === 'pending',
    },
  },
});

/** What the actor may do with one invitation (sent with it). */
export type InvitationAbilities = AbilitiesOf<typeof invitationPolicy>;
