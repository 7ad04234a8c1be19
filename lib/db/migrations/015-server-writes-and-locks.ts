import type { Migration } from './types';

/**
 * Server-written documents and document locks (docs/realtime.md).
 *
 * - `yjs_updates.origin`: NULL for updates the realtime server accepted from a
 *   client; `'server'` for a change a command wrote (`writeDocument`,
 *   lib/realtime/server-write.ts). A room that is loaded while such a row is
 *   committed reads it from here (woken by the activity row written in the same
 *   transaction, or by its safety-net poll), and never compacts the log before
 *   it has.
 * - `document_locks`: a network manager locks a part of a collaborative
 *   document (a root such as `notes`, or one goal's text `goals/<goalId>`) until
 *   `ends_at` (NULL: until it is unlocked, e.g. approved minutes), with a
 *   reason; `unlocked_at` ends it early. A lock is in force while
 *   `unlocked_at IS NULL AND (ends_at IS NULL OR ends_at > now)`. Rows are kept
 *   as history (the activity log has who, when and why).
 */
export const serverWritesAndLocks: Migration = {
  id: 15,
  name: 'server-writes-and-locks',
  up: () => `
ALTER TABLE yjs_updates ADD COLUMN origin TEXT;
CREATE TABLE document_locks (
  id TEXT PRIMARY KEY,
  network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
  doc TEXT NOT NULL,
  part TEXT NOT NULL,
  reason TEXT NOT NULL,
  locked_by TEXT REFERENCES users(id) ON DELETE SET NULL,
  locked_at BIGINT NOT NULL,
  ends_at BIGINT,
  unlocked_by TEXT REFERENCES users(id) ON DELETE SET NULL,
  unlocked_at BIGINT
);
CREATE INDEX document_locks_doc ON document_locks(doc, ends_at);
CREATE INDEX document_locks_network ON document_locks(network_id, locked_at);
`,
};
