'use client';

import Link from '@/app/_components/ui/link';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import {
  Alert,
  Badge,
  Button,
  Dialog,
  EmptyState,
  Form,
  FormError,
  SelectField,
  TextAreaField,
  TextField,
  useForm,
  useToast,
  type BadgeTone,
} from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';
import type { CommitmentAbilities } from '@/lib/policies';
import type { Commitment as CommitmentRecord } from '@/lib/commitments/records';
import type { LedgerEntry } from '@/lib/ledger/records';
import { BUILTIN_UNITS } from '@/lib/ledger/units';
import { api, errorText, newKey, qs } from '@/app/_lib/api-client';
import { HomeDecision, MandateHint } from './home-approval';
import { GoalPicker } from './goal-picker';
import { coopKey } from './live';
import { useOutbox } from './outbox';
import { PilotDecisionForm, ReviewBadge } from './pilot-review';
import { useFormat } from './use-format';

/** A commitment as the API sends it: with what the person may do with it (the server's policy, not re-derived here). */
type Commitment = CommitmentRecord & { abilities: CommitmentAbilities };
interface Page {
  total: number;
  commitments: Commitment[];
}

const STATUS_TONE: Record<string, BadgeTone> = {
  proposed: 'neutral',
  awaiting_home_approval: 'info',
  committed: 'brand',
  delivered: 'success',
  withdrawn: 'neutral',
};
const PAGE = 25;

/**
 * Commitments for a goal, an organisation or a view (open, overdue …), with
 * the steps the person may take. Each commitment once (pages are appended by
 * id), soonest due first, so in the open view the overdue ones lead.
 */
export function CommitmentList({
  networkId,
  filter,
  showGoal,
  emptyText,
  empty,
}: {
  networkId: string;
  filter: { goalId?: string; organisationId?: string; view?: string; limit?: number };
  showGoal?: boolean;
  emptyText?: string;
  /** What to show when there is none (an EmptyState); default `emptyText` or "No commitments here yet." */
  empty?: ReactNode;
}) {
  const { t } = useI18n();
  const f = useFormat();
  const [shown, setShown] = useState(filter.limit ?? PAGE);
  const query = { ...filter, limit: shown };
  const list = useQuery({
    queryKey: coopKey(networkId, 'commitments', query),
    queryFn: () => api.get<Page>(`/api/networks/${networkId}/commitments${qs(query)}`),
    placeholderData: (prev) => prev,
  });
  if (list.isError) return <Alert tone="error">{errorText(list.error, t)}</Alert>;
  if (!list.data) return <p aria-busy="true">{t('common.loading')}</p>;
  // One card per commitment, even if a live refresh overlaps a page.
  const items = [...new Map(list.data.commitments.map((c) => [c.id, c])).values()];
  if (!items.length) {
    if (empty) return <>{empty}</>;
    return emptyText === '' ? null : <p className="text-stone-700">{emptyText ?? t('cooperation.commitments.none')}</p>;
  }
  return (
    <>
      <ul className="grid gap-3" data-testid="commitment-list">
        {items.map((c) => (
          <li
            key={c.id}
            className="min-w-0 rounded-card border border-stone-300 bg-white p-4"
            data-status={c.status}
            data-commitment-id={c.id}
          >
            <div className="flex flex-wrap items-start justify-between gap-2">
              <p className="min-w-0">
                <span className="font-semibold">{c.organisationName}</span>
                {' · '}
                <span className="whitespace-nowrap font-semibold">{f.amount(c.amount, c.unit)}</span>
                {showGoal ? (
                  <span className="block">
                    <Link
                      href={`/networks/${networkId}/goals/${c.goalId}`}
                      className="text-brand-800 underline underline-offset-4"
                    >
                      {c.goalTitle}
                    </Link>
                  </span>
                ) : null}
              </p>
              <span className="flex flex-wrap gap-1">
                <Badge tone={STATUS_TONE[c.status]} data-testid="commitment-status">
                  {t(`cooperation.commitmentStatus.${c.status}`)}
                </Badge>
                {c.isOverdue ? <Badge tone="danger">{t('cooperation.commitments.overdue')}</Badge> : null}
                {c.deliveredPartly ? <Badge tone="warning">{t('pages.commitments.partly')}</Badge> : null}
              </span>
              {c.status === 'awaiting_home_approval' ? (
                <span className="basis-full text-sm text-stone-700" data-testid="waiting-since">
                  {t('mandates.approvals.waitingSince', { when: f.time(c.updatedAt) })}
                </span>
              ) : null}
            </div>
            <p className="mt-1 text-sm text-stone-700">
              {t('cooperation.commitments.due', { date: f.date(c.dueOn) })}
              {c.committedByName ? ` · ${t('cooperation.commitments.by', { name: c.committedByName })}` : ''}
              {c.evidenceEntryIds.length
                ? ` · ${t('cooperation.commitments.evidenceCount', { count: c.evidenceEntryIds.length })}`
                : ''}
            </p>
            {c.note ? <p className="mt-1">{c.note}</p> : null}
            {c.withdrawReason ? <p className="mt-1 text-stone-700">„{c.withdrawReason}“</p> : null}
            <p className="mt-1 text-sm">
              <Link
                href={`/networks/${networkId}/commitments/${c.id}`}
                className="text-brand-800 underline underline-offset-4"
              >
                {t('followUp.entry.open')}
              </Link>
            </p>
            {c.pilotReviewOn ? (
              <p className="mt-1 flex flex-wrap items-center gap-2 text-sm" data-testid="commitment-pilot">
                <span>{t('cooperation.pilot.commitmentPilot', { date: f.date(c.pilotReviewOn) })}</span>
                {c.reviewDue ? <ReviewBadge reviewOn={c.pilotReviewOn} due /> : null}
              </p>
            ) : null}
            {c.abilities.commit || c.abilities.deliver || c.abilities.withdraw ? (
              <CommitmentActions networkId={networkId} c={c} />
            ) : null}
            {c.abilities.approve || c.abilities.decline ? (
              <HomeDecision networkId={networkId} commitmentId={c.id} />
            ) : null}
            {c.abilities.decidePilot ? <CommitmentPilotReview networkId={networkId} c={c} /> : null}
          </li>
        ))}
      </ul>
      {list.data.total > items.length ? (
        <div className="mt-4 flex flex-wrap items-center gap-3">
          <Button variant="secondary" size="sm" busy={list.isFetching} onClick={() => setShown(shown + PAGE)}>
            {t('pages.commitments.more')}
          </Button>
          <span className="text-sm text-stone-700">
            {t('pages.commitments.shownOf', { shown: items.length, total: list.data.total })}
          </span>
        </div>
      ) : null}
    </>
  );
}

