'use client';

import Link from '@/app/_components/ui/link';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  EmptyState,
  Form,
  SelectField,
  TextAreaField,
  TextField,
  useForm,
} from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';
import type { CooperationAbilities } from '@/lib/policies/cooperation-abilities';
import { GOAL_STATUSES, type Goal } from '@/lib/goals/records';
import { api, errorText, qs } from '@/app/_lib/api-client';
import { coopKey } from './live';
import { ReviewBadge } from './pilot-review';
import { useFormat, type OrgName } from './use-format';

const PAGE = 20;

export interface BoardPage {
  total: number;
  goals: Goal[];
  abilities: CooperationAbilities;
}

/** The goal board: filter by status and organisation, search words, sort by date; propose a goal. */
export function GoalBoard({ networkId, orgs, initial }: { networkId: string; orgs: OrgName[]; initial?: BoardPage }) {
  const { t } = useI18n();
  const f = useFormat();
  const [status, setStatus] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState('updated_desc');
  const [reviewDue, setReviewDue] = useState(false);
  const [offset, setOffset] = useState(0);
  const filters = {
    status,
    organisationId,
    q: search,
    sort,
    review: reviewDue ? 'due' : undefined,
    limit: PAGE,
    offset,
  };
  const board = useQuery({
    queryKey: coopKey(networkId, 'goals', filters),
    queryFn: () => api.get<BoardPage>(`/api/networks/${networkId}/goals${qs(filters)}`),
    placeholderData: (prev) => prev,
    // The first page comes with the HTML (rendered on the server), so content shows without a second round trip.
    initialData:
      !status && !organisationId && !search && !reviewDue && sort === 'updated_desc' && offset === 0
        ? initial
        : undefined,
  });
  const orgName = (id: string) => orgs.find((o) => o.id === id)?.name ?? '';
  const statusOptions = [
    { value: '', label: t('cooperation.filter.allStatuses') },
    ...GOAL_STATUSES.map((s) => ({ value: s, label: t(`cooperation.goalStatus.${s}`) })),
  ];

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <section aria-labelledby="goal-board-title">
        <h2 id="goal-board-title" className="sr-only">
          {t('cooperation.board.title')}
        </h2>
        <form
          role="search"
          aria-label={t('cooperation.board.filters')}
          className="mb-4 grid gap-x-3 sm:grid-cols-2"
          onSubmit={(e) => {
            e.preventDefault();
            setSearch(q);
            setOffset(0);
          }}
        >
          <SelectField
            label={t('cooperation.filter.status')}
            value={status}
            options={statusOptions}
            onChange={(e) => (setStatus(e.target.value), setOffset(0))}
          />
          <SelectField
            label={t('cooperation.filter.organisation')}
            value={organisationId}
            options={[
              { value: '', label: t('cooperation.filter.allOrganisations') },
              ...orgs.map((o) => ({ value: o.id, label: o.name })),
            ]}
            onChange={(e) => (setOrganisationId(e.target.value), setOffset(0))}
          />
          <SelectField
            label={t('cooperation.filter.sort')}
            value={sort}
            options={['updated_desc', 'target_asc', 'target_desc', 'created_desc'].map((s) => ({
              value: s,
              label: t(`cooperation.sort.${s}`),
            }))}
            onChange={(e) => setSort(e.target.value)}
          />
          <div className="flex items-end gap-2">
            <TextField
              label={t('cooperation.filter.search')}
              type="search"
              value={q}
              onChange={(e) => setQ(e.target.value)}
              className="min-w-0 flex-1"
            />
            <Button type="submit" variant="secondary" className="mb-4">
              {t('cooperation.filter.searchButton')}
            </Button>
          </div>
          <label className="mb-4 flex items-center gap-2 sm:col-span-2">
            <input
              type="checkbox"
              className="h-4 w-4"
              checked={reviewDue}
              onChange={(e) => (setReviewDue(e.target.checked), setOffset(0))}
            />
            {t('cooperation.filter.reviewDue')}
          </label>
        </form>
        {board.isError ? <Alert tone="error">{errorText(board.error, t)}</Alert> : null}
        {board.data && board.data.goals.length === 0 ? (
          <EmptyState title={t('cooperation.board.empty')} description={t('cooperation.board.emptyHint')} />
        ) : null}
        <p className="mb-2 text-sm text-stone-700" aria-live="polite">
          {board.data ? t('cooperation.board.count', { count: board.data.total }) : t('common.loading')}
        </p>
        <ul className="grid gap-3" data-testid="goal-list">
          {board.data?.goals.map((g) => (
            <li key={g.id} className="rounded-lg border border-stone-300 bg-white p-4">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h3 className="text-lg font-semibold">
                  <Link
                    href={`/networks/${networkId}/goals/${g.id}`}
                    className="text-brand-800 underline underline-offset-4"
                  >
                    {g.title}
                  </Link>
                </h3>
                <span className="flex flex-wrap items-center gap-2">
                  <GoalStatusBadge status={g.status} />
                  {g.status === 'pilot' ? <ReviewBadge reviewOn={g.reviewOn} due={g.reviewDue} /> : null}
                </span>
              </div>
              {g.whyTogether ? <p className="mt-1 text-stone-800">{g.whyTogether}</p> : null}
              <p className="mt-2 text-sm text-stone-700">
                {t('cooperation.goal.target')}: {f.date(g.targetDate)} ·{' '}
                {g.organisationIds.map(orgName).filter(Boolean).join(', ') || '—'}
              </p>
            </li>
          ))}
        </ul>
        {board.data && board.data.total > PAGE ? (
          <nav aria-label={t('cooperation.pagination')} className="mt-4 flex items-center gap-3">
            <Button
              variant="secondary"
              size="sm"
              disabled={offset === 0}
              focusableWhenDisabled
              onClick={() => setOffset(Math.max(0, offset - PAGE))}
            >
              {t('cooperation.previous')}
            </Button>
            <span className="text-sm">
              {t('cooperation.pageOf', {
                from: offset + 1,
                to: Math.min(offset + PAGE, board.data.total),
                total: board.data.total,
              })}
            </span>
            <Button
              variant="secondary"
              size="sm"
              disabled={offset + PAGE >= board.data.total}
              focusableWhenDisabled
              onClick={() => setOffset(offset + PAGE)}
            >
              {t('cooperation.next')}
            </Button>
          </nav>
        ) : null}
      </section>
      {board.data?.abilities.createGoal ? (
        <CreateGoalForm networkId={networkId} orgs={orgs} myOrgId={board.data.abilities.organisationId} />
      ) : null}
    </div>
  );
}

