import { z } from 'zod';
import type { Queryable } from '../db/types';
import { AppError } from '../errors';
import type { DecisionRecord } from '../policies/decision';
import type { MeetingRecord, MeetingStatus } from '../policies/meeting';

/**
 * Meetings: the row, its organisations (invited, attended, their answer to
 * the minutes), decisions and votes, action items; loading them in a network
 * (or 404) and what the API shows of them.
 */
export interface MeetingRow {
  id: string;
  network_id: string;
  title: string;
  starts_at: number | string;
  ends_at: number | string;
  place: string;
  online_url: string;
  status: MeetingStatus;
  sequence: number | string;
  created_by: string;
  created_at: number | string;
  updated_at: number | string;
  started_at: number | string | null;
  ended_at: number | string | null;
  published_at: number | string | null;
  cancel_reason: string;
}

export interface MeetingOrgRow {
  meeting_id: string;
  organisation_id: string;
  name: string;
  attended: number | boolean;
  approval: 'approved' | 'objected' | null;
  objection: string;
  approval_by: string | null;
  approval_by_name: string | null;
  approval_at: number | string | null;
}

export interface DecisionRow {
  id: string;
  meeting_id: string;
  network_id: string;
  agenda_item: string;
  title: string;
  body: string;
  method: 'consent' | 'poll' | 'adopted';
  options: string;
  closes_at: number | string;
  status: 'open' | 'adopted' | 'rejected' | 'closed';
  outcome: string;
  created_by: string;
  created_at: number | string;
  closed_at: number | string | null;
  closed_by: string | null;
}

export interface VoteRow {
  decision_id: string;
  organisation_id: string;
  organisation_name: string;
  choice: string;
  objection: string;
  voted_by: string;
  voted_by_name: string | null;
  voted_at: number | string;
  changed_at: number | string | null;
}

/** A meeting with its organisations, as the commands and rules need it. */
export interface LoadedMeeting {
  row: MeetingRow;
  orgs: MeetingOrgRow[];
  timeZone: string;
  representativesMaySchedule: boolean;
}

const isId = (id: string) => z.uuid().safeParse(id).success;

export async function findMeeting(q: Queryable, networkId: string, id: string): Promise<LoadedMeeting | null> {
  if (!isId(id)) return null;
  const row = await q.get<MeetingRow & { time_zone: string; meetings_by_representatives: number }>(
    `SELECT m.*, n.time_zone, n.meetings_by_representatives FROM meetings m JOIN networks n ON n.id = m.network_id
      WHERE m.id = ? AND m.network_id = ?`,
    [id, networkId],
  );
  if (!row) return null;
  const orgs = await q.all<MeetingOrgRow>(
    `SELECT mo.*, o.name, u.name AS approval_by_name FROM meeting_organisations mo
       JOIN organisations o ON o.id = mo.organisation_id
       LEFT JOIN users u ON u.id = mo.approval_by
      WHERE mo.meeting_id = ? ORDER BY o.name`,
    [id],
  );
  const { time_zone, meetings_by_representatives, ...meeting } = row;
  return {
    row: meeting,
    orgs,
    timeZone: time_zone,
    representativesMaySchedule: Number(meetings_by_representatives) === 1,
  };
}

/** The meeting in this network, or 404. */
export async function loadMeeting(q: Queryable, networkId: string, id: string): Promise<LoadedMeeting> {
  const m = await findMeeting(q, networkId, id);
  if (!m) throw new AppError(404, 'meetings.errors.notFound');
  return m;
}

/** What the meeting rules look at. */
export function meetingRecord(m: LoadedMeeting): MeetingRecord {
  return {
    networkId: m.row.network_id,
    status: m.row.status,
    createdBy: m.row.created_by,
    invitedOrgIds: m.orgs.map((o) => o.organisation_id),
    attendedOrgIds: m.orgs.filter((o) => Number(o.attended) === 1).map((o) => o.organisation_id),
    representativesMaySchedule: m.representativesMaySchedule,
  };
}

