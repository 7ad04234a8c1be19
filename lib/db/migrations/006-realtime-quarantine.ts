import type { Migration } from './types';

/**
 * Realtime recovery: a document whose stored snapshot or log rows do not load
 * is rebuilt from what does load; what does not is moved here with the
 * reason (never deleted), so an operator can look at it. See docs/realtime.md.
 */
export const realtimeQuarantine: Migration = {
  id: 6,
  name: 'realtime-quarantine',
  up: (t) => `
CREATE TABLE yjs_quarantine (
  id ${t.serialPk},
  doc TEXT NOT NULL,
  -- 'update' (a yjs_updates row) or 'snapshot' (the yjs_snapshots row)
  source TEXT NOT NULL,
  -- the yjs_updates id, or the snapshot's upto_id
  source_id BIGINT NOT NULL,
  data ${t.bytes} NOT NULL,
  reason TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX yjs_quarantine_doc ON yjs_quarantine(doc, id);
`,
};
