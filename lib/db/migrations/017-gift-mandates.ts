import type { Migration } from './types';

/**
 * Gifts in the ledger held to a mandate, when the mandate says so
 * (docs/mandates.md, "Gifts in the ledger").
 *
 * - `mandates.covers_gifts`: 1 when the ledger gifts the organisation's
 *   representatives record are held to the mandate too (0 for every mandate
 *   given before: they govern commitments only, as before).
 * - `home_approvals.entry_id`: a request for a ledger entry (instead of a
 *   commitment); the same flow, the same decision times.
 * - Ledger entries gain two statuses (no schema change: `status` is TEXT):
 *   `awaiting_home_approval` (counted nowhere, the other side cannot answer
 *   yet) and `withdrawn` (home declined; the reason in `response_comment`).
 * - An index for what a period's gifts add up to.
 */
export const giftMandates: Migration = {
  id: 17,
  name: 'gift-mandates',
  up: () => `
ALTER TABLE mandates ADD COLUMN covers_gifts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE home_approvals ADD COLUMN entry_id TEXT REFERENCES ledger_entries(id);
CREATE INDEX home_approvals_entry ON home_approvals(entry_id);
CREATE INDEX ledger_recorder_gifts ON ledger_entries(network_id, recorder_org_id, unit, created_at);
`,
};
