import { z } from 'zod';
import { record } from '../activity/record';
import { validate } from '../core/validate';
import { isUniqueViolation } from '../db/errors';
import type { Db } from '../db/types';
import { AppError } from '../errors';
import { requireMember, type Actor } from '../policies';
import { decisionPolicy } from '../policies/decision';
import { getDecision } from './get-meeting';
import { decisionRecord, loadDecision, loadMeeting, ZOptions } from './records';

export const ZVoteDecision = z.discriminatedUnion('action', [
  z.object({ action: z.literal('consent') }),
  z.object({ action: z.literal('object'), objection: z.string().trim().min(1).max(2000) }),
  z.object({ action: z.literal('choose'), option: z.string().trim().min(1).max(200) }),
  z.object({ action: z.literal('withdrawObjection') }),
]);
export type VoteDecision = z.input<typeof ZVoteDecision>;

/**
 * A representative gives their organisation's one voice on a proposal:
 * consent or an objection (with its reason), or a poll's option. A second
 * voice for the same organisation is refused; so is any voice after the
 * closing time. An objection may be withdrawn (the voice becomes consent)
 * until then.
 */
export async function voteDecision(
  db: Db,
  actor: Actor,
  networkId: string,
  meetingId: string,
  decisionId: string,
  input: VoteDecision,
  now = Date.now(),
) {
  requireMember(actor, networkId);
  const data = validate(ZVoteDecision, input);
  try {
    await db.tx(async (q) => {
      const m = await loadMeeting(q, networkId, meetingId);
      const d = await loadDecision(q, m.row.id, decisionId);
      const orgId = actor.membership?.organisationId ?? null;
      const mine = orgId
        ? await q.get<{ choice: string }>(
            'SELECT choice FROM decision_votes WHERE decision_id = ? AND organisation_id = ?',
            [d.id, orgId],
          )
        : undefined;
      const rec = decisionRecord(m, d, null);
      if (!decisionPolicy.can(actor, 'vote', rec) && actor.membership?.role === 'representative')
        throw new AppError(403, 'meetings.errors.notInvited');
      decisionPolicy.authorize(actor, data.action === 'withdrawObjection' ? 'withdrawObjection' : 'vote', rec);
      if (d.status !== 'open' || Number(d.closes_at) <= now) throw new AppError(409, 'meetings.errors.votingClosed');
      const org = m.orgs.find((o) => o.organisation_id === orgId)!;
      const base = { networkId, actorId: actor.userId, subjectId: d.id, at: now } as const;
      const named = {
        meetingId: m.row.id,
        title: d.title,
        organisationId: org.organisation_id,
        organisationName: org.name,
      };
      if (data.action === 'withdrawObjection') {
        if (mine?.choice !== 'object') throw new AppError(409, 'meetings.errors.noObjection');
        await q.run(
          `UPDATE decision_votes SET choice = 'consent', changed_at = ?, voted_by = ? WHERE decision_id = ? AND organisation_id = ?`,
          [now, actor.userId, d.id, org.organisation_id],
        );
        await record(q, { ...base, kind: 'decision.objection_withdrawn', data: named });
        return;
      }
      if (mine) throw new AppError(409, 'meetings.errors.alreadyVoted', { organisation: org.name });
      if (d.method === 'consent' && data.action === 'choose') throw new AppError(400, 'meetings.errors.consentOnly');
      if (d.method === 'poll' && data.action !== 'choose') throw new AppError(400, 'meetings.errors.pollOnly');
      if (d.method === 'adopted') throw new AppError(409, 'meetings.errors.votingClosed');
      const choice = data.action === 'choose' ? data.option : data.action;
      if (data.action === 'choose' && !ZOptions.parse(JSON.parse(d.options)).includes(data.option))
        throw new AppError(400, 'meetings.errors.unknownOption');
      const objection = data.action === 'object' ? data.objection : '';
      await q.run(
        `INSERT INTO decision_votes (decision_id, organisation_id, choice, objection, voted_by, voted_at) VALUES (?, ?, ?, ?, ?, ?)`,
        [d.id, org.organisation_id, choice, objection, actor.userId, now],
      );
      await record(q, { ...base, kind: 'decision.voted', data: { ...named, choice, objection } });
    });
  } catch (err) {
    // Two representatives of one organisation at the same moment: the second is a second voice.
    if (isUniqueViolation(err)) throw new AppError(409, 'meetings.errors.alreadyVoted', { organisation: '' });
    throw err;
  }
  return getDecision(db, actor, networkId, meetingId, decisionId);
}