/** "Review the pilot" opens the deepen / repeat / stop form for a pilot commitment. */
function CommitmentPilotReview({ networkId, c }: { networkId: string; c: Commitment }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <div className="mt-2">
      <Button size="sm" variant="secondary" onClick={() => setOpen(!open)} aria-expanded={open}>
        {t('cooperation.pilot.review')}
      </Button>
      {open ? (
        <div className="mt-2 rounded border border-stone-200 p-2">
          <PilotDecisionForm
            networkId={networkId}
            url={`/api/networks/${networkId}/commitments/${c.id}/pilot-decision`}
            subject="commitment"
            reviewOn={c.pilotReviewOn}
            reviewDue={c.reviewDue}
          />
        </div>
      ) : null}
    </div>
  );
}

function CommitmentActions({ networkId, c }: { networkId: string; c: Commitment }) {
  const { t } = useI18n();
  const f = useFormat();
  const qc = useQueryClient();
  const [mode, setMode] = useState<'none' | 'deliver' | 'withdraw'>('none');
  const action = useForm({
    submit: (body: Record<string, unknown>) => api.patch(`/api/networks/${networkId}/commitments/${c.id}`, body),
    onSuccess: () => {
      setMode('none');
      void qc.invalidateQueries({ queryKey: coopKey(networkId) });
    },
  });
  const entries = useQuery({
    enabled: mode === 'deliver',
    queryKey: coopKey(networkId, 'ledger', { organisationId: c.organisationId, unit: c.unit, evidence: c.id }),
    queryFn: () =>
      api.get<{ entries: LedgerEntry[] }>(
        `/api/networks/${networkId}/ledger${qs({ organisationId: c.organisationId, unit: c.unit, limit: 50 })}`,
      ),
  });
  // Only entries the other side confirmed show a delivery (lib/ledger/rules.ts isDeliveryEvidence).
  const evidence = (entries.data?.entries ?? []).filter(
    (e) => e.giverOrgId === c.organisationId && e.amount > 0 && e.status === 'confirmed',
  );
  const [chosen, setChosen] = useState<string[]>([]);
  const sum = evidence.filter((e) => chosen.includes(e.id)).reduce((n, e) => n + e.amount, 0);
  const short = chosen.length > 0 && sum < c.amount;
  return (
    <div className="mt-2">
      <FormError message={action.error} />
      <div className="flex flex-wrap gap-2">
        {c.abilities.commit ? (
          <Button size="sm" busy={action.busy} onClick={() => action.send({ action: 'commit' })}>
            {t('cooperation.commitments.commit')}
          </Button>
        ) : null}
        {c.abilities.deliver ? (
          <Button
            size="sm"
            variant="secondary"
            onClick={() => setMode(mode === 'deliver' ? 'none' : 'deliver')}
            aria-expanded={mode === 'deliver'}
          >
            {t('cooperation.commitments.markDelivered')}
          </Button>
        ) : null}
        {c.abilities.withdraw ? (
          <Button
            size="sm"
            variant="ghost"
            onClick={() => setMode(mode === 'withdraw' ? 'none' : 'withdraw')}
            aria-expanded={mode === 'withdraw'}
          >
            {t('cooperation.commitments.withdraw')}
          </Button>
        ) : null}
      </div>
      {mode === 'deliver' ? (
        <form
          className="mt-2"
          onSubmit={(e) => {
            e.preventDefault();
            const data = new FormData(e.currentTarget);
            action.send({
              action: 'deliver',
              evidenceEntryIds: data.getAll('evidence').map(String),
              partial: data.get('partial') === 'on',
            });
          }}
        >
          <fieldset>
            <legend className="font-medium">{t('cooperation.commitments.evidence')}</legend>
            {evidence.length === 0 ? <p className="text-sm">{t('cooperation.commitments.noEvidence')}</p> : null}
            {evidence.map((e) => (
              <label key={e.id} className="mt-1 flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="evidence"
                  value={e.id}
                  className="h-4 w-4"
                  checked={chosen.includes(e.id)}
                  onChange={(ev) =>
                    setChosen(ev.target.checked ? [...chosen, e.id] : chosen.filter((id) => id !== e.id))
                  }
                />
                {f.date(e.date)} · {f.amount(e.amount, e.unit)} · {e.description || '—'}
              </label>
            ))}
          </fieldset>
          <p className="mt-2 text-sm" aria-live="polite" data-testid="evidence-sum">
            {t('pages.commitments.evidenceSum', { sum: f.amount(sum, c.unit), amount: f.amount(c.amount, c.unit) })}
          </p>
          {short ? (
            <label className="mt-2 flex items-center gap-2 text-sm">
              <input type="checkbox" name="partial" className="h-4 w-4" />
              {t('pages.commitments.partlyDelivered')}
            </label>
          ) : null}
          <Button type="submit" size="sm" className="mt-2" busy={action.busy} disabled={!chosen.length}>
            {t('cooperation.commitments.confirmDelivered')}
          </Button>
        </form>
      ) : null}
      {mode === 'withdraw' ? (
        <form
          className="mt-2"
          onSubmit={(e) => {
            e.preventDefault();
            action.send({ action: 'withdraw', reason: String(new FormData(e.currentTarget).get('reason') ?? '') });
          }}
        >
          <TextField label={t('cooperation.commitments.reason')} name="reason" required minLength={3} />
          <Button type="submit" size="sm" variant="danger" busy={action.busy}>
            {t('cooperation.commitments.confirmWithdraw')}
          </Button>
        </form>
      ) : null}
    </div>
  );
}