export function GoalStatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  return (
    <span
      className="rounded-full border border-stone-500 bg-stone-100 px-2 py-0.5 text-sm font-medium text-stone-900"
      data-status={status}
    >
      {t(`cooperation.goalStatus.${status}`)}
    </span>
  );
}

function CreateGoalForm({ networkId, orgs, myOrgId }: { networkId: string; orgs: OrgName[]; myOrgId: string | null }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const create = useForm({
    read: (data) => ({
      title: String(data.get('title') ?? ''),
      whyTogether: String(data.get('whyTogether') ?? ''),
      status: String(data.get('status') ?? 'proposed'),
      targetDate: data.get('targetDate') ? String(data.get('targetDate')) : null,
      ...(data.get('status') === 'pilot' ? { reviewOn: String(data.get('reviewOn') ?? '') || null } : {}),
      organisationIds: data.getAll('organisationIds').map(String),
    }),
    submit: (body) => api.post<{ goal: Goal }>(`/api/networks/${networkId}/goals`, body),
    onSuccess: (_res, { form }) => {
      form?.reset();
      void qc.invalidateQueries({ queryKey: coopKey(networkId) });
    },
  });

  return (
    <Card title={t('cooperation.createGoal.title')} id="create-goal">
      <Form form={create}>
        {create.result ? (
          <Alert tone="success">{t('cooperation.createGoal.done', { title: create.result.goal.title })}</Alert>
        ) : null}
        <TextField label={t('cooperation.goal.title')} name="title" required minLength={3} maxLength={200} />
        <TextAreaField
          label={t('cooperation.goal.whyTogether')}
          hint={t('cooperation.goal.whyTogetherHint')}
          name="whyTogether"
          rows={3}
        />
        <TextField
          label={t('cooperation.goal.target')}
          name="targetDate"
          type="date"
          optionalLabel={t('common.optional')}
        />
        <SelectField
          label={t('cooperation.goal.status')}
          name="status"
          defaultValue="proposed"
          options={(['proposed', 'pilot'] as const).map((s) => ({ value: s, label: t(`cooperation.goalStatus.${s}`) }))}
        />
        <TextField
          label={t('cooperation.pilot.reviewOn')}
          hint={t('cooperation.pilot.reviewOnHint')}
          name="reviewOn"
          type="date"
        />
        <fieldset className="mb-4">
          <legend className="font-medium">{t('cooperation.goal.organisations')}</legend>
          {orgs.map((o) => (
            <label key={o.id} className="mt-1 flex items-center gap-2">
              <input
                type="checkbox"
                name="organisationIds"
                value={o.id}
                defaultChecked={o.id === myOrgId}
                disabled={o.id === myOrgId}
                className="h-4 w-4"
              />
              {o.name}
            </label>
          ))}
        </fieldset>
        <Button type="submit" busy={create.busy}>
          {create.busy ? t('common.saving') : t('cooperation.createGoal.submit')}
        </Button>
      </Form>
    </Card>
  );
}
