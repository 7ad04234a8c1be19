import type { Migration } from './types';

/**
 * Exports (lib/exports, docs/exports.md): archives made by the job runner.
 *
 * `exports` has one row per archive a person asked for: a network's full
 * archive (managers) or an organisation's own data (its people). The job
 * `exports.archive` writes the zip into DATA_DIR/exports and keeps `done` of
 * `total` up to date while it works, so the page shows progress (and still
 * does after a reload). Only `requested_by` may download it, until
 * `expires_at`; the scheduled `exports.purge` deletes the file after that.
 * `status`: pending | running | ready | failed | expired.
 */
export const exportsArchive: Migration = {
  id: 12,
  name: 'exports',
  up: () => `
CREATE TABLE exports (
  id TEXT PRIMARY KEY,
  network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
  scope TEXT NOT NULL,                    -- network | organisation
  organisation_id TEXT REFERENCES organisations(id),
  requested_by TEXT NOT NULL REFERENCES users(id),
  locale TEXT NOT NULL,                   -- en | de: headings, file names and the mail
  status TEXT NOT NULL,
  done BIGINT NOT NULL DEFAULT 0,         -- items written so far
  total BIGINT NOT NULL DEFAULT 0,        -- items to write (0 until counted)
  file_size BIGINT,
  error TEXT,
  created_at BIGINT NOT NULL,
  started_at BIGINT,
  finished_at BIGINT,
  expires_at BIGINT
);
CREATE INDEX exports_requester ON exports(network_id, requested_by, created_at);
CREATE INDEX exports_expiry ON exports(status, expires_at);
`,
};
