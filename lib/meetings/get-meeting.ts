import type { Db, Queryable } from '../db/types';
import { requireMember, type Actor } from '../policies';
import { decisionPolicy } from '../policies/decision';
import { meetingPolicy } from '../policies/meeting';
import { agendaCommentSummary, readStoredAgenda } from './agenda-comments';
import { meetingSettings } from './schedule-meeting';
import {
  decisionRecord,
  loadDecision,
  loadMeeting,
  loadVotes,
  meetingRecord,
  presentDecision,
  presentMeeting,
  type DecisionRow,
  type LoadedMeeting,
  type VoteRow,
} from './records';

function presentFor(actor: Actor, m: LoadedMeeting, d: DecisionRow, votes: VoteRow[]) {
  const orgId = actor.membership?.organisationId ?? null;
  const own = votes.find((v) => v.decision_id === d.id && v.organisation_id === orgId)?.choice ?? null;
  return decisionPolicy.present(actor, {
    ...decisionRecord(m, d, own),
    ...presentDecision(
      d,
      votes.filter((v) => v.decision_id === d.id),
    ),
  });
}

/** One decision with its voices and what the actor may do with it. */
export async function getDecision(db: Queryable, actor: Actor, networkId: string, meetingId: string, id: string) {
  requireMember(actor, networkId);
  const m = await loadMeeting(db, networkId, meetingId);
  const d = await loadDecision(db, m.row.id, id);
  return presentFor(actor, m, d, await loadVotes(db, [d.id]));
}

/**
 * Agenda items per organisation: each item of the stored agenda (a top-level
 * paragraph or heading, or an item of a top-level list, with words) counts for
 * the organisation whose person's Yjs client created it (`meeting_clients`,
 * kept by the realtime server). Items the server wrote count for nobody.
 */
async function agendaItemsByOrganisation(
  q: Queryable,
  m: LoadedMeeting,
  stored: { client: number | null }[],
): Promise<Map<string, number>> {
  const clients = new Map(
    (
      await q.all<{ client_id: number | string; organisation_id: string }>(
        'SELECT client_id, organisation_id FROM meeting_clients WHERE meeting_id = ?',
        [m.row.id],
      )
    ).map((r) => [Number(r.client_id), r.organisation_id]),
  );
  const out = new Map<string, number>();
  for (const item of stored) {
    const org = item.client === null ? undefined : clients.get(item.client);
    if (org) out.set(org, (out.get(org) ?? 0) + 1);
  }
  return out;
}

/**
 * Comments in the meeting's conversation, per author: those on its agenda
 * items (also items removed since), and those on the commitments its action
 * items became, made until the minutes were published. A comment its author
 * deleted does not count; a hidden one does (it was said; hiding moderates the
 * words, not who took part).
 */
async function commentAuthors(q: Queryable, m: LoadedMeeting): Promise<string[]> {
  const onAgenda = await q.all<{ author_id: string }>(
    `SELECT author_id FROM comments WHERE network_id = ? AND subject_type = 'agenda_item'
        AND substr(subject_id, 1, 37) = ? AND deleted_at IS NULL`,
    [m.row.network_id, `${m.row.id}:`],
  );
  const onActionItems = await q.all<{ author_id: string }>(
    `SELECT c.author_id FROM comments c JOIN meeting_action_items a ON a.commitment_id = c.subject_id
      WHERE a.meeting_id = ? AND c.network_id = ? AND c.subject_type = 'commitment' AND c.deleted_at IS NULL
        AND c.created_at <= ?`,
    [m.row.id, m.row.network_id, m.row.published_at === null ? Number.MAX_SAFE_INTEGER : Number(m.row.published_at)],
  );
  return [...onAgenda, ...onActionItems].map((r) => r.author_id);
}

/**
 * Facilitation by organisation: who proposes, whose voices count, who took
 * action items, and (from the realtime server's attribution of accepted
 * updates) whose edits fill the agenda and minutes, so a dominant partner is
 * visible. Shares are of all counted acts; organisations without any act are
 * listed with zeros.
 */
