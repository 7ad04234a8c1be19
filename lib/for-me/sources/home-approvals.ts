import { commitmentPolicy, liveMembership } from '../../policies';
import { fromMilli } from '../../ledger/units';
import type { NeedsMeSource } from './types';

/**
 * Commitments of my organisation — and gifts in the ledger, when the mandate
 * covers gifts — that went beyond a representative's mandate and wait for a
 * home decision (lib/mandates): they need its home members.
 * Governed by the "confirmation" choice (a decision others wait for).
 */
export const homeApprovals: NeedsMeSource = {
  id: 'homeApproval',
  kind: 'confirmation',
  async list({ q, actor, networkId }) {
    const m = liveMembership(actor, networkId);
    if (!m?.organisationId) return [];
    const orgId = m.organisationId;
    if (!commitmentPolicy.can(actor, 'approve', { networkId, organisationId: orgId, status: 'awaiting_home_approval' }))
      return [];
    const rows = await q.all<{
      id: string;
      entry_id: string | null;
      goal_title: string | null;
      receiver_name: string | null;
      amount_milli: number | string;
      unit: string;
      requester: string | null;
      requested_at: number | string;
    }>(
      `SELECT a.id, a.entry_id, g.title AS goal_title, ro.name AS receiver_name,
              COALESCE(c.amount_milli, e.amount_milli) AS amount_milli, COALESCE(c.unit, e.unit) AS unit,
              u.name AS requester, a.requested_at
         FROM home_approvals a
         LEFT JOIN commitments c ON c.id = a.commitment_id
         LEFT JOIN ledger_entries e ON e.id = a.entry_id
         LEFT JOIN goals g ON g.id = COALESCE(c.goal_id, e.goal_id)
         LEFT JOIN organisations ro ON ro.id = e.receiver_org_id
         LEFT JOIN users u ON u.id = a.requested_by
        WHERE a.network_id = ? AND a.organisation_id = ? AND a.status = 'open'
          AND (c.id IS NOT NULL OR e.id IS NOT NULL)
        ORDER BY a.requested_at LIMIT 50`,
      [networkId, orgId],
    );
    return rows.map((r) => ({
      source: 'confirmation',
      id: `approval:${r.id}`,
      // A gift in the ledger (its mandate covers gifts) or a commitment: the same decision, the same place.
      key: r.entry_id ? 'mandates.needs.homeApprovalGift' : 'followUp.needs.homeApproval',
      values: {
        person: r.requester ?? '—',
        amount: fromMilli(r.amount_milli),
        unit: r.unit.replace(/^custom:/, ''),
        title: r.goal_title ?? '—',
        ...(r.entry_id ? { receiver: r.receiver_name ?? '—' } : {}),
      },
      href: `/networks/${networkId}/organisations/${orgId}/home#home-approvals`,
      at: Number(r.requested_at),
      dismissable: false,
    }));
  },
};
