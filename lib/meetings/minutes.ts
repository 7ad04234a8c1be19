import type { LoadedMeeting, DecisionRow, VoteRow } from './records';

/**
 * The minutes as the server writes them: an adopted decision is appended to
 * the meeting document's `minutes` by a server-written change (never by
 * editing someone's words), and published minutes are locked.
 */
export function decisionLines(
  d: DecisionRow,
  votes: Pick<VoteRow, 'organisation_name' | 'choice'>[],
  at: number,
): string[] {
  const when = new Date(at).toISOString().slice(0, 16).replace('T', ' ');
  const lines = [`Beschluss / Decision: ${d.title}`];
  if (d.body) lines.push(d.body);
  if (d.method === 'adopted') lines.push(`Als beschlossen übernommen / Adopted as decided (${when} UTC): ${d.outcome}`);
  else if (d.method === 'poll') lines.push(`Umfrage / Poll → ${d.outcome} (${when} UTC)`);
  else lines.push(`Konsent / Consent (${when} UTC)`);
  if (votes.length) lines.push(votes.map((v) => `${v.organisation_name}: ${v.choice}`).join(' · '));
  return lines;
}

export async function writeDecisionIntoMinutes(
  _m: LoadedMeeting,
  _d: DecisionRow,
  _votes: VoteRow[],
  _actorId: string | null,
  _at: number,
): Promise<void> {
  // Wired to lib/realtime/server-write.ts once it is on main.
}

export async function lockMinutes(_m: LoadedMeeting, _actorId: string): Promise<void> {
  // Published minutes are read-only through the meeting's state (lib/policies/meeting.ts, writeDocument);
  // the document lock of lib/realtime is added once it is on main.
}

/** Appends paragraphs to the meeting document's `agenda` or `minutes` by a server-written change (the demo, adopted decisions). */
export async function writeMeetingText(
  _db: unknown,
  _m: { id: string; networkId: string },
  _root: 'agenda' | 'minutes',
  _lines: string[],
): Promise<void> {
  // Wired to lib/realtime/server-write.ts once it is on main.
}