async function facilitation(q: Queryable, m: LoadedMeeting, stored: { client: number | null }[]) {
  const rows = new Map(
    m.orgs.map((o) => [
      o.organisation_id,
      {
        organisationId: o.organisation_id,
        name: o.name,
        edits: 0,
        agendaItems: 0,
        comments: 0,
        proposals: 0,
        voices: 0,
        objections: 0,
        actionItems: 0,
      },
    ]),
  );
  const orgOf = await q.all<{ user_id: string; organisation_id: string | null }>(
    'SELECT user_id, organisation_id FROM memberships WHERE network_id = ? AND organisation_id IS NOT NULL',
    [m.row.network_id],
  );
  const userOrg = new Map(orgOf.map((r) => [r.user_id, r.organisation_id]));
  for (const d of await q.all<{ created_by: string }>(
    `SELECT created_by FROM decisions WHERE meeting_id = ? AND method <> 'adopted'`,
    [m.row.id],
  )) {
    const r = rows.get(userOrg.get(d.created_by) ?? '');
    if (r) r.proposals++;
  }
  for (const v of await q.all<{ organisation_id: string; choice: string }>(
    'SELECT v.organisation_id, v.choice FROM decision_votes v JOIN decisions d ON d.id = v.decision_id WHERE d.meeting_id = ?',
    [m.row.id],
  )) {
    const r = rows.get(v.organisation_id);
    if (!r) continue;
    r.voices++;
    if (v.choice === 'object') r.objections++;
  }
  for (const a of await q.all<{ organisation_id: string }>(
    'SELECT c.organisation_id FROM meeting_action_items a JOIN commitments c ON c.id = a.commitment_id WHERE a.meeting_id = ?',
    [m.row.id],
  )) {
    const r = rows.get(a.organisation_id);
    if (r) r.actionItems++;
  }
  for (const e of await q.all<{ organisation_id: string; units: number | string }>(
    'SELECT organisation_id, SUM(units) AS units FROM meeting_edits WHERE meeting_id = ? GROUP BY organisation_id',
    [m.row.id],
  )) {
    const r = rows.get(e.organisation_id);
    if (r) r.edits += Number(e.units);
  }
  for (const author of await commentAuthors(q, m)) {
    const r = rows.get(userOrg.get(author) ?? '');
    if (r) r.comments++;
  }
  for (const [orgId, n] of await agendaItemsByOrganisation(q, m, stored)) {
    const r = rows.get(orgId);
    if (r) r.agendaItems += n;
  }
  const list = [...rows.values()];
  const share = (k: 'edits' | 'agendaItems' | 'comments' | 'proposals' | 'voices' | 'actionItems') => {
    const total = list.reduce((s, r) => s + r[k], 0);
    return (r: (typeof list)[number]) => (total ? r[k] / total : 0);
  };
  const s = {
    edits: share('edits'),
    agendaItems: share('agendaItems'),
    comments: share('comments'),
    proposals: share('proposals'),
    voices: share('voices'),
    actionItems: share('actionItems'),
  };
  const organisations = list.map((r) => ({
    ...r,
    shares: {
      edits: s.edits(r),
      agendaItems: s.agendaItems(r),
      comments: s.comments(r),
      proposals: s.proposals(r),
      voices: s.voices(r),
      actionItems: s.actionItems(r),
    },
  }));
  // A partner with more than half of the edits or proposals (when there are at least three partners) dominates.
  const dominant =
    organisations.length >= 3
      ? (organisations.find((o) => o.shares.edits > 0.5 || o.shares.proposals > 0.5) ?? null)
      : null;
  return {
    organisations,
    dominant: dominant ? { organisationId: dominant.organisationId, name: dominant.name } : null,
  };
}

/** A meeting with its decisions, action items and (for moderators) facilitation figures. */
export async function getMeeting(db: Db, actor: Actor, networkId: string, meetingId: string) {
  requireMember(actor, networkId);
  const m = await loadMeeting(db, networkId, meetingId);
  const rec = meetingRecord(m);
  meetingPolicy.authorize(actor, 'read', rec);
  const decisions = await db.all<DecisionRow>('SELECT * FROM decisions WHERE meeting_id = ? ORDER BY created_at', [
    m.row.id,
  ]);
  const votes = await loadVotes(
    db,
    decisions.map((d) => d.id),
  );
  const actionItems = await db.all<{
    commitment_id: string;
    text: string;
    created_at: number | string;
    organisation_id: string;
    organisation_name: string;
    due_on: string;
    status: string;
    goal_id: string;
  }>(
    `SELECT a.commitment_id, a.text, a.created_at, c.organisation_id, o.name AS organisation_name, c.due_on, c.status, c.goal_id
       FROM meeting_action_items a JOIN commitments c ON c.id = a.commitment_id JOIN organisations o ON o.id = c.organisation_id
      WHERE a.meeting_id = ? ORDER BY a.created_at`,
    [m.row.id],
  );
  const abilities = meetingPolicy.abilities(actor, rec);
  const stored = await readStoredAgenda(db, networkId, m.row.id);
  const agendaComments = await agendaCommentSummary(db, actor, m, stored);
  return {
    meeting: { ...presentMeeting(m), abilities },
    decisions: decisions.map((d) => presentFor(actor, m, d, votes)),
    actionItems: actionItems.map((a) => ({
      commitmentId: a.commitment_id,
      text: a.text,
      organisationId: a.organisation_id,
      organisationName: a.organisation_name,
      dueOn: a.due_on,
      status: a.status,
      goalId: a.goal_id,
      createdAt: Number(a.created_at),
    })),
    /** Shown to moderators while the meeting is prepared or held, and to everyone afterwards. */
    facilitation: await facilitation(db, m, stored),
    /**
     * Comments on agenda items: how many the person sees per item id (the page
     * lists the items from the live document), and the commented items no
     * longer on the agenda, with their last words.
     */
    agendaComments,
    myOrganisationId: actor.membership?.organisationId ?? null,
  };
}
export type MeetingPage = Awaited<ReturnType<typeof getMeeting>>;

/** The network's meetings: upcoming first (soonest first), then past ones (latest first). */
export async function listMeetings(db: Db, actor: Actor, networkId: string, now = Date.now()) {
  requireMember(actor, networkId);
  const settings = await meetingSettings(db, networkId);
  const ids = await db.all<{ id: string; ends_at: number | string }>(
    'SELECT id, ends_at FROM meetings WHERE network_id = ? ORDER BY starts_at',
    [networkId],
  );
  const loaded = await Promise.all(ids.map((r) => loadMeeting(db, networkId, r.id)));
  const present = (m: LoadedMeeting) => ({
    ...presentMeeting(m),
    abilities: meetingPolicy.abilities(actor, meetingRecord(m)),
  });
  const upcoming = loaded.filter((m) => ['scheduled', 'live'].includes(m.row.status) || Number(m.row.ends_at) >= now);
  const past = loaded.filter((m) => !upcoming.includes(m)).reverse();
  return {
    upcoming: upcoming.map(present),
    past: past.map(present),
    settings,
    abilities: meetingPolicy.abilities(actor, { networkId, ...settings }),
  };
}
