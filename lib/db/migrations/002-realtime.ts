import type { Migration } from './types';

/** Realtime: connection tickets, the Yjs update log and snapshots. */
export const realtime: Migration = {
  id: 2,
  name: 'realtime',
  up: (t) => `
-- Single-use websocket tickets (only the sha256 is stored), bound to a user and a document.
CREATE TABLE realtime_tickets (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  doc TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
);
CREATE INDEX realtime_tickets_expires ON realtime_tickets(expires_at);

-- Append-only log of accepted document updates (the server doc's own re-encoding, Yjs V1).
CREATE TABLE yjs_updates (
  id ${t.serialPk},
  doc TEXT NOT NULL,
  data ${t.bytes} NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX yjs_updates_doc ON yjs_updates(doc, id);

-- One snapshot per document: encodeStateAsUpdate covering every log row with id <= upto_id.
CREATE TABLE yjs_snapshots (
  doc TEXT PRIMARY KEY,
  data ${t.bytes} NOT NULL,
  upto_id BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
`,
};
