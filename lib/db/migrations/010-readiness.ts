import type { Migration } from './types';

/**
 * The readiness check, the management mandate (concepts 3 and 4;
 * lib/readiness, lib/management, docs/readiness-and-report.md).
 *
 * - `readiness_checks`: one row per check an organisation's person answered:
 *   the seven "when not to invest" statements, each on a scale 1–5 with a
 *   note (`answers`, JSON, lib/readiness/questions.ts), dated. Private to the
 *   organisation; `shared_at` set when it shares the summary (verdict and the
 *   statements that apply, never the notes) with the network.
 * - `management_mandates`: the network management's mandate, one row per
 *   version (a change is a new row; the newest is the one in force): who gave
 *   it, its resources (JSON [{unit, amount, per}]), its authority, its tasks
 *   (JSON list), valid from/until. `expiry_warned_at`: the scheduled job warned
 *   that it is about to end (once per version).
 */
export const readiness: Migration = {
  id: 10,
  name: 'readiness',
  up: () => `
CREATE TABLE readiness_checks (
  id TEXT PRIMARY KEY,
  network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
  organisation_id TEXT NOT NULL REFERENCES organisations(id),
  answered_on TEXT NOT NULL,              -- YYYY-MM-DD
  answers TEXT NOT NULL,                  -- JSON [{question, score 1..5, note}]
  against_count INTEGER NOT NULL,         -- statements that apply (score >= 4)
  average_milli INTEGER NOT NULL,         -- mean score, thousandths
  verdict TEXT NOT NULL,                  -- invest | caution | against
  answered_by TEXT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  shared_at BIGINT,
  shared_by TEXT REFERENCES users(id)
);
CREATE INDEX readiness_checks_org ON readiness_checks(network_id, organisation_id, answered_on, created_at);

CREATE TABLE management_mandates (
  id TEXT PRIMARY KEY,
  network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  given_by TEXT NOT NULL,                 -- who gave it, in words
  resources TEXT NOT NULL,                -- JSON [{unit, amount, per}]
  authority TEXT NOT NULL,                -- what the management may decide alone
  tasks TEXT NOT NULL,                    -- JSON list of tasks
  valid_from TEXT NOT NULL,               -- YYYY-MM-DD
  valid_until TEXT NOT NULL,              -- YYYY-MM-DD
  note TEXT NOT NULL DEFAULT '',
  set_by TEXT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  expiry_warned_at BIGINT,
  UNIQUE (network_id, version)
);
`,
};
