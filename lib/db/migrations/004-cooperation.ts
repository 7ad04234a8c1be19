import type { Migration } from './types';

/**
 * Cooperation records: shared goals (their accountable parts; the description
 * text itself is collaborative, in the commons document), revisions, ratings,
 * comments, the give/take ledger, the network's own units, and commitments.
 *
 * Amounts are stored as integer thousandths (`amount_milli`) so sums are exact
 * on both databases. Calendar dates (target, entry date, due date) are TEXT
 * `YYYY-MM-DD`, which sorts and compares correctly as text.
 */
export const cooperation: Migration = {
  id: 4,
  name: 'cooperation',
  up: () => `
CREATE TABLE goals (
  id TEXT PRIMARY KEY,
  network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  why_together TEXT NOT NULL DEFAULT '',  -- why none of us can reach this alone
  description TEXT NOT NULL DEFAULT '',   -- last saved plain-text version of the collaborative text
  status TEXT NOT NULL,                   -- proposed | pilot | active | achieved | revised | dropped
  target_date TEXT,                       -- YYYY-MM-DD
  indicators TEXT NOT NULL DEFAULT '[]',  -- JSON [{id,label,unit,target,current}]
  version INTEGER NOT NULL DEFAULT 1,
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  search_text TEXT NOT NULL DEFAULT ''    -- lower-cased title + why + description, for the board search
);
CREATE INDEX goals_network_status ON goals(network_id, status, target_date);
CREATE INDEX goals_network_updated ON goals(network_id, updated_at);

CREATE TABLE goal_organisations (
  goal_id TEXT NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
  organisation_id TEXT NOT NULL REFERENCES organisations(id),
  PRIMARY KEY (goal_id, organisation_id)
);
CREATE INDEX goal_organisations_org ON goal_organisations(organisation_id, goal_id);

-- Every version of a goal: status, target, indicators and text as they were after the change.
CREATE TABLE goal_revisions (
  id TEXT PRIMARY KEY,
  goal_id TEXT NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  actor_id TEXT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  changed TEXT NOT NULL,                  -- JSON list of changed fields
  snapshot TEXT NOT NULL,                 -- JSON {title, whyTogether, description, status, targetDate, indicators}
  restored_from INTEGER,                  -- version restored, when this version is a restore
  UNIQUE (goal_id, version)
);

-- One rating per organisation and goal, changed in place (the activity log keeps the history).
CREATE TABLE goal_ratings (
  goal_id TEXT NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
  organisation_id TEXT NOT NULL REFERENCES organisations(id),
  attractive INTEGER NOT NULL,            -- 1..5 attractive & visionary
  concrete INTEGER NOT NULL,              -- 1..5 concrete & realistic
  flexible INTEGER NOT NULL,              -- 1..5 flexible
  comment TEXT NOT NULL DEFAULT '',
  rated_by TEXT NOT NULL REFERENCES users(id),
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (goal_id, organisation_id)
);
CREATE INDEX goal_ratings_org ON goal_ratings(organisation_id);

CREATE TABLE goal_comments (
  id TEXT PRIMARY KEY,
  goal_id TEXT NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
  author_id TEXT NOT NULL REFERENCES users(id),
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX goal_comments_goal ON goal_comments(goal_id, created_at);

-- Units a network names for itself, beyond the built-in ones.
CREATE TABLE network_units (
  network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
  unit_key TEXT NOT NULL,                 -- 'custom:<slug>'
  label TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (network_id, unit_key)
);

-- The give/take ledger. Append-only for confirmed entries: a correction is a new entry with reverses_id.
CREATE TABLE ledger_entries (
  id TEXT PRIMARY KEY,
  network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,                     -- give | take | share
  giver_org_id TEXT REFERENCES organisations(id),     -- NULL: the network as a whole
  receiver_org_id TEXT REFERENCES organisations(id),  -- NULL: the network as a whole
  recorder_org_id TEXT NOT NULL REFERENCES organisations(id),
  counterparty_org_id TEXT REFERENCES organisations(id), -- the side that confirms; NULL: network management
  unit TEXT NOT NULL,
  amount_milli BIGINT NOT NULL,           -- thousandths; negative only for a reversing entry
  occurred_on TEXT NOT NULL,              -- YYYY-MM-DD
  description TEXT NOT NULL DEFAULT '',
  goal_id TEXT REFERENCES goals(id),
  status TEXT NOT NULL,                   -- pending | confirmed | disputed | reversed
  response_comment TEXT NOT NULL DEFAULT '',
  responded_by TEXT REFERENCES users(id),
  responded_at BIGINT,
  reverses_id TEXT UNIQUE REFERENCES ledger_entries(id),
  recorded_by TEXT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  idempotency_key TEXT,
  UNIQUE (network_id, idempotency_key)
);
CREATE INDEX ledger_network_date ON ledger_entries(network_id, occurred_on, created_at);
CREATE INDEX ledger_giver ON ledger_entries(giver_org_id, occurred_on);
CREATE INDEX ledger_receiver ON ledger_entries(receiver_org_id, occurred_on);
CREATE INDEX ledger_network_status ON ledger_entries(network_id, status, unit);
CREATE INDEX ledger_goal ON ledger_entries(goal_id);

CREATE TABLE commitments (
  id TEXT PRIMARY KEY,
  network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
  goal_id TEXT NOT NULL REFERENCES goals(id),
  organisation_id TEXT NOT NULL REFERENCES organisations(id),
  unit TEXT NOT NULL,
  amount_milli BIGINT NOT NULL,
  due_on TEXT NOT NULL,                   -- YYYY-MM-DD
  note TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,                   -- proposed | awaiting_home_approval | committed | delivered | withdrawn
  committed_by TEXT NOT NULL REFERENCES users(id), -- the representative who made it
  withdraw_reason TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  delivered_at BIGINT,
  idempotency_key TEXT,
  UNIQUE (network_id, idempotency_key)
);
CREATE INDEX commitments_network_due ON commitments(network_id, status, due_on);
CREATE INDEX commitments_goal ON commitments(goal_id);
CREATE INDEX commitments_org ON commitments(organisation_id, status, due_on);

-- Ledger entries that show a commitment was delivered.
CREATE TABLE commitment_evidence (
  commitment_id TEXT NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
  entry_id TEXT NOT NULL REFERENCES ledger_entries(id),
  PRIMARY KEY (commitment_id, entry_id)
);

CREATE INDEX activity_network_kind ON activity(network_id, kind, id);
`,
};
