'use client';

import Link from '@/app/_components/ui/link';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card } from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';
import { activityText } from '@/lib/activity/words';
import type { getOrganisationOverview } from '@/lib/organisations/get-organisation-overview';
import type { Goal } from '@/lib/goals/records';
import { api, qs, errorText } from '@/app/_lib/api-client';
import { CommitmentList } from './commitments';
import { BalancesView, useUnits } from './ledger-view';
import { coopKey } from './live';
import { ReviewBadge } from './pilot-review';
import { useFormat, type OrgName } from './use-format';

type Overview = Awaited<ReturnType<typeof getOrganisationOverview>>;

/** An organisation's cooperation page: its ratings, given/received per partner, commitments and recent activity. */
export function OrganisationCooperation({
  networkId,
  organisationId,
  orgs,
}: {
  networkId: string;
  organisationId: string;
  orgs: OrgName[];
}) {
  const { t } = useI18n();
  const f = useFormat();
  const units = useUnits(networkId);
  const o = useQuery({
    queryKey: coopKey(networkId, 'organisation', organisationId),
    queryFn: () => api.get<Overview>(`/api/networks/${networkId}/ledger/organisations/${organisationId}`),
  });
  const pilotsQuery = { review: 'due', organisationId, limit: 50 };
  const pilots = useQuery({
    queryKey: coopKey(networkId, 'goals', pilotsQuery),
    queryFn: () => api.get<{ goals: Goal[] }>(`/api/networks/${networkId}/goals${qs(pilotsQuery)}`),
  });
  return (
    <div className="grid gap-6">
      <Card title={t('cooperation.pilot.orgTitle')} id="pilots-due">
        {pilots.isError ? <Alert tone="error">{errorText(pilots.error, t)}</Alert> : null}
        {pilots.data && !pilots.data.goals.length ? <p>{t('cooperation.pilot.orgNone')}</p> : null}
        <ul className="mb-3 grid gap-2" data-testid="pilots-due">
          {pilots.data?.goals.map((g) => (
            <li key={g.id} className="flex flex-wrap items-center gap-2">
              <Link
                href={`/networks/${networkId}/goals/${g.id}#pilot-review`}
                className="font-medium text-brand-800 underline underline-offset-4"
              >
                {g.title}
              </Link>
              <ReviewBadge reviewOn={g.reviewOn} due={g.reviewDue} />
            </li>
          ))}
        </ul>
        <CommitmentList
          networkId={networkId}
          filter={{ organisationId, view: 'review_due' }}

          showGoal
          emptyText=""
        />
      </Card>
      <BalancesView networkId={networkId} orgs={orgs} labels={units.labels} organisationId={organisationId} />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title={t('cooperation.commitments.views.open')} id="open">
          <CommitmentList
            networkId={networkId}
            filter={{ organisationId, view: 'open' }}

            showGoal
          />
        </Card>
        <Card title={t('cooperation.commitments.views.overdue')} id="overdue">
          <CommitmentList
            networkId={networkId}
            filter={{ organisationId, view: 'overdue' }}

            showGoal
            emptyText={t('cooperation.commitments.noneOverdue')}
          />
        </Card>
        <Card title={t('cooperation.commitments.views.delivered')} id="delivered">
          <CommitmentList
            networkId={networkId}
            filter={{ organisationId, view: 'delivered', limit: 20 }}

            showGoal
          />
        </Card>
      </div>
      {o.isError ? <Alert tone="error">{errorText(o.error, t)}</Alert> : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t('cooperation.org.ratings')} id="org-ratings">
          {o.data && !o.data.ratings.length ? <p>{t('cooperation.rating.none')}</p> : null}
          <ul className="grid gap-2 text-sm">
            {o.data?.ratings.map((r) => (
              <li key={r.goalId}>
                <Link
                  href={`/networks/${networkId}/goals/${r.goalId}`}
                  className="font-medium text-brand-800 underline underline-offset-4"
                >
                  {r.goalTitle}
                </Link>
                : {t('cooperation.rating.attractive')} {r.attractive}, {t('cooperation.rating.concrete')} {r.concrete},{' '}
                {t('cooperation.rating.flexible')} {r.flexible}
                {r.comment ? ` — „${r.comment}“` : ''}
              </li>
            ))}
          </ul>
        </Card>
        <Card title={t('cooperation.org.activity')} id="org-activity">
          {o.data && !o.data.activity.length ? <p>{t('cooperation.org.noActivity')}</p> : null}
          <ul className="grid gap-1 text-sm">
            {o.data?.activity.map((a) => (
              <li key={a.id}>
                <span className="text-stone-700">{f.time(a.createdAt)}</span> ·{' '}
                {a.words.href ? (
                  <Link href={a.words.href} className="text-brand-800 underline underline-offset-4">
                    {activityText(t, a)}
                  </Link>
                ) : (
                  activityText(t, a)
                )}
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </div>
  );
}
