import { isActive, isManager, representsOrg, type ActorMembership } from './actor';
import { definePolicy, type AbilitiesOf } from './define';

export interface LedgerEntryRecord {
  networkId: string;
  /** The organisation that recorded it. */
  recorderOrgId: string;
  /** The other side, or null: addressed to the network as a whole. */
  counterpartyOrgId: string | null;
  status?: string;
  reversesId?: string | null;
  reversedById?: string | null;
}

/** The other side answers: its active representatives, or for an entry addressed to the network, a manager. */
const answers = (m: Parameters<typeof isManager>[0], e: LedgerEntryRecord) =>
  e.counterpartyOrgId ? representsOrg(m, e.counterpartyOrgId) : isManager(m);
const pending = (e: LedgerEntryRecord) => e.status === undefined || e.status === 'pending';
const awaitingHome = (e: LedgerEntryRecord) => e.status === undefined || e.status === 'awaiting_home_approval';
const homeOf = (m: ActorMembership, orgId: string) =>
  m.role === 'home_member' && m.organisationId === orgId && isActive(m);

/**
 * A ledger entry. Nobody answers for the organisation that recorded it; a
 * correction is a new entry by the recording organisation (recording an
 * entry at all is `organisationPolicy.recordEntry`).
 */
export const ledgerEntryPolicy = definePolicy({
  subject: 'ledgerEntry',
  describe: 'A give, take or share entry recorded by one organisation towards another (or the network)',
  networkOf: (e: LedgerEntryRecord) => e.networkId,
  actions: {
    confirm: {
      who: 'Active representatives of the other side; for an entry addressed to the network, network managers',
      allow: answers,
      when: pending,
    },
    dispute: {
      who: 'Active representatives of the other side; for an entry addressed to the network, network managers',
      allow: answers,
      when: pending,
    },
    correct: {
      who: 'Active representatives of the organisation that recorded it (a reversing entry; once)',
      allow: (m, e) => representsOrg(m, e.recorderOrgId),
      // Once; and a correction the other side disputed can be withdrawn (the way out: the original can then be
      // corrected anew).
      when: (e) =>
        (!e.reversedById &&
          !e.reversesId &&
          e.status !== 'reversed' &&
          e.status !== 'awaiting_home_approval' &&
          e.status !== 'withdrawn') ||
        (!!e.reversesId && e.status === 'disputed'),
    },
    approveHome: {
      who: 'Home members of the organisation that recorded it, while it is active (a gift beyond the mandate: it goes on to the other side)',
      allow: (m, e) => homeOf(m, e.recorderOrgId),
      when: awaitingHome,
    },
    declineHome: {
      who: 'Home members of the organisation that recorded it, while it is active (with a reason; it is withdrawn)',
      allow: (m, e) => homeOf(m, e.recorderOrgId),
      when: awaitingHome,
    },
  },
});

/** What the actor may do with one ledger-entry (sent with it). */
export type LedgerEntryAbilities = AbilitiesOf<typeof ledgerEntryPolicy>;
