import type { Migration } from './types';

/**
 * Revocation of realtime tickets: each ticket carries the session version it
 * was minted under (`users.session_version`); the realtime server admits it
 * only while that is still the person's current version, so "sign out
 * everywhere" and a password change void every outstanding ticket. Tickets
 * from before this migration (NULL) admit no one; they live 60 s anyway.
 */
export const activity: Migration = {
  id: 7,
  name: 'activity',
  up: () => `
ALTER TABLE realtime_tickets ADD COLUMN session_version BIGINT;
`,
};
