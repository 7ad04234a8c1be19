import type { Queryable } from '../db/types';
import type { Actor } from '../policies';

/**
 * What can be commented on: a small registry, one entry per subject type,
 * each saying how to find the subject in a network (or null: 404), where it
 * is shown (the link in the activity feed, "for me" and mails, relative to the
 * network) and who may see it. A subject's comments are only ever shown to
 * someone who may see the subject. Another area adds a type with
 * `registerCommentSubject` (the meetings area registers `agenda_item`).
 */
export interface CommentSubjectInfo {
  /** The page that shows the subject with its comments, relative to /networks/<id>. */
  path: string;
  /** A short title for words and mails ('' when the subject has none). */
  title: string;
  /** Organisations the subject concerns (may be empty). */
  organisationIds: string[];
}

export interface CommentSubjectType {
  load(q: Queryable, networkId: string, subjectId: string): Promise<CommentSubjectInfo | null>;
  /** May this member of the network see the subject (and so its comments)? */
  maySee(actor: Actor, info: CommentSubjectInfo): boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const everyMember = () => true;
const short = (s: string) => (s.length > 80 ? `${s.slice(0, 79)}…` : s);

const registry = new Map<string, CommentSubjectType>();

export const COMMENT_SUBJECT_TYPES = ['goal', 'ledger_entry', 'commitment', 'agenda_item'] as const;
export type CommentSubjectTypeName = (typeof COMMENT_SUBJECT_TYPES)[number] | (string & {});

export function registerCommentSubject(name: string, type: CommentSubjectType): void {
  registry.set(name, type);
}

export function commentSubject(name: string): CommentSubjectType | null {
  return registry.get(name) ?? null;
}

export function commentSubjectNames(): string[] {
  return [...registry.keys()];
}

registerCommentSubject('goal', {
  async load(q, networkId, id) {
    if (!UUID.test(id)) return null;
    const g = await q.get<{ title: string }>('SELECT title FROM goals WHERE id = ? AND network_id = ?', [
      id,
      networkId,
    ]);
    if (!g) return null;
    const orgs = await q.all<{ organisation_id: string }>(
      'SELECT organisation_id FROM goal_organisations WHERE goal_id = ?',
      [id],
    );
    return { path: `/goals/${id}`, title: short(g.title), organisationIds: orgs.map((o) => o.organisation_id) };
  },
  maySee: everyMember,
});

registerCommentSubject('ledger_entry', {
  async load(q, networkId, id) {
    if (!UUID.test(id)) return null;
    const e = await q.get<{ description: string; recorder_org_id: string; counterparty_org_id: string | null }>(
      'SELECT description, recorder_org_id, counterparty_org_id FROM ledger_entries WHERE id = ? AND network_id = ?',
      [id, networkId],
    );
    if (!e) return null;
    return {
      path: `/ledger/${id}`,
      title: short(e.description),
      organisationIds: [e.recorder_org_id, ...(e.counterparty_org_id ? [e.counterparty_org_id] : [])],
    };
  },
  maySee: everyMember,
});

registerCommentSubject('commitment', {
  async load(q, networkId, id) {
    if (!UUID.test(id)) return null;
    const c = await q.get<{ title: string; organisation_id: string }>(
      'SELECT g.title, c.organisation_id FROM commitments c JOIN goals g ON g.id = c.goal_id WHERE c.id = ? AND c.network_id = ?',
      [id, networkId],
    );
    if (!c) return null;
    return { path: `/commitments/${id}`, title: short(c.title), organisationIds: [c.organisation_id] };
  },
  maySee: everyMember,
});

/*
 * `agenda_item` (comments on a meeting's agenda items) is registered by the
 * meetings area, lib/meetings/agenda-comments.ts, which the comment records
 * and the mention notifier load, so the type is there wherever comments are.
 */
