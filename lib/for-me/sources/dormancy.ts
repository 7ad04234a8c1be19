import { loadDormancy } from '../../health/dormancy';
import { isManager } from '../../policies/actor';
import { liveMembership } from '../../policies';
import type { NeedsMeItem, NeedsMeSource } from './types';

const WEEK_MS = 7 * 86_400_000;

/**
 * The empty-shell warning (issue 13) where people look: an organisation whose
 * investment fell for the network's number of weeks in a row is shown to its
 * own people and to the managers; when most organisations are dormant, every
 * member sees the network's warning. Governed by the "changes" choice, so it
 * reaches the digest too. It goes away when the investment rises again.
 */
export const dormancy: NeedsMeSource = {
  id: 'dormancy',
  kind: 'changes',
  async list({ q, actor, networkId, today, now }) {
    const m = liveMembership(actor, networkId);
    if (!m) return [];
    const d = await loadDormancy(q, networkId, today);
    const href = `/networks/${networkId}/health#investment`;
    // Since the week the streak began (a stable moment, so the digest mails it once).
    const since = (streak: number) => Math.floor(now / WEEK_MS) * WEEK_MS - streak * WEEK_MS;
    const items: NeedsMeItem[] = [];
    if (d.networkDormant)
      items.push({
        source: 'dormancy',
        id: 'network',
        key: 'followUp.needs.networkDormant',
        values: { dormant: d.dormant.length, active: d.active },
        href,
        at: since(d.weeks),
        dismissable: false,
      });
    for (const o of d.dormant) {
      if (!(isManager(m) || m.organisationId === o.id)) continue;
      items.push({
        source: 'dormancy',
        id: o.id,
        key: m.organisationId === o.id ? 'followUp.needs.ownDormant' : 'followUp.needs.orgDormant',
        values: { organisation: o.name, weeks: o.streak },
        href,
        at: since(o.streak),
        dismissable: false,
      });
    }
    return items;
  },
};
