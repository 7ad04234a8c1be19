import { dayMoment } from '../../core/dates';
import { goalPolicy, commitmentPolicy } from '../../policies';
import type { NeedsMeSource } from './types';

/** Pilots (goals, and my organisation's commitments) whose review date has come and that I may decide. */
export const pilotReviews: NeedsMeSource = {
  id: 'pilotReview',
  kind: 'pilotReview',
  async list({ q, actor, networkId, today }) {
    const goals = await q.all<{ id: string; title: string; review_on: string; orgs: string | null }>(
      `SELECT g.id, g.title, g.review_on,
              (SELECT ${q.dialect === 'postgres' ? "string_agg(organisation_id, ',')" : 'group_concat(organisation_id)'}
                 FROM goal_organisations WHERE goal_id = g.id) AS orgs
         FROM goals g
        WHERE g.network_id = ? AND g.status = 'pilot' AND g.review_on IS NOT NULL AND g.review_on <= ?
        ORDER BY g.review_on LIMIT 100`,
      [networkId, today],
    );
    const commitments = await q.all<{
      id: string;
      goal_id: string;
      title: string;
      pilot_review_on: string;
      organisation_id: string;
    }>(
      `SELECT c.id, c.goal_id, g.title, c.pilot_review_on, c.organisation_id
         FROM commitments c JOIN goals g ON g.id = c.goal_id
        WHERE c.network_id = ? AND c.status IN ('proposed', 'awaiting_home_approval', 'committed')
          AND c.pilot_review_on IS NOT NULL AND c.pilot_review_on <= ?
        ORDER BY c.pilot_review_on LIMIT 100`,
      [networkId, today],
    );
    const at = (day: string) => Date.parse(`${day}T00:00:00Z`);
    return [
      ...goals
        .filter((g) =>
          goalPolicy.can(actor, 'decidePilot', {
            networkId,
            organisationIds: (g.orgs ?? '').split(',').filter(Boolean),
            status: 'pilot',
          }),
        )
        .map((g) => ({
          source: 'pilotReview',
          id: `goal:${g.id}`,
          key: 'followUp.needs.pilotGoal',
          values: { title: g.title, date: dayMoment(g.review_on) },
          href: `/networks/${networkId}/goals/${g.id}`,
          at: at(g.review_on),
          dismissable: false,
        })),
      ...commitments
        .filter((c) =>
          commitmentPolicy.can(actor, 'decidePilot', {
            networkId,
            organisationId: c.organisation_id,
            status: 'committed',
            pilotReviewOn: c.pilot_review_on,
          }),
        )
        .map((c) => ({
          source: 'pilotReview',
          id: `commitment:${c.id}`,
          key: 'followUp.needs.pilotCommitment',
          values: { title: c.title, date: dayMoment(c.pilot_review_on) },
          href: `/networks/${networkId}/commitments/${c.id}`,
          at: at(c.pilot_review_on),
          dismissable: false,
        })),
    ];
  },
};
