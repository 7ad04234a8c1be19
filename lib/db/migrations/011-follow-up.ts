import type { Migration } from './types';

/**
 * Follow-up between meetings (issue 11; docs/follow-up.md).
 *
 * - `comments`: one comments model for every subject (goals, ledger entries,
 *   commitments, agenda items; `lib/comments/subjects.ts`). The goal comments
 *   of migration 004 move here (ids, authors and times kept) and their table
 *   goes. A comment is deleted by its author (`deleted_at`, the row stays for
 *   the audit log) or hidden by a network manager with a reason (`hidden_*`,
 *   restorable).
 * - `comment_mentions`: who a comment mentions (members only).
 * - `notifications`: what needs a person in the app (a mention today), read
 *   when they mark it seen, `emailed_at` once mailed (at once or in a digest).
 * - `seen_markers`: per person and network, the last activity row they have
 *   seen ("what changed since I last looked").
 * - `notification_prefs`: per person and kind, the channel (app, email,
 *   digest, off); a missing row is the default (lib/notifications/prefs.ts).
 * - `digest_settings`: per person, daily/weekly/off, local time, weekday, zone.
 * - `digest_marks`: per person and network, the last activity row a digest
 *   covered, so no digest repeats an item.
 */
export const followUp: Migration = {
  id: 11,
  name: 'follow-up',
  up: () => `
CREATE TABLE comments (
  id TEXT PRIMARY KEY,
  network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
  subject_type TEXT NOT NULL,             -- goal | ledger_entry | commitment | agenda_item
  subject_id TEXT NOT NULL,
  author_id TEXT NOT NULL REFERENCES users(id),
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  edited_at BIGINT,
  deleted_at BIGINT,
  hidden_at BIGINT,
  hidden_by TEXT REFERENCES users(id),
  hidden_reason TEXT
);
CREATE INDEX comments_subject ON comments(subject_type, subject_id, created_at);
CREATE INDEX comments_network ON comments(network_id, created_at);
INSERT INTO comments (id, network_id, subject_type, subject_id, author_id, body, created_at)
  SELECT c.id, g.network_id, 'goal', c.goal_id, c.author_id, c.body, c.created_at
    FROM goal_comments c JOIN goals g ON g.id = c.goal_id;
DROP TABLE goal_comments;

CREATE TABLE comment_mentions (
  comment_id TEXT NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id),
  PRIMARY KEY (comment_id, user_id)
);

CREATE TABLE notifications (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,                     -- mention
  actor_id TEXT REFERENCES users(id),
  subject_type TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  comment_id TEXT,
  href TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  read_at BIGINT,
  emailed_at BIGINT,
  UNIQUE (user_id, kind, comment_id)
);
CREATE INDEX notifications_user ON notifications(user_id, network_id, read_at, created_at);

CREATE TABLE seen_markers (
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
  activity_id BIGINT NOT NULL,
  seen_at BIGINT NOT NULL,
  PRIMARY KEY (user_id, network_id)
);

CREATE TABLE notification_prefs (
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  channel TEXT NOT NULL,                  -- app | email | digest | off
  PRIMARY KEY (user_id, kind)
);

CREATE TABLE digest_settings (
  user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  frequency TEXT NOT NULL,                -- daily | weekly | off
  send_at TEXT NOT NULL,                  -- HH:MM local
  weekday INTEGER NOT NULL,               -- 1 (Monday) … 7, for weekly
  time_zone TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE digest_marks (
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
  activity_id BIGINT NOT NULL,
  sent_at BIGINT NOT NULL,
  PRIMARY KEY (user_id, network_id)
);
CREATE INDEX activity_network_actor ON activity(network_id, actor_id, id);
`,
};
