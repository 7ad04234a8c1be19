'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Alert, Button, Card, Form, SelectField, TextAreaField, TextField, useForm } from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';
import type { CooperationAbilities } from '@/lib/policies/cooperation-abilities';
import type { getGoal } from '@/lib/goals/get-goal';
import type { listGoalRevisions } from '@/lib/goals/list-goal-revisions';
import { GOAL_STATUSES, type Goal, type Indicator } from '@/lib/goals/records';
import { api, errorText, request } from '@/app/_lib/api-client';
import { CommitmentList, CreateCommitmentForm } from './commitments';
import { GoalStatusBadge } from './goal-board';
import { GoalText } from './goal-text';
import { RestoreVersion } from './restore-version';
import { PilotDecisionForm, ReviewBadge } from './pilot-review';
import { coopKey } from './live';
import { useFormat, type OrgName } from './use-format';
import { Comments } from '@/app/_components/comments/comments';

/** The goal (with what the person may do with it: `goal.abilities`) and the person's own organisation. */
type GoalView = Awaited<ReturnType<typeof getGoal>> & { abilities: CooperationAbilities };
type Revision = Awaited<ReturnType<typeof listGoalRevisions>>[number];
const SCALES = ['attractive', 'concrete', 'flexible'] as const;

/** One goal: its accountable parts, the live description, versions, ratings, comments and commitments. */
export function GoalDetail({
  networkId,
  goalId,
  orgs,
  realtimeUrl,
  self,
  actions,
}: {
  networkId: string;
  goalId: string;
  orgs: OrgName[];
  realtimeUrl: string;
  /** Page actions shown beside the goal's status (the Export menu). */
  actions?: ReactNode;
  self: { id: string; name: string; organisation: string | null };
}) {
  const { t } = useI18n();
  const f = useFormat();
  const key = coopKey(networkId, 'goal', goalId);
  const view = useQuery({
    queryKey: key,
    queryFn: () => api.get<GoalView>(`/api/networks/${networkId}/goals/${goalId}`),
  });
  if (view.isError) return <Alert tone="error">{errorText(view.error, t)}</Alert>;
  if (!view.data) return <p aria-busy="true">{t('common.loading')}</p>;
  const { goal, abilities } = view.data;
  const orgName = (id: string | null) => orgs.find((o) => o.id === id)?.name ?? '—';
  const canUpdate = goal.abilities.update;

  return (
    <div className="grid gap-6">
      <header className="rounded-lg border border-stone-300 bg-white p-4">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h1 className="text-2xl font-semibold sm:text-3xl">{goal.title}</h1>
          <span className="flex flex-wrap items-center gap-2">
            <GoalStatusBadge status={goal.status} />
            {goal.status === 'pilot' ? <ReviewBadge reviewOn={goal.reviewOn} due={goal.reviewDue} /> : null}
            {actions}
          </span>
        </div>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="font-medium">{t('cooperation.goal.whyTogether')}</dt>
          <dd>{goal.whyTogether || '—'}</dd>
          <dt className="font-medium">{t('cooperation.goal.target')}</dt>
          <dd>{f.date(goal.targetDate)}</dd>
          {goal.status === 'pilot' ? (
            <>
              <dt className="font-medium">{t('cooperation.pilot.reviewOn')}</dt>
              <dd>{f.date(goal.reviewOn)}</dd>
            </>
          ) : null}
          <dt className="font-medium">{t('cooperation.goal.organisations')}</dt>
          <dd>{goal.organisationIds.map(orgName).join(', ') || '—'}</dd>
          <dt className="font-medium">{t('cooperation.goal.version')}</dt>
          <dd>{goal.version}</dd>
        </dl>
        <Indicators indicators={goal.indicators} />
      </header>

      {goal.abilities.decidePilot ? (
        <Card title={t('cooperation.pilot.title')} id="pilot-review">
          <PilotDecisionForm
            key={goal.version}
            networkId={networkId}
            url={`/api/networks/${networkId}/goals/${goal.id}/pilot-decision`}
            subject="goal"
            reviewOn={goal.reviewOn}
            reviewDue={goal.reviewDue}
            expectedVersion={goal.version}
          />
        </Card>
      ) : null}

      {canUpdate ? <GoalEditForm networkId={networkId} goal={goal} /> : null}
      {canUpdate ? <ParticipantsForm networkId={networkId} goal={goal} orgs={orgs} /> : null}

      <Card title={t('cooperation.text.title')} id="description">
        <GoalText
          networkId={networkId}
          goalId={goalId}
          realtimeUrl={realtimeUrl}
          canWrite={goal.abilities.editText}
          self={self}
        />
      </Card>

      <Revisions networkId={networkId} goal={goal} canRestore={goal.abilities.restoreVersion} />

      <Ratings networkId={networkId} view={view.data} orgName={orgName} />

      <Card title={t('cooperation.commitments.forGoal')} id="commitments">
        {goal.abilities.commit && abilities.organisationId ? (
          <CreateCommitmentForm networkId={networkId} goalId={goalId} organisationId={abilities.organisationId} />
        ) : null}
        <CommitmentList networkId={networkId} filter={{ goalId }} />
      </Card>

      <Comments subjectType="goal" subjectId={view.data.goal.id} networkId={networkId} />
    </div>
  );
}