export function decisionRecord(m: LoadedMeeting, d: DecisionRow, ownChoice: string | null): DecisionRecord {
  return {
    networkId: m.row.network_id,
    invitedOrgIds: m.orgs.map((o) => o.organisation_id),
    meetingCreatedBy: m.row.created_by,
    status: d.status,
    closesAt: Number(d.closes_at),
    ownChoice,
  };
}

export function presentMeeting(m: LoadedMeeting) {
  const r = m.row;
  return {
    id: r.id,
    networkId: r.network_id,
    title: r.title,
    startsAt: Number(r.starts_at),
    endsAt: Number(r.ends_at),
    timeZone: m.timeZone,
    place: r.place,
    onlineUrl: r.online_url,
    status: r.status,
    createdBy: r.created_by,
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
    startedAt: r.started_at === null ? null : Number(r.started_at),
    endedAt: r.ended_at === null ? null : Number(r.ended_at),
    publishedAt: r.published_at === null ? null : Number(r.published_at),
    cancelReason: r.cancel_reason,
    /** The collaborative document of its agenda and minutes. */
    doc: `meeting.${r.network_id}.${r.id}`,
    organisations: m.orgs.map((o) => ({
      id: o.organisation_id,
      name: o.name,
      attended: Number(o.attended) === 1,
      approval: o.approval,
      objection: o.objection,
      approvalByName: o.approval_by_name,
      approvalAt: o.approval_at === null ? null : Number(o.approval_at),
    })),
  };
}
export type Meeting = ReturnType<typeof presentMeeting>;

export const ZOptions = z.array(z.string()).catch([]);

export function presentDecision(d: DecisionRow, votes: VoteRow[]) {
  return {
    id: d.id,
    meetingId: d.meeting_id,
    agendaItem: d.agenda_item,
    title: d.title,
    body: d.body,
    method: d.method,
    options: ZOptions.parse(JSON.parse(d.options || '[]')),
    closesAt: Number(d.closes_at),
    status: d.status,
    outcome: d.outcome,
    createdBy: d.created_by,
    createdAt: Number(d.created_at),
    closedAt: d.closed_at === null ? null : Number(d.closed_at),
    votes: votes.map((v) => ({
      organisationId: v.organisation_id,
      organisationName: v.organisation_name,
      choice: v.choice,
      objection: v.objection,
      votedByName: v.voted_by_name,
      votedAt: Number(v.voted_at),
      changedAt: v.changed_at === null ? null : Number(v.changed_at),
    })),
  };
}
export type Decision = ReturnType<typeof presentDecision>;

export async function loadDecision(q: Queryable, meetingId: string, id: string): Promise<DecisionRow> {
  const row = isId(id)
    ? await q.get<DecisionRow>('SELECT * FROM decisions WHERE id = ? AND meeting_id = ?', [id, meetingId])
    : undefined;
  if (!row) throw new AppError(404, 'meetings.errors.decisionNotFound');
  return row;
}

export async function loadVotes(q: Queryable, decisionIds: string[]): Promise<VoteRow[]> {
  if (!decisionIds.length) return [];
  return q.all<VoteRow>(
    `SELECT v.*, o.name AS organisation_name, u.name AS voted_by_name FROM decision_votes v
       JOIN organisations o ON o.id = v.organisation_id LEFT JOIN users u ON u.id = v.voted_by
      WHERE v.decision_id IN (${decisionIds.map(() => '?').join(', ')}) ORDER BY o.name`,
    decisionIds,
  );
}

/** Bumps the meeting's updated time (and its iCalendar SEQUENCE when its time or place changed). */
export async function touchMeeting(q: Queryable, id: string, now: number, newSequence = false): Promise<void> {
  await q.run(`UPDATE meetings SET updated_at = ?${newSequence ? ', sequence = sequence + 1' : ''} WHERE id = ?`, [
    now,
    id,
  ]);
}
