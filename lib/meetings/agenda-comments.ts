import * as Y from 'yjs';
import { registerCommentSubject, type CommentSubjectInfo } from '../comments/subjects';
import type { Queryable } from '../db/types';
import { commentPolicy, type Actor } from '../policies';
import { meetingPolicy, type MeetingRecord } from '../policies/meeting';
import { readStoredRows, toU8 } from '../realtime/doc-storage';
import { agendaBlocks, ITEM_ID } from './agenda-items';
import { findMeeting, meetingRecord, type LoadedMeeting } from './records';

/**
 * Comments on agenda items (docs/meetings.md, "Comments on agenda items").
 *
 * The agenda lives in the meeting's collaborative document, so the server
 * checks an item where the realtime server stores it: the stored document,
 * read through the same path as every server read (`readStoredRows`), is
 * decoded and its items listed (lib/meetings/agenda-items.ts). A comment's
 * subject is `<meetingId>:<itemId>`; it is found when the meeting is in the
 * network and the item is on its stored agenda, or — once commented — when the
 * item was removed from the agenda since: `meeting_agenda_items` remembers the
 * words of every item people commented on or read the comments of, so those
 * comments stay reachable from the meeting ("no longer on the agenda"). An
 * item that was never stored, of another meeting or of another network's
 * meeting is not found (404).
 *
 * Why not a server-side list of items: the agenda is co-edited live, offline
 * too, and merges as a CRDT; a second list kept beside it would drift, and
 * refusing to delete commented items would mean refusing merged updates.
 */

type AgendaSubjectInfo = CommentSubjectInfo & { meeting: MeetingRecord; removed: boolean };

const short = (s: string) => (s.length > 80 ? `${s.slice(0, 79)}…` : s);
const SUBJECT = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):([A-Za-z0-9_-]{8,64})$/;

/** The subject id's meeting and item, or null when it is not one. */
export function parseAgendaSubject(subjectId: string): { meetingId: string; itemId: string } | null {
  const m = SUBJECT.exec(subjectId);
  return m && ITEM_ID.test(m[2]) ? { meetingId: m[1], itemId: m[2] } : null;
}

/** The agenda as stored (what the realtime server accepted), with each item's id, words and writer. */
export async function readStoredAgenda(q: Queryable, networkId: string, meetingId: string) {
  const { snap, rows } = await readStoredRows(q, `meeting.${networkId}.${meetingId}`);
  const doc = new Y.Doc();
  try {
    if (snap) Y.applyUpdate(doc, toU8(snap.data));
    for (const r of rows) Y.applyUpdate(doc, toU8(r.data));
    return agendaBlocks(doc.getXmlFragment('agenda'));
  } finally {
    doc.destroy();
  }
}

/** Remembers an item's words as last seen on the stored agenda (written only when new or changed). */
async function remember(q: Queryable, m: LoadedMeeting, itemId: string, title: string, now = Date.now()) {
  const known = await q.get<{ title: string }>(
    'SELECT title FROM meeting_agenda_items WHERE meeting_id = ? AND item_id = ?',
    [m.row.id, itemId],
  );
  if (known?.title === title) return;
  await q.run(
    `INSERT INTO meeting_agenda_items (meeting_id, item_id, network_id, title, first_seen_at, last_seen_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (meeting_id, item_id) DO UPDATE SET title = excluded.title, last_seen_at = excluded.last_seen_at`,
    [m.row.id, itemId, m.row.network_id, title, now, now],
  );
}

registerCommentSubject('agenda_item', {
  async load(q, networkId, subjectId): Promise<AgendaSubjectInfo | null> {
    const ref = parseAgendaSubject(subjectId);
    if (!ref) return null;
    const m = await findMeeting(q, networkId, ref.meetingId);
    if (!m) return null;
    const path = `/meetings/${m.row.id}?item=${ref.itemId}`;
    const onAgenda = (await readStoredAgenda(q, networkId, m.row.id)).find((b) => b.id === ref.itemId);
    if (onAgenda) {
      await remember(q, m, ref.itemId, onAgenda.title);
      return { path, title: short(onAgenda.title), organisationIds: [], meeting: meetingRecord(m), removed: false };
    }
    const gone = await q.get<{ title: string }>(
      'SELECT title FROM meeting_agenda_items WHERE meeting_id = ? AND item_id = ?',
      [m.row.id, ref.itemId],
    );
    return gone
      ? { path, title: short(gone.title), organisationIds: [], meeting: meetingRecord(m), removed: true }
      : null;
  },
  maySee(actor, info) {
    const meeting = (info as Partial<AgendaSubjectInfo>).meeting;
    return !!meeting && meetingPolicy.can(actor, 'read', meeting);
  },
});

/**
 * For the meeting page: per agenda item (by item id) how many comments the
 * actor sees, and the items no longer on the agenda that have comments (with
 * their last words), so their discussion stays reachable.
 */
export async function agendaCommentSummary(
  q: Queryable,
  actor: Actor,
  m: LoadedMeeting,
  stored: { id: string | null }[],
): Promise<{ counts: Record<string, number>; removed: { itemId: string; title: string; comments: number }[] }> {
  const rows = await q.all<{ subject_id: string; author_id: string; hidden_at: unknown; deleted_at: unknown }>(
    `SELECT subject_id, author_id, hidden_at, deleted_at FROM comments
      WHERE network_id = ? AND subject_type = 'agenda_item' AND substr(subject_id, 1, 37) = ?`,
    [m.row.network_id, `${m.row.id}:`],
  );
  const counts: Record<string, number> = {};
  for (const r of rows) {
    const shown =
      r.hidden_at === null ||
      commentPolicy.can(actor, 'seeHidden', { networkId: m.row.network_id, authorId: r.author_id });
    if (!shown) continue;
    const itemId = r.subject_id.slice(37);
    counts[itemId] = (counts[itemId] ?? 0) + 1;
  }
  const onAgenda = new Set(stored.map((s) => s.id).filter(Boolean));
  const known = await q.all<{ item_id: string; title: string }>(
    'SELECT item_id, title FROM meeting_agenda_items WHERE meeting_id = ? ORDER BY first_seen_at, item_id',
    [m.row.id],
  );
  const removed = known
    .filter((k) => !onAgenda.has(k.item_id) && counts[k.item_id])
    .map((k) => ({ itemId: k.item_id, title: k.title, comments: counts[k.item_id] }));
  return { counts, removed };
}
