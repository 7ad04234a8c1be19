import { z } from 'zod';
import { net, spec, type LinkContext } from '../spec';

/**
 * Comments and their moderation (lib/comments). The row's subject is the thing
 * commented on (a goal, ledger entry, commitment, agenda item), so "what
 * changed" groups a comment with its subject; `path` is the subject's page
 * relative to the network. Bodies never go into the log (a hidden comment's
 * words must not leak through the feed); the moderation rows carry the reason.
 */
const subjectType = z.string().min(1).max(40);
const base = {
  subjectType,
  commentId: z.string().min(1).max(200),
  path: z.string().startsWith('/').max(400),
  title: z.string().max(200),
};
const commentLink = (r: LinkContext) =>
  `${net(r)}${typeof r.data.path === 'string' && r.data.path.startsWith('/') ? r.data.path : ''}#comments`;
const example = { subjectType: 'ledger_entry', commentId: 'c1', path: '/ledger/e1', title: 'Raum für den Workshop' };

export const FOLLOW_UP_KINDS = {
  'comment.created': spec({
    payload: z.strictObject({ ...base, mentions: z.number().int().min(0) }),
    audience: 'members',
    access: 'none',
    link: commentLink,
    example: { ...example, mentions: 1 },
  }),
  'comment.edited': spec({
    payload: z.strictObject(base),
    audience: 'members',
    access: 'none',
    link: commentLink,
    example,
  }),
  'comment.deleted': spec({
    payload: z.strictObject(base),
    audience: 'members',
    access: 'none',
    link: commentLink,
    example,
  }),
  'comment.hidden': spec({
    payload: z.strictObject({ ...base, authorName: z.string(), reason: z.string() }),
    audience: 'members',
    access: 'none',
    link: commentLink,
    example: { ...example, authorName: 'Lena Bauer', reason: 'Persönlicher Angriff' },
  }),
  'comment.restored': spec({
    payload: z.strictObject({ ...base, authorName: z.string() }),
    audience: 'members',
    access: 'none',
    link: commentLink,
    example: { ...example, authorName: 'Lena Bauer' },
  }),
};
