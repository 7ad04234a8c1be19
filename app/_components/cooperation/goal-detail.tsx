'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Alert, Badge, Button, Card, Form, SelectField, TextAreaField, TextField, useForm } from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';
import type { CooperationAbilities } from '@/lib/policies/cooperation-abilities';
import type { getGoal } from '@/lib/goals/get-goal';
import type { listGoalRevisions } from '@/lib/goals/list-goal-revisions';
import { GOAL_STATUSES, type Goal, type Indicator } from '@/lib/goals/records';
import { ApiError, api, errorText, request } from '@/app/_lib/api-client';
import { CommitmentList, CreateCommitmentForm } from './commitments';
import { GoalStatusBadge } from './goal-board';
import { GoalText } from './goal-text';
import { RestoreVersion } from './restore-version';
import { PilotDecisionForm, ReviewBadge } from './pilot-review';
import { coopKey } from './live';
import { diffWords } from './text-diff';
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
  /** Which editing part is open in place: the goal's details, its participants, a new commitment. */
  const [panel, setPanel] = useState<'edit' | 'participants' | 'commit' | null>(null);
  if (view.isError) return <Alert tone="error">{errorText(view.error, t)}</Alert>;
  if (!view.data) return <p aria-busy="true">{t('common.loading')}</p>;
  const { goal, abilities } = view.data;
  const orgName = (id: string | null) => orgs.find((o) => o.id === id)?.name ?? '—';
  const canUpdate = goal.abilities.update;

  return (
    <div className="grid gap-6">
      <header className="rounded-card border border-stone-300 bg-white p-card">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <h1 className="text-2xl font-semibold text-stone-900 sm:text-3xl">{goal.title}</h1>
            <p className="mt-2 flex flex-wrap items-center gap-2">
              <GoalStatusBadge status={goal.status} />
              {goal.status === 'pilot' ? <ReviewBadge reviewOn={goal.reviewOn} due={goal.reviewDue} /> : null}
              {goal.targetDate ? (
                <span className="text-sm text-stone-700">
                  {t('cooperation.goal.target')}: {f.date(goal.targetDate)}
                </span>
              ) : null}
            </p>
          </div>
          {canUpdate || actions ? (
            <div className="flex flex-wrap gap-2">
              {actions}
              {canUpdate ? (
                <>
                  <Disclosure
                    label={t('pages.goal.edit')}
                    open={panel === 'edit'}
                    onToggle={() => setPanel(panel === 'edit' ? null : 'edit')}
                    controls="change-goal"
                  />
                  <Disclosure
                    label={t('pages.goal.participants')}
                    open={panel === 'participants'}
                    onToggle={() => setPanel(panel === 'participants' ? null : 'participants')}
                    controls="participants"
                  />
                </>
              ) : null}
            </div>
          ) : null}
        </div>
        <section aria-labelledby="why-heading" className="mt-4">
          <h2 id="why-heading" className="text-sm font-semibold uppercase tracking-wide text-stone-700">
            {t('cooperation.goal.whyTogether')}
          </h2>
          <p className="mt-1 text-lg text-stone-900" data-testid="goal-why">
            {goal.whyTogether || <span className="text-stone-700">{t('pages.goal.noWhy')}</span>}
          </p>
        </section>
        <section aria-labelledby="participants-heading" className="mt-4">
          <h2 id="participants-heading" className="text-sm font-semibold uppercase tracking-wide text-stone-700">
            {t('cooperation.goal.organisations')}
          </h2>
          <p className="mt-1 flex flex-wrap gap-2">
            {goal.organisationIds.length
              ? goal.organisationIds.map((id) => (
                  <Badge key={id} tone="brand">
                    {orgName(id)}
                  </Badge>
                ))
              : '—'}
          </p>
        </section>
        <Indicators indicators={goal.indicators} />
      </header>

      {canUpdate && panel === 'edit' ? (
        <GoalEditForm networkId={networkId} goal={goal} onDone={() => setPanel(null)} />
      ) : null}
      {canUpdate && panel === 'participants' ? (
        <ParticipantsForm networkId={networkId} goal={goal} orgs={orgs} />
      ) : null}

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

      <Card title={t('cooperation.text.title')} id="description">
        <GoalText
          networkId={networkId}
          goalId={goalId}
          realtimeUrl={realtimeUrl}
          canWrite={goal.abilities.editText}
          self={self}
        />
      </Card>

      <Card title={t('cooperation.commitments.forGoal')} id="commitments">
        {goal.abilities.commit && abilities.organisationId ? (
          <div className="mb-4">
            <Disclosure
              label={t('cooperation.commitments.new')}
              open={panel === 'commit'}
              onToggle={() => setPanel(panel === 'commit' ? null : 'commit')}
              controls="commit-form"
              primary
            />
            {panel === 'commit' ? (
              <div id="commit-form" className="mt-3">
                <CreateCommitmentForm networkId={networkId} goalId={goalId} organisationId={abilities.organisationId} />
              </div>
            ) : null}
          </div>
        ) : null}
        <CommitmentList networkId={networkId} filter={{ goalId }} emptyText={t('pages.goal.noCommitments')} />
      </Card>

      <Ratings networkId={networkId} view={view.data} orgName={orgName} />

      <Comments subjectType="goal" subjectId={view.data.goal.id} networkId={networkId} />

      <Revisions networkId={networkId} goal={goal} canRestore={goal.abilities.restoreVersion} />
    </div>
  );
}

