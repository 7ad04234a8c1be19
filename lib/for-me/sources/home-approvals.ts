import { commitmentPolicy, liveMembership } from '../../policies';
import { fromMilli } from '../../ledger/units';
import type { NeedsMeSource } from './types';

/**
 * Commitments of my organisation that went beyond a representative's mandate
 * and wait for a home decision (lib/mandates): they need its home members.
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
      commitment_id: string;
      goal_id: string;
      goal_title: string;
      amount_milli: number | string;
      unit: string;
      requester: string | null;
      requested_at: number | string;
    }>(
      `SELECT a.id, a.commitment_id, c.goal_id, g.title AS goal_title, c.amount_milli, c.unit,
              u.name AS requester, a.requested_at
         FROM home_approvals a
         JOIN commitments c ON c.id = a.commitment_id
         JOIN goals g ON g.id = c.goal_id
         LEFT JOIN users u ON u.id = a.requested_by
        WHERE a.network_id = ? AND a.organisation_id = ? AND a.status = 'open'
        ORDER BY a.requested_at LIMIT 50`,
      [networkId, orgId],
    );
    return rows.map((r) => ({
      source: 'confirmation',
      id: `approval:${r.id}`,
      key: 'followUp.needs.homeApproval',
      values: {
        person: r.requester ?? '—',
        amount: fromMilli(r.amount_milli),
        unit: r.unit.replace(/^custom:/, ''),
        title: r.goal_title,
      },
      href: `/networks/${networkId}/organisations/${orgId}/home#home-approvals`,
      at: Number(r.requested_at),
      dismissable: false,
    }));
  },
};