/** My organisation commits an amount of a unit to a goal by a date (queued when offline). */
export function CreateCommitmentForm({
  networkId,
  goalId,
  organisationId,
  onDone,
  inDialog,
}: {
  networkId: string;
  /** The goal it is for; without one the form offers a goal picker. */
  goalId?: string;
  organisationId: string;
  onDone?: () => void;
  inDialog?: boolean;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const outbox = useOutbox();
  const [draft, setDraft] = useState({ unit: 'hours', amount: NaN, goalId: goalId ?? '' });
  const toast = useToast();
  const create = useForm({
    read: (d) => ({
      organisationId,
      goalId: goalId ?? (String(d.get('goalId') ?? '') || undefined),
      unit: String(d.get('unit')),
      amount: Number(String(d.get('amount')).replace(',', '.')),
      dueOn: String(d.get('dueOn')),
      note: String(d.get('note') ?? ''),
      commit: d.get('commit') === 'on',
      ...(d.get('pilotReviewOn') ? { pilotReviewOn: String(d.get('pilotReviewOn')) } : {}),
      idempotencyKey: newKey(),
    }),
    submit: (body) =>
      outbox.submit({
        url: `/api/networks/${networkId}/commitments`,
        body,
        label: t('cooperation.commitments.queuedLabel', { amount: String(body.amount) }),
      }),
    onSuccess: (r, { form }) => {
      form?.reset();
      void qc.invalidateQueries({ queryKey: coopKey(networkId) });
      if (onDone) {
        toast(r.queued ? t('cooperation.outbox.savedOffline') : t('cooperation.commitments.created'));
        onDone();
      }
    },
  });
  const today = new Date().toISOString().slice(0, 10);
  return (
    <Form
      form={create}
      className={inDialog ? undefined : 'mb-4 rounded-card border border-stone-300 p-4'}
      aria-label={goalId ? t('cooperation.commitments.new') : t('pages.commitments.make')}
      onChange={(e) => {
        const d = new FormData(e.currentTarget);
        setDraft({
          goalId: goalId ?? String(d.get('goalId') ?? ''),
          unit: String(d.get('unit') ?? 'hours'),
          amount: Number(String(d.get('amount') ?? '').replace(',', '.')) || NaN,
        });
      }}
    >
      {inDialog ? null : <h3 className="mb-2 font-semibold">{t('cooperation.commitments.new')}</h3>}
      {goalId ? null : (
        <GoalPicker
          networkId={networkId}
          name="goalId"
          label={t('cooperation.entry.goal')}
          error={create.fieldErrors.goalId}
          onPick={(id) => setDraft((d) => ({ ...d, goalId: id ?? '' }))}
        />
      )}
      {create.result ? (
        <Alert tone="success">
          {create.result.queued
            ? t('cooperation.outbox.savedOffline')
            : (create.result.result as { commitment?: { status?: string } } | undefined)?.commitment?.status ===
                'awaiting_home_approval'
              ? t('mandates.hint.createdWaiting')
              : t('cooperation.commitments.created')}
        </Alert>
      ) : null}
      <div className="grid gap-x-3 sm:grid-cols-3">
        <TextField
          label={t('cooperation.entry.amount')}
          name="amount"
          inputMode="decimal"
          required
          error={create.fieldErrors.amount}
        />
        <SelectField
          label={t('cooperation.entry.unit')}
          name="unit"
          defaultValue="hours"
          options={BUILTIN_UNITS.map((u) => ({ value: u, label: t(`cooperation.unit.${u}`) }))}
        />
        <TextField
          label={t('cooperation.commitments.dueOn')}
          name="dueOn"
          type="date"
          min={today}
          required
          error={create.fieldErrors.dueOn}
        />
      </div>
      <TextField
        label={t('cooperation.pilot.reviewOn')}
        hint={t('cooperation.pilot.markCommitment')}
        name="pilotReviewOn"
        type="date"
        min={today}
        optionalLabel={t('common.optional')}
      />
      <TextAreaField
        label={t('cooperation.commitments.note')}
        name="note"
        rows={2}
        maxLength={2000}
        optionalLabel={t('common.optional')}
      />
      <label className="mb-3 flex items-center gap-2">
        <input type="checkbox" name="commit" defaultChecked className="h-4 w-4" />
        {t('cooperation.commitments.commitNow')}
      </label>
      {draft.goalId ? (
        <MandateHint
          networkId={networkId}
          organisationId={organisationId}
          goalId={draft.goalId}
          unit={draft.unit}
          amount={draft.amount}
        />
      ) : null}
      <Button type="submit" busy={create.busy}>
        {t('cooperation.commitments.submit')}
      </Button>
    </Form>
  );
}

/**
 * The commitments page: by default the open ones, overdue first (soonest due
 * leads); other views and an organisation filter; "Make a commitment" in a
 * dialog for representatives.
 */
export function CommitmentsOverview({
  networkId,
  orgs,
  myOrgId,
}: {
  networkId: string;
  orgs: { id: string; name: string }[];
  /** The viewer's organisation when they may commit in its name. */
  myOrgId: string | null;
}) {
  const { t } = useI18n();
  const [view, setView] = useState('open');
  const [organisationId, setOrganisationId] = useState('');
  const make = myOrgId ? (
    <Dialog
      title={t('pages.commitments.make')}
      description={t('pages.commitments.makeHint')}
      trigger={<Button>{t('pages.commitments.make')}</Button>}
    >
      {(close) => <CreateCommitmentForm networkId={networkId} organisationId={myOrgId} onDone={close} inDialog />}
    </Dialog>
  ) : null;
  return (
    <div>
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <div className="grid min-w-0 flex-1 gap-x-3 sm:grid-cols-2">
          <SelectField
            label={t('cooperation.commitments.view')}
            value={view}
            onChange={(e) => setView(e.target.value)}
            options={['open', 'overdue', 'due_soon', 'review_due', 'delivered', 'withdrawn', 'all'].map((v) => ({
              value: v,
              label: v === 'open' ? t('pages.commitments.openOverdueFirst') : t(`cooperation.commitments.views.${v}`),
            }))}
          />
          <SelectField
            label={t('cooperation.filter.organisation')}
            value={organisationId}
            onChange={(e) => setOrganisationId(e.target.value)}
            options={[
              { value: '', label: t('cooperation.filter.allOrganisations') },
              ...orgs.map((o) => ({ value: o.id, label: o.name })),
            ]}
          />
        </div>
        {make ? <div className="mb-4">{make}</div> : null}
      </div>
      <CommitmentList
        networkId={networkId}
        filter={{ view, organisationId: organisationId || undefined }}
        showGoal
        empty={
          <EmptyState
            title={t(`pages.commitments.empty.${view}`)}
            description={t('pages.commitments.emptyHint')}
            action={view === 'open' ? make : undefined}
          />
        }
      />
    </div>
  );
}
