import type { Migration } from './types';

/**
 * Delivery that says how much was delivered (issue 9): a commitment is marked
 * delivered with confirmed ledger entries that add up to its amount, or
 * explicitly as partly delivered (`delivered_partly` = 1). A delivery whose
 * evidence is disputed or reversed later is reopened (lib/ledger/evidence.ts).
 */
export const delivery: Migration = {
  id: 16,
  name: 'delivery',
  up: () => `
ALTER TABLE commitments ADD COLUMN delivered_partly INTEGER NOT NULL DEFAULT 0;
CREATE INDEX commitment_evidence_entry ON commitment_evidence(entry_id);
`,
};
