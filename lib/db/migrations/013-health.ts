import type { Migration } from './types';

/**
 * Network health (concepts 2, 8, 9; lib/health, docs/health.md).
 *
 * - `networks.dormancy_weeks`: after how many falling weeks in a row an
 *   organisation counts as dormant (the empty-shell warning), set by the
 *   network's managers; default 4.
 * - `health_snapshots`: one row per network and month (`YYYY-MM`), taken by
 *   the monthly job once the month is over, so the history is kept and the
 *   health page reads past months without recomputing them. `data` is JSON
 *   (lib/health/snapshots.ts, ZSnapshotData); a snapshot taken again replaces
 *   the row.
 * - `ledger_health`: a covering index for the health read's flows (confirmed
 *   entries of a network in a date range, by giver, receiver and unit), so
 *   they are summed from the index alone.
 */
export const health: Migration = {
  id: 13,
  name: 'health',
  up: () => `
ALTER TABLE networks ADD COLUMN dormancy_weeks INTEGER NOT NULL DEFAULT 4;
CREATE TABLE health_snapshots (
  network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
  month TEXT NOT NULL,                    -- YYYY-MM
  data TEXT NOT NULL,                     -- JSON
  taken_at BIGINT NOT NULL,
  PRIMARY KEY (network_id, month)
);
CREATE INDEX ledger_health ON ledger_entries(network_id, status, occurred_on, giver_org_id, receiver_org_id, unit, amount_milli);
`,
};
