import { isManager } from './actor';
import { definePolicy, type AbilitiesOf } from './define';

export interface CommentRecord {
  networkId: string;
  /** Who wrote it (null for a new comment that does not exist yet). */
  authorId: string | null;
  hidden?: boolean;
  deleted?: boolean;
}

/**
 * A comment on a goal, ledger entry, commitment or agenda item (lib/comments).
 * Everyone but observers writes; only the author edits or deletes their own
 * words — network managers moderate by hiding with a reason (and restoring),
 * never by editing. A hidden comment is shown to managers and its author only.
 * Whether the person may see the subject at all is the subject type's own
 * check (`lib/comments/subjects.ts`), asked before any of these.
 */
export const commentPolicy = definePolicy({
  subject: 'comment',
  describe: 'A comment on a goal, ledger entry, commitment or agenda item',
  networkOf: (c: CommentRecord) => c.networkId,
  actions: {
    create: {
      who: 'Every member but observers',
      allow: (m) => m.role !== 'observer',
    },
    edit: {
      who: 'Its author only (managers cannot change others’ words)',
      allow: (_m, c, actor) => c.authorId === actor.userId,
      when: (c) => !c.deleted && !c.hidden,
    },
    delete: {
      who: 'Its author only',
      allow: (_m, c, actor) => c.authorId === actor.userId,
      when: (c) => !c.deleted,
    },
    hide: {
      who: 'Network managers, with a reason (shown in the audit log)',
      allow: (m) => isManager(m),
      when: (c) => !c.deleted && !c.hidden,
    },
    restore: {
      who: 'Network managers',
      allow: (m) => isManager(m),
      when: (c) => !c.deleted && !!c.hidden,
    },
    seeHidden: {
      who: 'Network managers and its author',
      allow: (m, c, actor) => isManager(m) || c.authorId === actor.userId,
      refusal: 'hidden',
    },
  },
});

export type CommentAbilities = AbilitiesOf<typeof commentPolicy>;
