import { ledgerEntryPolicy, type Actor } from '../policies';
import type { EntryRow, EntryStatus } from './records';

/**
 * The ledger's rules that more than one command (or, through abilities, the
 * client) needs, each written once. Who records and who corrects an entry is
 * asked in `record-entry.ts` and `correct-entry.ts`; the roles themselves are
 * in `lib/policies` (`organisation.ts` recordEntry, `ledger-entry.ts`).
 */

/**
 * The statuses that count, in balances and as evidence of a delivery: an entry
 * confirmed by the other side, or still waiting for it. Disputed and reversed
 * entries count nowhere.
 */
export const COUNTED_STATUSES = ['confirmed', 'pending'] as const satisfies readonly EntryStatus[];

/** Does an entry in this status count? */
export function isCounted(status: EntryStatus): boolean {
  return (COUNTED_STATUSES as readonly EntryStatus[]).includes(status);
}

/**
 * Who may confirm or dispute an entry: a representative of the other side
 * (the counterparty organisation), or, for an entry addressed to the network
 * as a whole, a network manager. Nobody answers for the organisation that
 * recorded it. Whether the entry still waits for an answer (`pending`) is a
 * separate question, so a command can refuse with 403 and 409 apart.
 */
export function mayRespond(
  actor: Actor | null,
  entry: Pick<EntryRow, 'network_id' | 'counterparty_org_id' | 'recorder_org_id'>,
): boolean {
  return ledgerEntryPolicy.can(actor, 'confirm', {
    networkId: entry.network_id,
    recorderOrgId: entry.recorder_org_id,
    counterpartyOrgId: entry.counterparty_org_id,
  });
}

/**
 * May this entry prove that an organisation delivered what it committed? It
 * must be given by that organisation, in the commitment's unit, be confirmed
 * by the other side (a pending entry proves nothing yet; disputed and
 * reversed ones never) and not be a reversal (a negative amount). Together
 * the entries must add up to the commitment's amount, or the delivery is
 * marked as partly delivered (`transition-commitment.ts`).
 */
export function isDeliveryEvidence(
  entry: Pick<EntryRow, 'giver_org_id' | 'unit' | 'status' | 'amount_milli'>,
  commitment: { organisationId: string; unit: string },
): boolean {
  return (
    entry.giver_org_id === commitment.organisationId &&
    entry.unit === commitment.unit &&
    entry.status === 'confirmed' &&
    Number(entry.amount_milli) > 0
  );
}
