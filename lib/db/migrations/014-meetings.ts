import type { Migration } from './types';

/**
 * Meetings and decisions (issue 12; lib/meetings, docs/meetings.md).
 *
 * - `networks.meetings_by_representatives`: 1 when any active representative
 *   may schedule a meeting (else only network managers).
 * - `meetings`: one meeting: title, time (UTC milliseconds; shown in the
 *   network's time zone), place and/or online link, its state
 *   (scheduled → live → approval → published; or cancelled) and an
 *   iCalendar SEQUENCE that grows with every change of time or place. Its
 *   agenda and minutes are the collaborative document
 *   `meeting.<networkId>.<meetingId>`, which exists only while this row does.
 * - `meeting_organisations`: the invited organisations, whether each attended
 *   (recorded by the moderator) and its answer to the minutes (approved or
 *   objected, with the objection's words).
 * - `decisions`: a proposal (often an agenda item) decided by the invited
 *   organisations, by consent (objections stop it) or a poll, with a closing
 *   time; its outcome when closed. `method = 'adopted'` is a text a manager
 *   adopted as decided (moderation), with the reason.
 * - `decision_votes`: one voice per organisation and decision.
 * - `meeting_action_items`: an action item of the minutes that became a
 *   commitment of an organisation.
 * - `meeting_edits`: per meeting and organisation, how many Yjs items and
 *   characters its people's accepted updates added (facilitation).
 * - `meeting_clients`: which Yjs client id wrote for which organisation.
 * - `calendar_feeds`: a person's secret iCal feed address (its sha256 only);
 *   renewing revokes the old one, which is kept to answer it clearly.
 */
export const meetings: Migration = {
  id: 14,
  name: 'meetings',
  up: () => `
ALTER TABLE networks ADD COLUMN meetings_by_representatives INTEGER NOT NULL DEFAULT 0;
CREATE TABLE meetings (
  id TEXT PRIMARY KEY,
  network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  starts_at BIGINT NOT NULL,
  ends_at BIGINT NOT NULL,
  place TEXT NOT NULL DEFAULT '',
  online_url TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,                   -- scheduled | live | approval | published | cancelled
  sequence INTEGER NOT NULL DEFAULT 0,    -- iCalendar SEQUENCE
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  started_at BIGINT,
  ended_at BIGINT,
  published_at BIGINT,
  cancel_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX meetings_network_start ON meetings(network_id, starts_at);

CREATE TABLE meeting_organisations (
  meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  organisation_id TEXT NOT NULL REFERENCES organisations(id),
  attended INTEGER NOT NULL DEFAULT 0,
  attendance_by TEXT REFERENCES users(id),
  attendance_at BIGINT,
  approval TEXT,                          -- NULL | approved | objected
  objection TEXT NOT NULL DEFAULT '',
  approval_by TEXT REFERENCES users(id),
  approval_at BIGINT,
  PRIMARY KEY (meeting_id, organisation_id)
);
CREATE INDEX meeting_organisations_org ON meeting_organisations(organisation_id, meeting_id);

CREATE TABLE decisions (
  id TEXT PRIMARY KEY,
  meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
  agenda_item TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  method TEXT NOT NULL,                   -- consent | poll | adopted
  options TEXT NOT NULL DEFAULT '[]',     -- JSON: a poll's options
  closes_at BIGINT NOT NULL,
  status TEXT NOT NULL,                   -- open | adopted | rejected | closed
  outcome TEXT NOT NULL DEFAULT '',       -- a poll's winning option; why a text was adopted
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  closed_at BIGINT,
  closed_by TEXT REFERENCES users(id)
);
CREATE INDEX decisions_meeting ON decisions(meeting_id, created_at);

CREATE TABLE decision_votes (
  decision_id TEXT NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
  organisation_id TEXT NOT NULL REFERENCES organisations(id),
  choice TEXT NOT NULL,                   -- consent | object | a poll option
  objection TEXT NOT NULL DEFAULT '',
  voted_by TEXT NOT NULL REFERENCES users(id),
  voted_at BIGINT NOT NULL,
  changed_at BIGINT,
  PRIMARY KEY (decision_id, organisation_id)
);

CREATE TABLE meeting_action_items (
  commitment_id TEXT PRIMARY KEY REFERENCES commitments(id),
  meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX meeting_action_items_meeting ON meeting_action_items(meeting_id);

-- Facilitation: how much of the meeting document each organisation wrote (Yjs items and characters
-- of accepted updates, attributed by the realtime server to the connection's person).
CREATE TABLE meeting_edits (
  meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  organisation_id TEXT NOT NULL,
  units BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (meeting_id, organisation_id)
);

-- Which Yjs client id wrote for which organisation (a client id belongs to one browser session), so an agenda
-- item is attributed to the organisation whose person started it.
CREATE TABLE meeting_clients (
  meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  client_id BIGINT NOT NULL,
  organisation_id TEXT NOT NULL,
  PRIMARY KEY (meeting_id, client_id)
);

CREATE TABLE calendar_feeds (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  revoked_at BIGINT
);
CREATE INDEX calendar_feeds_user ON calendar_feeds(user_id, revoked_at);
`,
};
