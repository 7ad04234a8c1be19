import type { Migration } from './types';

/**
 * Mandates and home approvals (concepts 3, 4, 10, 11; lib/mandates, docs/mandates.md).
 *
 * - `mandates`: the room the home side of an organisation gives its
 *   representatives (`representative_id` NULL: all of them). The row is the
 *   current version; `limits` is JSON [{unit, perCommitment, perPeriod,
 *   period}], `goal_ids` JSON (empty: every goal), `disclosure` what other
 *   organisations see (`exists`: that it exists and until when; `limits`: its
 *   limits and goals as well). Ending a mandate early sets `valid_until`.
 * - `mandate_versions`: every version kept whole (who, when, a snapshot), the
 *   history.
 * - `home_approvals`: one request per commitment that went beyond
 *   the mandate: open → approved | declined | withdrawn, with who decided,
 *   when and why. `reasons` is JSON (what exceeded the mandate; home data).
 * - `home_capacity`: what the home side can invest per unit and month or
 *   quarter.
 * - `commitments.committed_at`: when it became committed (what a period's use
 *   of a mandate counts).
 * - `networks.approval_days`: the network's agreed time for a home decision;
 *   requests waiting longer are flagged.
 */
export const mandates: Migration = {
  id: 9,
  name: 'mandates',
  up: () => `
CREATE TABLE mandates (
  id TEXT PRIMARY KEY,
  network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
  organisation_id TEXT NOT NULL REFERENCES organisations(id),
  representative_id TEXT REFERENCES users(id),
  version INTEGER NOT NULL,
  valid_from TEXT NOT NULL,
  valid_until TEXT,
  limits TEXT NOT NULL DEFAULT '[]',
  goal_ids TEXT NOT NULL DEFAULT '[]',
  scope_note TEXT NOT NULL DEFAULT '',
  disclosure TEXT NOT NULL DEFAULT 'exists',
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  updated_by TEXT NOT NULL REFERENCES users(id),
  updated_at BIGINT NOT NULL
);
CREATE INDEX mandates_org ON mandates(network_id, organisation_id, valid_from);
CREATE TABLE mandate_versions (
  mandate_id TEXT NOT NULL REFERENCES mandates(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  snapshot TEXT NOT NULL,
  changed TEXT NOT NULL DEFAULT '[]',
  changed_by TEXT NOT NULL REFERENCES users(id),
  changed_at BIGINT NOT NULL,
  PRIMARY KEY (mandate_id, version)
);
CREATE TABLE home_approvals (
  id TEXT PRIMARY KEY,
  network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
  organisation_id TEXT NOT NULL REFERENCES organisations(id),
  commitment_id TEXT REFERENCES commitments(id),
  mandate_id TEXT REFERENCES mandates(id),
  reasons TEXT NOT NULL DEFAULT '[]',
  status TEXT NOT NULL,
  requested_by TEXT NOT NULL REFERENCES users(id),
  requested_at BIGINT NOT NULL,
  decided_by TEXT REFERENCES users(id),
  decided_at BIGINT,
  reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX home_approvals_org ON home_approvals(network_id, organisation_id, requested_at);
CREATE INDEX home_approvals_commitment ON home_approvals(commitment_id);
CREATE TABLE home_capacity (
  network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
  organisation_id TEXT NOT NULL REFERENCES organisations(id),
  unit TEXT NOT NULL,
  period TEXT NOT NULL,
  amount_milli BIGINT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  updated_by TEXT NOT NULL REFERENCES users(id),
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (network_id, organisation_id, unit)
);
ALTER TABLE commitments ADD COLUMN committed_at BIGINT;
UPDATE commitments SET committed_at = updated_at WHERE status IN ('committed', 'delivered');
CREATE INDEX commitments_org_committed ON commitments(network_id, organisation_id, unit, committed_at);
ALTER TABLE networks ADD COLUMN approval_days INTEGER NOT NULL DEFAULT 14;
`,
};
