import type { NeedsMeSource } from './types';

/** Comments that mention me and I have not marked as seen. */
export const mentions: NeedsMeSource = {
  id: 'mention',
  kind: 'mention',
  async list({ q, actor, networkId }) {
    const rows = await q.all<{
      id: string;
      href: string;
      created_at: number | string;
      actor_name: string | null;
      subject_type: string;
      excerpt: string | null;
    }>(
      `SELECT n.id, n.href, n.created_at, u.name AS actor_name, n.subject_type, c.body AS excerpt
         FROM notifications n
         LEFT JOIN users u ON u.id = n.actor_id
         JOIN comments c ON c.id = n.comment_id AND c.deleted_at IS NULL AND c.hidden_at IS NULL
        WHERE n.user_id = ? AND n.network_id = ? AND n.kind = 'mention' AND n.read_at IS NULL
        ORDER BY n.created_at DESC LIMIT 50`,
      [actor.userId, networkId],
    );
    return rows.map((r) => ({
      source: 'mention',
      id: r.id,
      key: 'followUp.needs.mention',
      values: { actor: r.actor_name ?? '', subjectType: r.subject_type },
      href: r.href,
      at: Number(r.created_at),
      dismissable: true,
    }));
  },
};
