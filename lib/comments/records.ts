import type { Queryable } from '../db/types';
import { AppError } from '../errors';
import { commentPolicy, requireMember, type Actor } from '../policies';
import { commentSubject, type CommentSubjectInfo } from './subjects';
// Registers the `agenda_item` comment subject (the meetings area owns it).
import '../meetings/agenda-comments';

export interface CommentRow {
  id: string;
  network_id: string;
  subject_type: string;
  subject_id: string;
  author_id: string;
  author_name?: string | null;
  body: string;
  created_at: number | string;
  edited_at: number | string | null;
  deleted_at: number | string | null;
  hidden_at: number | string | null;
  hidden_by: string | null;
  hidden_by_name?: string | null;
  hidden_reason: string | null;
}

export const COMMENT_SELECT = `SELECT c.*, u.name AS author_name, h.name AS hidden_by_name
  FROM comments c LEFT JOIN users u ON u.id = c.author_id LEFT JOIN users h ON h.id = c.hidden_by`;

const num = (v: number | string | null) => (v === null ? null : Number(v));

export const commentRecord = (r: CommentRow) => ({
  networkId: r.network_id,
  authorId: r.author_id,
  hidden: r.hidden_at !== null,
  deleted: r.deleted_at !== null,
});

/**
 * A comment as the API shows it. A deleted comment keeps its place without
 * words; a hidden one (shown only to managers and its author) carries who hid
 * it, when and why.
 */
export function presentComment(actor: Actor, r: CommentRow) {
  const deleted = r.deleted_at !== null;
  return commentPolicy.present(actor, {
    id: r.id,
    networkId: r.network_id,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    authorId: r.author_id,
    authorName: r.author_name ?? '',
    body: deleted ? null : r.body,
    createdAt: Number(r.created_at),
    editedAt: num(r.edited_at),
    deleted,
    hidden: r.hidden_at !== null,
    hiding:
      r.hidden_at === null
        ? null
        : { at: Number(r.hidden_at), byId: r.hidden_by, byName: r.hidden_by_name ?? '', reason: r.hidden_reason ?? '' },
  });
}
export type Comment = ReturnType<typeof presentComment>;

/** The subject of a comment in this network, if the actor may see it (else 404: not theirs to know of). */
export async function loadSubject(
  q: Queryable,
  actor: Actor,
  networkId: string,
  subjectType: string,
  subjectId: string,
): Promise<CommentSubjectInfo> {
  requireMember(actor, networkId);
  const type = commentSubject(subjectType);
  if (!type) throw new AppError(400, 'followUp.errors.unknownSubjectType');
  const info = await type.load(q, networkId, subjectId);
  if (!info || !type.maySee(actor, info)) throw new AppError(404, 'followUp.errors.subjectNotFound');
  return info;
}

/**
 * A comment of this network the actor may see (its subject visible; hidden ones only for managers and the author).
 * `includeHidden` (restoring) loads a hidden one for any member, so the policy answers (403) rather than a 404.
 */
export async function loadComment(
  q: Queryable,
  actor: Actor,
  networkId: string,
  commentId: string,
  opts: { includeHidden?: boolean } = {},
) {
  requireMember(actor, networkId);
  const row = /^[0-9a-f-]{36}$/.test(commentId)
    ? await q.get<CommentRow>(`${COMMENT_SELECT} WHERE c.id = ? AND c.network_id = ?`, [commentId, networkId])
    : undefined;
  if (!row) throw new AppError(404, 'followUp.errors.commentNotFound');
  const subject = await loadSubject(q, actor, networkId, row.subject_type, row.subject_id);
  if (row.hidden_at !== null && !opts.includeHidden && !commentPolicy.can(actor, 'seeHidden', commentRecord(row)))
    throw new AppError(404, 'followUp.errors.commentNotFound');
  return { row, subject };
}
