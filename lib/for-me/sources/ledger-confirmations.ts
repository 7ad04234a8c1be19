import { dayMoment } from '../../core/dates';
import { liveMembership } from '../../policies';
import { isActiveRep, isManager } from '../../policies/actor';
import type { NeedsMeSource } from './types';

/** Ledger entries waiting for my organisation's confirmation (for a manager: those addressed to the network). */
export const ledgerConfirmations: NeedsMeSource = {
  id: 'confirmation',
  kind: 'confirmation',
  async list({ q, actor, networkId }) {
    const m = liveMembership(actor, networkId);
    if (!m) return [];
    const mine = isActiveRep(m) && m.organisationId ? m.organisationId : null;
    const network = isManager(m);
    if (!mine && !network) return [];
    const rows = await q.all<{
      id: string;
      description: string;
      recorder_name: string;
      created_at: number | string;
      occurred_on: string;
    }>(
      `SELECT e.id, e.description, o.name AS recorder_name, e.created_at, e.occurred_on
         FROM ledger_entries e JOIN organisations o ON o.id = e.recorder_org_id
        WHERE e.network_id = ? AND e.status = 'pending'
          AND (${mine ? 'e.counterparty_org_id = ?' : '1 = 0'} ${network ? 'OR e.counterparty_org_id IS NULL' : ''})
        ORDER BY e.created_at DESC LIMIT 50`,
      mine ? [networkId, mine] : [networkId],
    );
    return rows.map((r) => ({
      source: 'confirmation',
      id: r.id,
      key: 'followUp.needs.confirmation',
      values: { organisation: r.recorder_name, description: r.description || '—', date: dayMoment(r.occurred_on) },
      href: `/networks/${networkId}/ledger/${r.id}`,
      at: Number(r.created_at),
      dismissable: false,
    }));
  },
};
