import { record } from '../activity/record';
import type { Db } from '../db/types';
import { AppError } from '../errors';
import { requireMember, type Actor } from '../policies';
import { decisionPolicy } from '../policies/decision';
import { getDecision } from './get-meeting';
import { writeDecisionIntoMinutes } from './minutes';
import {
  decisionRecord,
  loadDecision,
  loadMeeting,
  loadVotes,
  ZOptions,
  type DecisionRow,
  type VoteRow,
} from './records';

/** The outcome of a proposal's voices: consent without objection adopts; a poll's single most chosen option wins. */
export function outcomeOf(d: Pick<DecisionRow, 'method' | 'options'>, votes: Pick<VoteRow, 'choice'>[]) {
  if (!votes.length) return { status: 'closed' as const, outcome: '' };
  if (d.method === 'consent') {
    return votes.some((v) => v.choice === 'object')
      ? { status: 'rejected' as const, outcome: '' }
      : { status: 'adopted' as const, outcome: '' };
  }
  const counts = new Map<string, number>();
  for (const o of ZOptions.parse(JSON.parse(d.options))) counts.set(o, 0);
  for (const v of votes) counts.set(v.choice, (counts.get(v.choice) ?? 0) + 1);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  if (ranked.length > 1 && ranked[0][1] === ranked[1][1]) return { status: 'closed' as const, outcome: '' };
  return { status: 'adopted' as const, outcome: ranked[0][0] };
}

/**
 * A moderator closes a proposal: after its closing time, or earlier once
 * every invited organisation has given its voice. The outcome and who
 * decided how are kept; an adopted decision is written into the minutes by
 * the server.
 */
export async function closeDecision(
  db: Db,
  actor: Actor,
  networkId: string,
  meetingId: string,
  decisionId: string,
  now = Date.now(),
) {
  requireMember(actor, networkId);
  await db.tx(async (q) => {
    const m = await loadMeeting(q, networkId, meetingId);
    const d = await loadDecision(q, m.row.id, decisionId);
    decisionPolicy.authorize(actor, 'close', decisionRecord(m, d, null));
    if (d.status !== 'open') throw new AppError(409, 'meetings.errors.alreadyClosed');
    const votes = await loadVotes(q, [d.id]);
    const everyone = m.orgs.every((o) => votes.some((v) => v.organisation_id === o.organisation_id));
    if (Number(d.closes_at) > now && !everyone) throw new AppError(409, 'meetings.errors.stillOpen');
    const { status, outcome } = outcomeOf(d, votes);
    const changed = await q.run(
      `UPDATE decisions SET status = ?, outcome = ?, closed_at = ?, closed_by = ? WHERE id = ? AND status = 'open'`,
      [status, outcome, now, actor.userId, d.id],
    );
    if (!changed.changes) throw new AppError(409, 'meetings.errors.alreadyClosed');
    await record(q, {
      networkId,
      actorId: actor.userId,
      kind: 'decision.closed',
      subjectId: d.id,
      data: { meetingId: m.row.id, title: d.title, status, outcome },
      at: now,
    });
    if (status === 'adopted') await writeDecisionIntoMinutes(q, m, { ...d, status, outcome }, votes, actor.userId, now);
  });
  return getDecision(db, actor, networkId, meetingId, decisionId);
}

/**
 * The job runner's chore (`meetings.close-decisions`, every minute): proposals
 * whose closing time has passed are closed with their outcome, without a
 * person (`decision.closed_at_time`); adopted ones are written into the
 * minutes. Safe to run any number of times (only open rows change).
 */
export async function closeDueDecisions(db: Db, now = Date.now()): Promise<number> {
  const due = await db.all<{ id: string; meeting_id: string; network_id: string }>(
    "SELECT id, meeting_id, network_id FROM decisions WHERE status = 'open' AND closes_at <= ? ORDER BY closes_at LIMIT 100",
    [now],
  );
  let closed = 0;
  for (const row of due) {
    await db.tx(async (q) => {
      const m = await loadMeeting(q, row.network_id, row.meeting_id);
      const d = await loadDecision(q, m.row.id, row.id);
      const votes = await loadVotes(q, [d.id]);
      const { status, outcome } = outcomeOf(d, votes);
      const changed = await q.run(
        `UPDATE decisions SET status = ?, outcome = ?, closed_at = ? WHERE id = ? AND status = 'open'`,
        [status, outcome, now, d.id],
      );
      if (!changed.changes) return;
      closed++;
      await record(q, {
        networkId: row.network_id,
        actorId: null,
        kind: 'decision.closed_at_time',
        subjectId: d.id,
        data: { meetingId: m.row.id, title: d.title, status, outcome },
        at: now,
      });
      if (status === 'adopted') await writeDecisionIntoMinutes(q, m, { ...d, status, outcome }, votes, null, now);
    });
  }
  return closed;
}
