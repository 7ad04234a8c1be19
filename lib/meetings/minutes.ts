import * as Y from 'yjs';
import type { Db, Queryable } from '../db/types';
import { lockDocument } from '../documents/lock-document';
import type { Actor } from '../policies';
import { writeDocument } from '../realtime/server-write';
import { newItemId } from './agenda-items';
import type { DecisionRow, LoadedMeeting, VoteRow } from './records';

/**
 * What the server writes into a meeting's document, never by editing
 * someone's words:
 * - adopted decisions (and texts a manager adopted) are appended to the
 *   document's `decisions` part — the decided part of the minutes — which is
 *   locked for every client from the meeting's scheduling on, so only the
 *   server writes there (lib/documents locks, enforced by the realtime server);
 * - published minutes: `agenda` and `minutes` are locked for good, on top of
 *   the meeting's state, which already makes everyone a reader.
 * Both go through lib/realtime/server-write.ts and lib/documents, inside the
 * command's transaction when it passes `q`, so the record and the document
 * change commit together.
 */

export const DECISIONS_PART = 'decisions';

const docOf = (m: LoadedMeeting | { id: string; networkId: string }) =>
  'row' in m ? `meeting.${m.row.network_id}.${m.row.id}` : `meeting.${m.networkId}.${m.id}`;

function paragraphs(lines: string[], itemIds?: string[]): Y.XmlElement[] {
  return lines.map((line, i) => {
    const p = new Y.XmlElement('paragraph');
    if (itemIds) p.setAttribute('itemId', itemIds[i]);
    const t = new Y.XmlText();
    t.insert(0, line);
    p.insert(0, [t]);
    return p;
  });
}

/**
 * When a decision was taken, as the decided part (read in both languages) says it: day and time in the
 * network's time zone, "9.11.2026, 17:50" — never an ISO timestamp in UTC.
 */
export function decidedAt(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('de-AT', {
    timeZone,
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
}

/** The lines a decision is written into the minutes with (both languages: the minutes are the network's). */
export function decisionLines(
  d: Pick<DecisionRow, 'title' | 'body' | 'method' | 'outcome'>,
  votes: Pick<VoteRow, 'organisation_name' | 'choice' | 'objection' | 'changed_at'>[],
  at: number,
  timeZone = 'Europe/Vienna',
): string[] {
  const when = decidedAt(at, timeZone);
  const lines = [`Beschluss / Decision: ${d.title}`];
  if (d.body) lines.push(d.body);
  if (d.method === 'adopted') lines.push(`Als beschlossen übernommen / Adopted as decided (${when}): ${d.outcome}`);
  else if (d.method === 'poll') lines.push(`Umfrage / Poll (${when}): ${d.outcome}`);
  else lines.push(`Im Konsent angenommen / Adopted by consent (${when})`);
  if (votes.length)
    lines.push(
      votes
        .map((v) => {
          const choice = v.choice === 'consent' ? 'Zustimmung / consent' : v.choice;
          return v.objection && v.changed_at
            ? `${v.organisation_name}: ${choice} (Einwand zurückgezogen / objection withdrawn)`
            : `${v.organisation_name}: ${choice}`;
        })
        .join(' · '),
    );
  return lines;
}

/** Appends an adopted decision to the meeting document's decided part (server-written). */
export async function writeDecisionIntoMinutes(
  q: Queryable,
  m: LoadedMeeting,
  d: DecisionRow,
  votes: VoteRow[],
  actorId: string | null,
  at: number,
): Promise<void> {
  const lines = decisionLines(d, votes, at, m.timeZone);
  await writeDocument(
    docOf(m),
    (doc) => doc.getXmlFragment(DECISIONS_PART).push(paragraphs(lines)),
    // No person closes a proposal at its closing time: the row then names nobody.
    { actorId: actorId as string, networkId: m.row.network_id, reason: `decision ${d.id} adopted` },
    { q },
  );
}

/**
 * Appends paragraphs to `agenda` or `minutes` by a server-written change (the
 * demo, tests). Agenda lines get an item id each, as the agenda editor gives
 * them (lib/meetings/agenda-items.ts), so they can be commented on; returns
 * the ids (empty for the minutes).
 */
export async function writeMeetingText(
  db: Db,
  m: { id: string; networkId: string; createdBy: string },
  root: 'agenda' | 'minutes',
  lines: string[],
): Promise<string[]> {
  const ids = root === 'agenda' ? lines.map(() => newItemId()) : [];
  await writeDocument(
    docOf(m),
    (doc) => doc.getXmlFragment(root).push(paragraphs(lines, root === 'agenda' ? ids : undefined)),
    { actorId: m.createdBy, networkId: m.networkId, reason: `meeting ${root}` },
    { db },
  );
  return ids;
}

/** From scheduling on, only the server writes the decided part (clients' updates to it are refused). */
export async function lockDecisionsPart(
  q: Queryable,
  db: Db,
  actor: Actor,
  networkId: string,
  meetingId: string,
  now = Date.now(),
) {
  await lockDocument(
    db,
    actor,
    networkId,
    {
      doc: `meeting.${networkId}.${meetingId}`,
      part: DECISIONS_PART,
      reason: 'Beschlüsse schreibt nur der Server / decisions are written by the server only',
      endsAt: null,
    },
    { q, asCommand: true, now },
  );
}

/** Published minutes are locked for good (agenda and minutes). */
export async function lockPublishedMinutes(
  q: Queryable,
  db: Db,
  actor: Actor,
  m: LoadedMeeting,
  now = Date.now(),
): Promise<void> {
  for (const part of ['agenda', 'minutes'])
    await lockDocument(
      db,
      actor,
      m.row.network_id,
      {
        doc: docOf(m),
        part,
        reason: 'Protokoll genehmigt und veröffentlicht / minutes approved and published',
        endsAt: null,
      },
      { q, asCommand: true, now },
    );
}
