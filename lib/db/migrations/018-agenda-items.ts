import type { Migration } from './types';

/**
 * Agenda items people commented on (issues 11 and 12; lib/meetings/agenda-comments.ts).
 *
 * An agenda item lives in the meeting's collaborative document (`agenda`), where
 * the editor gives each paragraph or heading a random `itemId`; a comment's
 * subject is `<meetingId>:<itemId>` and is checked against the stored document.
 * This table remembers, per meeting and item, the item's words as last seen
 * there (written when someone comments or reads its comments), so an item
 * removed from the agenda keeps its comments reachable from the meeting
 * under the words it had. It is a memory of the document, never a second
 * agenda: the document decides whether an item is on the agenda now.
 */
export const agendaItems: Migration = {
  id: 18,
  name: 'agenda-items',
  up: () => `
CREATE TABLE meeting_agenda_items (
  meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  item_id TEXT NOT NULL,
  network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  first_seen_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  PRIMARY KEY (meeting_id, item_id)
);
`,
};