function Indicators({ indicators }: { indicators: Indicator[] }) {
  const { t } = useI18n();
  const f = useFormat();
  if (!indicators.length) return null;
  return (
    <div className="mt-3">
      <h2 className="font-medium">{t('cooperation.goal.indicators')}</h2>
      <ul className="mt-1 grid gap-2">
        {indicators.map((i) => (
          <li key={i.id}>
            <span>
              {i.label}: {f.number(i.current)} / {f.number(i.target)} {i.unit}
            </span>
            <progress
              className="ml-2 align-middle"
              max={i.target || 1}
              value={Math.min(i.current, i.target || 1)}
              aria-label={i.label}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Status, target date and indicators. The status change is optimistic and rolls back with the server's reason. */
function GoalEditForm({ networkId, goal }: { networkId: string; goal: Goal }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const key = coopKey(networkId, 'goal', goal.id);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const mutation = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      request<{ goal: Goal }>('PATCH', `/api/networks/${networkId}/goals/${goal.id}`, body),
    onMutate: async (body) => {
      setError(null);
      setSaved(false);
      await qc.cancelQueries({ queryKey: key });
      const before = qc.getQueryData<GoalView>(key);
      if (before) qc.setQueryData<GoalView>(key, { ...before, goal: { ...before.goal, ...(body as Partial<Goal>) } });
      return { before };
    },
    onError: (err, _body, ctx) => {
      if (ctx?.before) qc.setQueryData(key, ctx.before);
      setError(`${t('cooperation.rolledBack')} ${errorText(err, t)}`);
    },
    onSuccess: () => setSaved(true),
    onSettled: () => void qc.invalidateQueries({ queryKey: coopKey(networkId) }),
  });

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const d = new FormData(e.currentTarget);
    const indicators = goal.indicators.map((i) => ({ ...i, current: Number(d.get(`indicator-${i.id}`) ?? i.current) }));
    const label = String(d.get('newIndicatorLabel') ?? '').trim();
    if (label)
      indicators.push({
        id: `i${Date.now().toString(36)}`,
        label,
        unit: String(d.get('newIndicatorUnit') ?? ''),
        target: Number(d.get('newIndicatorTarget') || 0),
        current: 0,
      });
    const status = String(d.get('status'));
    mutation.mutate({
      expectedVersion: goal.version,
      status,
      targetDate: d.get('targetDate') ? String(d.get('targetDate')) : null,
      // A pilot needs a review date (the server says so when it is missing); other states have none.
      ...(status === 'pilot' ? { reviewOn: String(d.get('reviewOn') ?? '') || null } : {}),
      indicators,
    });
  }

  return (
    <Card title={t('cooperation.goal.change')} id="change-goal">
      <form onSubmit={onSubmit} key={goal.version}>
        {error ? <Alert tone="error">{error}</Alert> : null}
        {saved ? <Alert tone="success">{t('cooperation.goal.changed')}</Alert> : null}
        <div className="grid gap-x-4 sm:grid-cols-2">
          <SelectField
            label={t('cooperation.goal.status')}
            name="status"
            defaultValue={goal.status}
            // A pilot leaves `pilot` only through its review (the server refuses a bare status change).
            hint={goal.status === 'pilot' ? t('cooperation.pilot.statusHint') : undefined}
            options={(goal.status === 'pilot' ? (['pilot'] as const) : GOAL_STATUSES).map((s) => ({
              value: s,
              label: t(`cooperation.goalStatus.${s}`),
            }))}
          />
          <TextField
            label={t('cooperation.goal.target')}
            name="targetDate"
            type="date"
            defaultValue={goal.targetDate ?? ''}
            optionalLabel={t('common.optional')}
          />
          <TextField
            label={t('cooperation.pilot.reviewOn')}
            hint={t('cooperation.pilot.reviewOnHint')}
            name="reviewOn"
            type="date"
            defaultValue={goal.reviewOn ?? ''}
          />
        </div>
        {goal.indicators.map((i) => (
          <TextField
            key={i.id}
            label={t('cooperation.goal.indicatorProgress', { label: i.label })}
            name={`indicator-${i.id}`}
            type="number"
            min={0}
            step="any"
            defaultValue={i.current}
          />
        ))}
        <fieldset className="mb-2 grid gap-x-4 sm:grid-cols-3">
          <legend className="mb-1 font-medium">{t('cooperation.goal.newIndicator')}</legend>
          <TextField
            label={t('cooperation.goal.indicatorLabel')}
            name="newIndicatorLabel"
            optionalLabel={t('common.optional')}
          />
          <TextField
            label={t('cooperation.goal.indicatorTarget')}
            name="newIndicatorTarget"
            type="number"
            min={0}
            step="any"
          />
          <TextField label={t('cooperation.goal.indicatorUnit')} name="newIndicatorUnit" />
        </fieldset>
        <Button type="submit" busy={mutation.isPending}>
          {t('common.save')}
        </Button>
      </form>
    </Card>
  );
}

/** The participating organisations: a checkbox per organisation of the network, saved as a new version. */
function ParticipantsForm({ networkId, goal, orgs }: { networkId: string; goal: Goal; orgs: OrgName[] }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const mutation = useMutation({
    mutationFn: (organisationIds: string[]) =>
      request<{ goal: Goal }>('PATCH', `/api/networks/${networkId}/goals/${goal.id}`, {
        expectedVersion: goal.version,
        organisationIds,
      }),
    onMutate: () => {
      setError(null);
      setSaved(false);
    },
    onError: (err) => setError(errorText(err, t)),
    onSuccess: () => setSaved(true),
    onSettled: () => void qc.invalidateQueries({ queryKey: coopKey(networkId) }),
  });

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const ids = new FormData(e.currentTarget).getAll('organisationIds').map(String);
    mutation.mutate(ids);
  }

  return (
    <Card title={t('cooperation.goal.participants')} id="participants">
      <form onSubmit={onSubmit} key={goal.version} aria-label={t('cooperation.goal.participants')}>
        {error ? <Alert tone="error">{error}</Alert> : null}
        {saved ? <Alert tone="success">{t('cooperation.goal.participantsSaved')}</Alert> : null}
        <fieldset className="mb-4">
          <legend className="font-medium">{t('cooperation.goal.organisations')}</legend>
          {orgs.map((o) => (
            <label key={o.id} className="mt-1 flex items-center gap-2">
              <input
                type="checkbox"
                name="organisationIds"
                value={o.id}
                defaultChecked={goal.organisationIds.includes(o.id)}
                className="h-4 w-4"
              />
              {o.name}
            </label>
          ))}
        </fieldset>
        <Button type="submit" busy={mutation.isPending}>
          {t('cooperation.goal.participantsSave')}
        </Button>
      </form>
    </Card>
  );
}

/** Every version; one earlier version beside the current one; restoring its text makes a new version. */
function Revisions({ networkId, goal, canRestore }: { networkId: string; goal: Goal; canRestore: boolean }) {
  const { t } = useI18n();
  const f = useFormat();
  const revs = useQuery({
    queryKey: coopKey(networkId, 'goal', goal.id, 'revisions'),
    queryFn: () => api.get<{ revisions: Revision[] }>(`/api/networks/${networkId}/goals/${goal.id}/revisions`),
  });
  const [picked, setPicked] = useState<number | null>(null);
  const list = revs.data?.revisions ?? [];
  const current = list[0];
  const earlier = list.find((r) => r.version === picked) ?? null;
  const field = (r: Revision) => (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
      <dt className="font-medium">{t('cooperation.goal.status')}</dt>
      <dd>{t(`cooperation.goalStatus.${r.snapshot.status}`)}</dd>
      <dt className="font-medium">{t('cooperation.goal.target')}</dt>
      <dd>{f.date(r.snapshot.targetDate)}</dd>
      <dt className="font-medium">{t('cooperation.goal.indicators')}</dt>
      <dd>{r.snapshot.indicators.map((i) => `${i.label}: ${i.current}/${i.target}`).join('; ') || '—'}</dd>
      <dt className="font-medium">{t('cooperation.text.title')}</dt>
      <dd className="whitespace-pre-wrap">{r.snapshot.description || '—'}</dd>
    </dl>
  );
  return (
    <Card title={t('cooperation.revisions.title')} id="revisions">
      <ol className="grid gap-1 text-sm" data-testid="revisions">
        {list.map((r) => (
          <li key={r.version} className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{t('cooperation.revisions.version', { version: r.version })}</span>
            <span>
              {r.actorName} · {f.time(r.createdAt)} ·{' '}
              {r.changed.map((c) => t(`cooperation.revisions.changed.${c}`)).join(', ')}
              {r.restoredFrom ? ` · ${t('cooperation.revisions.restoredFrom', { version: r.restoredFrom })}` : ''}
              {r.decision ? (
                <span className="block" data-testid="pilot-decision-note">
                  {t('cooperation.pilot.revisionNote', {
                    decision: t(`cooperation.pilot.decidedShort.${r.decision.decision}`),
                    reason: r.decision.reason,
                  })}
                  {r.decision.nextReviewOn
                    ? ` · ${t('cooperation.pilot.reviewOnDate', { date: f.date(r.decision.nextReviewOn) })}`
                    : ''}
                  {r.decision.early ? ` ${t('cooperation.pilot.earlyNote')}` : ''}
                </span>
              ) : null}
            </span>
            {r !== current ? (
              <Button
                variant="ghost"
                size="sm"
                onClick={() => setPicked(r.version)}
                aria-pressed={picked === r.version}
              >
                {t('cooperation.revisions.compare', { version: r.version })}
              </Button>
            ) : null}
          </li>
        ))}
      </ol>
      {earlier && current ? (
        <div className="mt-4 grid gap-4 md:grid-cols-2" data-testid="revision-compare">
          <section
            aria-label={t('cooperation.revisions.version', { version: earlier.version })}
            className="rounded border border-stone-300 p-3"
          >
            <h3 className="mb-2 font-semibold">{t('cooperation.revisions.version', { version: earlier.version })}</h3>
            {field(earlier)}
            {canRestore ? (
              <RestoreVersion key={earlier.version} networkId={networkId} goalId={goal.id} version={earlier.version} />
            ) : null}
          </section>
          <section aria-label={t('cooperation.revisions.current')} className="rounded border border-stone-300 p-3">
            <h3 className="mb-2 font-semibold">{t('cooperation.revisions.current')}</h3>
            {field(current)}
          </section>
        </div>
      ) : null}
    </Card>
  );
}

function Ratings({
  networkId,
  view,
  orgName,
}: {
  networkId: string;
  view: GoalView;
  orgName: (id: string | null) => string;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const { abilities, ratings, spread, goal } = view;
  const mine = ratings.find((r) => r.organisationId === abilities.organisationId);
  const rate = useForm({
    read: (d) => ({
      organisationId: abilities.organisationId,
      attractive: Number(d.get('attractive')),
      concrete: Number(d.get('concrete')),
      flexible: Number(d.get('flexible')),
      comment: String(d.get('comment') ?? ''),
    }),
    submit: (body) => api.put(`/api/networks/${networkId}/goals/${goal.id}/ratings`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: coopKey(networkId) }),
  });
  const scoreOptions = [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t(`cooperation.rating.score${n}`) }));
  return (
    <Card title={t('cooperation.rating.title')} id="ratings">
      <div className="grid gap-6 lg:grid-cols-2">
        <div>
          {spread.count ? (
            <>
              <table className="w-full text-left text-sm">
                <caption className="mb-1 text-left font-medium">{t('cooperation.rating.spread')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('cooperation.rating.scale')}</th>
                    <th scope="col">{t('cooperation.rating.range')}</th>
                    <th scope="col">{t('cooperation.rating.mean')}</th>
                    <th scope="col">{t('cooperation.rating.sd')}</th>
                  </tr>
                </thead>
                <tbody>
                  {SCALES.map((s) => (
                    <tr key={s}>
                      <th scope="row" className="font-normal">
                        {t(`cooperation.rating.${s}`)}
                      </th>
                      <td>{spread.scales[s] ? `${spread.scales[s]!.min}–${spread.scales[s]!.max}` : '—'}</td>
                      <td>{spread.scales[s]?.mean ?? '—'}</td>
                      <td>{spread.scales[s]?.sd ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {spread.mostDivergent ? (
                <p className="mt-2 text-sm" data-testid="most-divergent">
                  {t('cooperation.rating.mostDivergent', {
                    organisation: orgName(spread.mostDivergent.organisationId),
                  })}
                </p>
              ) : null}
              <ul className="mt-3 grid gap-2 text-sm" data-testid="ratings">
                {ratings.map((r) => (
                  <li key={r.organisationId}>
                    <span className="font-medium">{r.organisationName}</span>: {t('cooperation.rating.attractive')}{' '}
                    {r.attractive}, {t('cooperation.rating.concrete')} {r.concrete}, {t('cooperation.rating.flexible')}{' '}
                    {r.flexible}
                    {r.comment ? ` — „${r.comment}“` : ''}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t('cooperation.rating.none')}</p>
          )}
        </div>
        {goal.abilities.rate ? (
          <Form form={rate} aria-label={t('cooperation.rating.yours')}>
            <h3 className="mb-2 font-semibold">{t('cooperation.rating.yours')}</h3>
            {rate.result !== null ? <Alert tone="success">{t('cooperation.rating.saved')}</Alert> : null}
            {SCALES.map((s) => (
              <SelectField
                key={s}
                label={t(`cooperation.rating.${s}`)}
                name={s}
                defaultValue={String(mine?.[s] ?? 3)}
                options={scoreOptions}
              />
            ))}
            <TextAreaField
              label={t('cooperation.rating.comment')}
              name="comment"
              rows={2}
              defaultValue={mine?.comment ?? ''}
              optionalLabel={t('common.optional')}
            />
            <Button type="submit" busy={rate.busy}>
              {t('cooperation.rating.submit')}
            </Button>
          </Form>
        ) : null}
      </div>
    </Card>
  );
}