/** A button that opens a part of the page in place (an edit form) and says whether it is open. */
function Disclosure({
  label,
  open,
  onToggle,
  controls,
  primary,
}: {
  label: string;
  open: boolean;
  onToggle: () => void;
  controls: string;
  primary?: boolean;
}) {
  return (
    <Button
      variant={primary && !open ? 'primary' : 'secondary'}
      size={primary ? 'md' : 'sm'}
      aria-expanded={open}
      aria-controls={open ? controls : undefined}
      onClick={onToggle}
    >
      {label}
    </Button>
  );
}

function Indicators({ indicators }: { indicators: Indicator[] }) {
  const { t } = useI18n();
  const f = useFormat();
  if (!indicators.length) return null;
  return (
    <section aria-labelledby="indicators-heading" className="mt-4">
      <h2 id="indicators-heading" className="text-sm font-semibold uppercase tracking-wide text-stone-700">
        {t('cooperation.goal.indicators')}
      </h2>
      <ul className="mt-1 grid gap-2 sm:grid-cols-2">
        {indicators.map((i) => (
          <li key={i.id} className="min-w-0">
            <span className="block">
              {i.label}: {f.number(i.current)} / {f.number(i.target)} {i.unit}
            </span>
            <progress
              className="h-2 w-full max-w-xs accent-brand-700"
              max={i.target || 1}
              value={Math.min(i.current, i.target || 1)}
              aria-label={i.label}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Title, "why none of us can reach this alone", status, target date and
 * indicators, behind "Edit". The change is optimistic and rolls back with the
 * server's reason; a saved change is a new version.
 */
function GoalEditForm({ networkId, goal, onDone }: { networkId: string; goal: Goal; onDone: () => void }) {
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
  const fields = mutation.error instanceof ApiError ? mutation.error.fields : {};

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
      title: String(d.get('title') ?? ''),
      whyTogether: String(d.get('whyTogether') ?? ''),
      status,
      targetDate: d.get('targetDate') ? String(d.get('targetDate')) : null,
      // A pilot needs a review date (the server says so when it is missing); other states have none.
      ...(status === 'pilot' ? { reviewOn: String(d.get('reviewOn') ?? '') || null } : {}),
      indicators,
    });
  }

  return (
    <Card title={t('pages.goal.editTitle')} id="change-goal">
      <form onSubmit={onSubmit} key={goal.version} aria-label={t('pages.goal.editTitle')}>
        {error ? <Alert tone="error">{error}</Alert> : null}
        {saved ? <Alert tone="success">{t('cooperation.goal.changed')}</Alert> : null}
        <TextField
          label={t('cooperation.goal.title')}
          name="title"
          defaultValue={goal.title}
          required
          maxLength={200}
          error={fields.title}
        />
        <TextAreaField
          label={t('cooperation.goal.whyTogether')}
          hint={t('cooperation.goal.whyTogetherHint')}
          name="whyTogether"
          rows={3}
          defaultValue={goal.whyTogether}
          maxLength={4000}
          error={fields.whyTogether}
        />
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
            error={fields.targetDate}
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
            maxLength={200}
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
        <div className="flex flex-wrap gap-2">
          <Button type="submit" busy={mutation.isPending}>
            {t('common.save')}
          </Button>
          <Button variant="secondary" onClick={onDone}>
            {t('common.close')}
          </Button>
        </div>
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
          {orgs
            .filter((o) => o.status !== 'left' || goal.organisationIds.includes(o.id))
            .map((o) => (
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
      {earlier && current ? <WhatChanged before={earlier} after={current} /> : null}
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

/** Title, "why" and text of an earlier version against the current one, words removed and added marked. */
function WhatChanged({ before, after }: { before: Revision; after: Revision }) {
  const { t } = useI18n();
  const rows = [
    { key: 'title', label: t('cooperation.goal.title'), a: before.snapshot.title, b: after.snapshot.title },
    {
      key: 'whyTogether',
      label: t('cooperation.goal.whyTogether'),
      a: before.snapshot.whyTogether ?? '',
      b: after.snapshot.whyTogether ?? '',
    },
    {
      key: 'description',
      label: t('cooperation.text.title'),
      a: before.snapshot.description,
      b: after.snapshot.description,
    },
  ].filter((r) => r.a !== r.b);
  return (
    <section
      aria-labelledby="what-changed-heading"
      className="mt-4 rounded-card border border-stone-300 bg-stone-50 p-4"
      data-testid="what-changed"
    >
      <h3 id="what-changed-heading" className="font-semibold">
        {t('pages.goal.whatChanged', { from: before.version, to: after.version })}
      </h3>
      <p className="mt-1 text-sm text-stone-700">{t('pages.goal.diffLegend')}</p>
      {rows.length === 0 ? (
        <p className="mt-2">{t('pages.goal.sameText')}</p>
      ) : (
        <dl className="mt-2 grid gap-3">
          {rows.map((r) => (
            <div key={r.key}>
              <dt className="text-sm font-semibold text-stone-700">{r.label}</dt>
              <dd className="whitespace-pre-wrap">
                {diffWords(r.a, r.b).map((part, i) =>
                  part.kind === 'same' ? (
                    <span key={i}>{part.text}</span>
                  ) : part.kind === 'removed' ? (
                    <del key={i} className="bg-red-100 text-red-950 decoration-red-800">
                      <span className="sr-only">{t('pages.goal.removed')} </span>
                      {part.text}
                    </del>
                  ) : (
                    <ins key={i} className="bg-green-100 text-green-950 no-underline">
                      <span className="sr-only">{t('pages.goal.added')} </span>
                      {part.text}
                    </ins>
                  ),
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
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
  const [open, setOpen] = useState(false);
  // A score is a choice the person makes: nothing is preset (an empty choice is sent as missing and named).
  const score = (v: FormDataEntryValue | null) => (v === null || v === '' ? undefined : Number(v));
  const rate = useForm({
    read: (d) => ({
      organisationId: abilities.organisationId,
      attractive: score(d.get('attractive')),
      concrete: score(d.get('concrete')),
      flexible: score(d.get('flexible')),
      comment: String(d.get('comment') ?? ''),
    }),
    submit: (body) => api.put(`/api/networks/${networkId}/goals/${goal.id}/ratings`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: coopKey(networkId) }),
  });
  const scoreOptions = [
    { value: '', label: t('pages.goal.chooseScore') },
    ...[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t(`cooperation.rating.score${n}`) })),
  ];
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
              ) : spread.tied ? (
                <p className="mt-2 text-sm" data-testid="most-divergent">
                  {t('pages.goal.noSingleOutlier', { count: spread.count })}
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
          <div>
            <Disclosure
              label={mine ? t('pages.goal.changeRating') : t('pages.goal.rate')}
              open={open}
              onToggle={() => setOpen(!open)}
              controls="rating-form"
              primary={!mine}
            />
            {open ? (
              <Form form={rate} aria-label={t('cooperation.rating.yours')} className="mt-3" id="rating-form">
                <h3 className="mb-2 font-semibold">{t('cooperation.rating.yours')}</h3>
                {rate.result !== null ? <Alert tone="success">{t('cooperation.rating.saved')}</Alert> : null}
                {SCALES.map((s) => (
                  <SelectField
                    key={s}
                    label={t(`cooperation.rating.${s}`)}
                    name={s}
                    defaultValue={mine ? String(mine[s]) : ''}
                    options={scoreOptions}
                    error={rate.fieldErrors[s]}
                  />
                ))}
                <TextAreaField
                  label={t('cooperation.rating.comment')}
                  name="comment"
                  rows={2}
                  defaultValue={mine?.comment ?? ''}
                  optionalLabel={t('common.optional')}
                  maxLength={2000}
                />
                <Button type="submit" busy={rate.busy}>
                  {t('cooperation.rating.submit')}
                </Button>
              </Form>
            ) : null}
          </div>
        ) : null}
      </div>
    </Card>
  );
}
