import type { Migration } from './types';

/** Accounts, networks, organisations, memberships, invitations, the activity log. */
export const core: Migration = {
  id: 1,
  name: 'core',
  up: (t) => `
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,            -- lower-cased, trimmed
  name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  locale TEXT NOT NULL DEFAULT 'en',     -- 'en' | 'de'
  session_version INTEGER NOT NULL DEFAULT 1, -- bumped to end every session of the user
  created_at BIGINT NOT NULL
);

CREATE TABLE password_resets (
  token_hash TEXT PRIMARY KEY,           -- sha256 of the emailed token
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
);

-- Failed sign-ins, counted per key ('acct:<email>|<ip>' or 'ip:<ip>').
CREATE TABLE login_throttle (
  key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  window_start BIGINT NOT NULL,
  blocked_until BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE networks (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  purpose TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL
);

CREATE TABLE organisations (
  id TEXT PRIMARY KEY,
  network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,                -- lower-cased, spaces folded: unique per network
  kind TEXT NOT NULL,                    -- ngo | nonprofit | public | company | cluster | other
  website TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'active', -- active | paused | left
  created_at BIGINT NOT NULL,
  status_changed_at BIGINT NOT NULL,
  UNIQUE (network_id, name_key)
);

-- One membership per person and network. Removal keeps the row (history) with removed_at set.
CREATE TABLE memberships (
  id TEXT PRIMARY KEY,
  network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id),
  role TEXT NOT NULL,                    -- manager | representative | home_member | observer | adviser
  organisation_id TEXT REFERENCES organisations(id),
  created_at BIGINT NOT NULL,
  removed_at BIGINT,
  UNIQUE (network_id, user_id)
);
CREATE INDEX memberships_user ON memberships(user_id);

CREATE TABLE invitations (
  id TEXT PRIMARY KEY,
  network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,       -- sha256 of the token in the link
  email TEXT,                            -- set when sent by email
  role TEXT NOT NULL,
  organisation_id TEXT REFERENCES organisations(id),
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  revoked_at BIGINT,
  accepted_at BIGINT,
  accepted_by TEXT REFERENCES users(id)
);
CREATE INDEX invitations_network ON invitations(network_id);

-- Everything that happens, for the activity log and change feeds.
CREATE TABLE activity (
  id ${t.serialPk},
  network_id TEXT,
  actor_id TEXT,
  kind TEXT NOT NULL,                    -- e.g. 'organisation.created'
  subject_id TEXT,
  data TEXT NOT NULL DEFAULT '{}',       -- JSON
  created_at BIGINT NOT NULL
);
CREATE INDEX activity_network ON activity(network_id, id);
`,
};
