import { addDays, today } from '../../lib/core/dates';
import type { Db } from '../../lib/db';
import { setManagementMandate } from '../../lib/management/set-management-mandate';
import { loadActor } from '../../lib/policies/load-actor';
import { answerReadinessCheck } from '../../lib/readiness/answer-check';
import { QUESTIONS } from '../../lib/readiness/questions';
import type { GeneratedNetwork } from '../../scripts/generate-large-network';

/**
 * The readiness check and the management mandate on the large network: the first representative's
 * organisation answered the check every month for two years (24 checks), and the mandate has three versions.
 */
export async function addReadinessLoad(db: Db, g: GeneratedNetwork): Promise<void> {
  const rep = await loadActor(db, g.representatives[0].id, g.networkId);
  const org = g.representatives[0].organisationId;
  for (let i = 23; i >= 0; i--)
    await answerReadinessCheck(db, rep, g.networkId, org, {
      answeredOn: addDays(today(), -30 * i),
      answers: QUESTIONS.map((question, q) => ({ question, score: 1 + ((i + q) % 5), note: `Note ${i}/${q}` })),
    });
  const manager = await loadActor(db, g.manager.id, g.networkId);
  for (const until of [-400, -30, 200])
    await setManagementMandate(db, manager, g.networkId, {
      givenBy: 'Steering group',
      resources: [{ unit: 'hours', amount: 20, per: 'month' }],
      authority: 'Dates, agendas, spending up to 500 EUR',
      tasks: ['Prepare meetings', 'Keep the minutes'],
      validFrom: addDays(today(), until - 365),
      validUntil: addDays(today(), until),
    });
}
