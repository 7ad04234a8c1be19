import { isActiveRep, isManager, representsOneOf } from './actor';
import { definePolicy, type AbilitiesOf } from './define';

export interface DecisionRecord {
  networkId: string;
  /** The organisations invited to the meeting: each has one voice. */
  invitedOrgIds: readonly string[];
  /** Who scheduled the meeting (moderates it). */
  meetingCreatedBy?: string;
  status?: string;
  closesAt?: number;
  /** The organisation's voice when it has given one ('consent', 'object', a poll option). */
  ownChoice?: string | null;
}

const open = (d: DecisionRecord) =>
  d.status === undefined || (d.status === 'open' && (d.closesAt === undefined || d.closesAt > Date.now()));

/**
 * A proposal decided by the invited organisations: one voice per
 * organisation, given by its representatives (consent with objections, or a
 * poll), until its closing time.
 */
export const decisionPolicy = definePolicy({
  subject: 'decision',
  describe: 'A proposal of a meeting, decided by the invited organisations with one voice each',
  networkOf: (d: DecisionRecord) => d.networkId,
  actions: {
    vote: {
      who: 'Active representatives of an invited organisation, once for it, until the closing time',
      allow: (m, d) => representsOneOf(m, d.invitedOrgIds),
      when: (d) => open(d) && !d.ownChoice,
    },
    withdrawObjection: {
      who: 'Active representatives of an organisation that objected (its voice becomes consent), until the closing time',
      allow: (m, d) => representsOneOf(m, d.invitedOrgIds),
      when: (d) => open(d) && (d.ownChoice === undefined || d.ownChoice === 'object'),
    },
    close: {
      who: 'Network managers and the representative who scheduled the meeting',
      allow: (m, d, a) => isManager(m) || (isActiveRep(m) && d.meetingCreatedBy === a.userId),
      when: (d) => d.status === undefined || d.status === 'open',
    },
  },
});

export type DecisionAbilities = AbilitiesOf<typeof decisionPolicy>;
