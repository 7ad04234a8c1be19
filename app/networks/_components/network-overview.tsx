'use client';

import Link from '@/app/_components/ui/link';
import { useI18n } from '@/app/_components/providers';
import { Badge, Card, EmptyState } from '@/app/_components/ui';
import { useFormat, type OrgName } from '@/app/_components/cooperation/use-format';
import type { NetworkOverview, RatingSpread } from '@/lib/networks/get-network-overview';
import type { Commitment } from '@/lib/commitments/records';
import type { LedgerEntry } from '@/lib/ledger/records';
import { activityText } from '@/lib/activity/words';
import type { FeedItem } from '@/lib/activity/list-feed';

/**
 * The three overview cards at the top of the network home: what waits for
 * this person, what is due, and the goals at a glance. Every line is a link to
 * the place where it is answered.
 */
export function NetworkOverviewCards({
  networkId,
  overview,
  orgs,
  unitLabels,
  recent,
  isNew = {},
}: {
  networkId: string;
  overview: NetworkOverview;
  orgs: OrgName[];
  unitLabels: Record<string, string>;
  /** The latest changes this person may see, newest first (the activity catalog's words). */
  recent: FeedItem[];
  /** Which of them are new since the person's previous visit (lib/for-me/visit.ts), by id. */
  isNew?: Record<number, boolean>;
}) {
  const { t } = useI18n();
  const fmt = useFormat();
  const base = `/networks/${networkId}`;
  const orgName = (id: string | null) =>
    id === null ? t('cooperation.ledger.network') : (orgs.find((o) => o.id === id)?.name ?? '');
  const needsCount = overview.toConfirmTotal + overview.goalReviewsDue.length + overview.commitmentReviewsDue.length;

  return (
    <div className="mb-6 grid gap-6 lg:grid-cols-2">
      <Card title={t('networks.overview.needsMe', { count: needsCount })} id="needs-me">
        {needsCount === 0 ? (
          <p className="text-stone-700" data-testid="needs-me-empty">
            {t('networks.overview.needsMeEmpty')}
          </p>
        ) : (
          <ul className="divide-y divide-stone-200" data-testid="needs-me">
            {overview.toConfirm.map((e) => (
              <li key={e.id} className="py-2">
                <Link href={`${base}/ledger`} className="font-medium text-brand-800 underline-offset-2 hover:underline">
                  {t('networks.overview.confirmEntry', {
                    from: orgName(e.giverOrgId),
                    to: orgName(e.receiverOrgId),
                    amount: fmt.amount(e.amount, e.unit, unitLabels),
                  })}
                </Link>
                <p className="text-sm text-stone-700">{entryLine(e, fmt.date)}</p>
              </li>
            ))}
            {overview.toConfirmTotal > overview.toConfirm.length ? (
              <li className="py-2 text-sm">
                <Link href={`${base}/ledger`} className="text-brand-800 underline">
                  {t('networks.overview.moreToConfirm', { count: overview.toConfirmTotal - overview.toConfirm.length })}
                </Link>
              </li>
            ) : null}
            {overview.goalReviewsDue.map((g) => (
              <li key={g.id} className="py-2">
                <Link
                  href={`${base}/goals/${g.id}`}
                  className="font-medium text-brand-800 underline-offset-2 hover:underline"
                >
                  {t('networks.overview.goalReview', { title: g.title })}
                </Link>
                <p className="text-sm text-stone-700">
                  {t('networks.overview.reviewSince', { date: fmt.date(g.reviewOn) })}
                </p>
              </li>
            ))}
            {overview.commitmentReviewsDue.map((c) => (
              <li key={c.id} className="py-2">
                <Link
                  href={`${base}/commitments`}
                  className="font-medium text-brand-800 underline-offset-2 hover:underline"
                >
                  {t('networks.overview.commitmentReview', {
                    organisation: c.organisationName ?? '',
                    goal: c.goalTitle ?? '',
                  })}
                </Link>
                <p className="text-sm text-stone-700">
                  {t('networks.overview.reviewSince', { date: fmt.date(c.pilotReviewOn) })}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card title={t('networks.overview.due')} id="due">
        {overview.overdueTotal + overview.dueSoonTotal === 0 ? (
          <p className="text-stone-700" data-testid="due-empty">
            {t('networks.overview.dueEmpty', { days: overview.soonDays })}
          </p>
        ) : (
          <>
            <CommitmentList
              title={t('networks.overview.overdue', { count: overview.overdueTotal })}
              items={overview.overdue}
              total={overview.overdueTotal}
              moreHref={`${base}/commitments`}
              tone="danger"
              mine={overview.myOrganisationId}
              unitLabels={unitLabels}
              base={base}
            />
            <CommitmentList
              title={t('networks.overview.dueSoon', { count: overview.dueSoonTotal, days: overview.soonDays })}
              items={overview.dueSoon}
              total={overview.dueSoonTotal}
              moreHref={`${base}/commitments`}
              tone="warning"
              mine={overview.myOrganisationId}
              unitLabels={unitLabels}
              base={base}
            />
          </>
        )}
      </Card>

      <Card title={t('networks.overview.goals')} id="goals-glance" className="lg:col-span-2">
        {overview.goals.length === 0 ? (
          <EmptyState
            title={t('networks.overview.noGoals')}
            description={t('networks.overview.noGoalsHint')}
            action={
              <Link href={`${base}/goals`} className="font-medium text-brand-800 underline">
                {t('networks.overview.toGoals')}
              </Link>
            }
          />
        ) : (
          <>
            <ul className="grid gap-3 sm:grid-cols-2" data-testid="goals-glance">
              {overview.goals.map((g) => (
                <li key={g.id} className="rounded-lg border border-stone-200 p-3">
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <Link
                      href={`${base}/goals/${g.id}`}
                      className="font-medium break-words text-brand-800 underline-offset-2 hover:underline"
                    >
                      {g.title}
                    </Link>
                    <Badge tone={g.status === 'achieved' ? 'success' : g.status === 'dropped' ? 'neutral' : 'brand'}>
                      {t(`cooperation.goalStatus.${g.status}`)}
                    </Badge>
                  </div>
                  <p className="mt-1 text-sm text-stone-700">
                    {t('networks.overview.goalOrganisations', { count: g.organisationIds.length })}
                    {g.targetDate ? ` · ${t('networks.overview.target', { date: fmt.date(g.targetDate) })}` : ''}
                  </p>
                  <Ratings spread={g.ratings} />
                </li>
              ))}
            </ul>
            <p className="mt-3 text-sm">
              <Link href={`${base}/goals`} className="text-brand-800 underline">
                {t('networks.overview.allGoals', { count: overview.goalsTotal })}
              </Link>
            </p>
          </>
        )}
      </Card>

      <Card title={t('networks.overview.recent')} id="recent" className="lg:col-span-2">
        {recent.length === 0 ? (
          <p className="text-stone-700">{t('networks.overview.recentEmpty')}</p>
        ) : (
          <ol className="divide-y divide-stone-200" data-testid="recent-changes">
            {recent.map((a) => (
              <li
                key={a.id}
                className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2"
                data-new={isNew[a.id] ? 'true' : undefined}
              >
                <span className="min-w-0 break-words">
                  {isNew[a.id] ? (
                    <Badge tone="info" className="mr-2">
                      {t('followUp.changes.new')}
                    </Badge>
                  ) : null}
                  {a.words.href ? (
                    <Link
                      href={a.words.href}
                      className="min-w-0 break-words text-brand-800 underline-offset-2 hover:underline"
                    >
                      {activityText(t, a)}
                    </Link>
                  ) : (
                    <span className="min-w-0 break-words">{activityText(t, a)}</span>
                  )}
                </span>
                <time dateTime={new Date(a.createdAt).toISOString()} className="text-sm text-stone-700">
                  {fmt.time(a.createdAt)}
                </time>
              </li>
            ))}
          </ol>
        )}
      </Card>
    </div>
  );

  function entryLine(e: LedgerEntry, date: (d: string | null) => string) {
    return [date(e.date), e.description].filter(Boolean).join(' · ');
  }
}

function CommitmentList({
  title,
  items,
  total,
  moreHref,
  tone,
  mine,
  unitLabels,
  base,
}: {
  title: string;
  items: Commitment[];
  total: number;
  moreHref: string;
  tone: 'danger' | 'warning';
  mine: string | null;
  unitLabels: Record<string, string>;
  base: string;
}) {
  const { t } = useI18n();
  const fmt = useFormat();
  if (total === 0) return null;
  return (
    <section aria-label={title} className="mb-4 last:mb-0">
      <h3 className="mb-1 font-semibold text-stone-900">{title}</h3>
      <ul className="divide-y divide-stone-200">
        {items.map((c) => (
          <li key={c.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
            <span className="min-w-0">
              <Link
                href={`${base}/goals/${c.goalId}`}
                className="font-medium break-words text-brand-800 underline-offset-2 hover:underline"
              >
                {c.goalTitle}
              </Link>
              <span className="block text-sm text-stone-700">
                {t('networks.overview.commitmentLine', {
                  organisation: c.organisationName ?? '',
                  amount: fmt.amount(c.amount, c.unit, unitLabels),
                })}
                {c.organisationId === mine ? ` · ${t('networks.overview.yours')}` : ''}
              </span>
            </span>
            <Badge tone={tone}>{fmt.date(c.dueOn)}</Badge>
          </li>
        ))}
      </ul>
      {total > items.length ? (
        <p className="mt-1 text-sm">
          <Link href={moreHref} className="text-brand-800 underline">
            {t('networks.overview.more', { count: total - items.length })}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

/** The spread of the organisations' ratings per question, as "lowest–highest", so disagreement shows. */
function Ratings({ spread }: { spread: RatingSpread }) {
  const { t } = useI18n();
  if (spread.count === 0) return <p className="mt-1 text-sm text-stone-600">{t('networks.overview.notRated')}</p>;
  const range = (r: [number, number] | null) => (r === null ? '–' : r[0] === r[1] ? String(r[0]) : `${r[0]}–${r[1]}`);
  return (
    <dl
      className="mt-2 grid grid-cols-3 gap-1 text-sm"
      aria-label={t('networks.overview.ratings', { count: spread.count })}
    >
      {(['attractive', 'concrete', 'flexible'] as const).map((k) => (
        <div key={k} className="rounded bg-stone-100 px-2 py-1">
          <dt className="text-xs leading-tight break-words hyphens-auto text-stone-700">
            {t(`cooperation.rating.${k}`)}
          </dt>
          <dd className="font-semibold text-stone-900">{range(spread[k])}</dd>
        </div>
      ))}
    </dl>
  );
}
