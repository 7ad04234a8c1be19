import type { Migration } from './types';

/**
 * The realtime server's safety-net poll for server-written changes
 * (`DocStore.serverWritesSince`, every 5 s on the event loop) asks for the rows
 * with `origin = 'server'` after a watermark. Without an index on `origin` it
 * read every row of the update log that was not compacted yet (up to about
 * 1,000 per busy document): 21 ms at 100,000 rows in SQLite, a stall of every
 * room on the server every 5 s. The index is partial: client updates
 * (origin NULL, nearly every row) are not in it, so appending them costs
 * nothing more.
 */
export const serverWriteIndex: Migration = {
  id: 20,
  name: 'server-write-index',
  up: () => `
CREATE INDEX yjs_updates_server_writes ON yjs_updates(origin, id) WHERE origin IS NOT NULL;
`,
};
