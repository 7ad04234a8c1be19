'use client';

import Link from 'next/link';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert, Button, Form, FormError, SelectField, TextAreaField, TextField, useForm } from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';
import type { CommitmentAbilities } from '@/lib/policies';
import type { Commitment as CommitmentRecord } from '@/lib/commitments/records';
import type { LedgerEntry } from '@/lib/ledger/records';
import { BUILTIN_UNITS } from '@/lib/ledger/units';
import { api, errorText, newKey, qs } from '@/app/_lib/api-client';
import { HomeDecision, MandateHint } from './home-approval';
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

/** Commitments for a goal, an organisation or a view (due soon, overdue …), with the steps the person may take. */
export function CommitmentList({
  networkId,
  filter,
  showGoal,
  emptyText,
}: {
  networkId: string;
  filter: { goalId?: string; organisationId?: string; view?: string; limit?: number };
  showGoal?: boolean;
  emptyText?: string;
}) {
  const { t } = useI18n();
  const f = useFormat();
  const list = useQuery({
    queryKey: coopKey(networkId, 'commitments', filter),
    queryFn: () => api.get<Page>(`/api/networks/${networkId}/commitments${qs({ limit: 50, ...filter })}`),
  });
  if (list.isError) return <Alert tone="error">{errorText(list.error, t)}</Alert>;
  if (!list.data) return <p aria-busy="true">{t('common.loading')}</p>;
  if (!list.data.commitments.length)
    return emptyText === '' ? null : <p className="text-stone-700">{emptyText ?? t('cooperation.commitments.none')}</p>;
  return (
    <ul className="grid gap-2" data-testid="commitment-list">
      {list.data.commitments.map((c) => (
        <li key={c.id} className="rounded border border-stone-300 bg-white p-3" data-status={c.status}>
          <p>
            <span className="font-medium">{c.organisationName}</span>: {f.amount(c.amount, c.unit)} ·{' '}
            {t('cooperation.commitments.due', { date: f.date(c.dueOn) })}
            {showGoal ? (
              <>
                {' · '}
                <Link
                  href={`/networks/${networkId}/goals/${c.goalId}`}
                  className="text-brand-800 underline underline-offset-4"
                >
                  {c.goalTitle}
                </Link>
              </>
            ) : null}
          </p>
          <p className="text-sm">
            <span className="font-medium" data-testid="commitment-status">
              {t(`cooperation.commitmentStatus.${c.status}`)}
            </span>
            {c.status === 'awaiting_home_approval' ? (
              <span className="ml-2 text-stone-700" data-testid="waiting-since">
                {t('mandates.approvals.waitingSince', { when: f.time(c.updatedAt) })}
              </span>
            ) : null}
            {c.isOverdue ? (
              <span className="ml-2 rounded bg-red-100 px-1.5 font-medium text-red-900">
                {t('cooperation.commitments.overdue')}
              </span>
            ) : null}
            {c.withdrawReason ? ` — ${c.withdrawReason}` : ''}
            {c.evidenceEntryIds.length
              ? ` — ${t('cooperation.commitments.evidenceCount', { count: c.evidenceEntryIds.length })}`
              : ''}
            {c.committedByName ? ` — ${t('cooperation.commitments.by', { name: c.committedByName })}` : ''}
          </p>
          <p className="text-sm">
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
  const evidence = (entries.data?.entries ?? []).filter(
    (e) => e.giverOrgId === c.organisationId && e.amount > 0 && (e.status === 'confirmed' || e.status === 'pending'),
  );
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
            action.send({
              action: 'deliver',
              evidenceEntryIds: new FormData(e.currentTarget).getAll('evidence').map(String),
            });
          }}
        >
          <fieldset>
            <legend className="font-medium">{t('cooperation.commitments.evidence')}</legend>
            {evidence.length === 0 ? <p className="text-sm">{t('cooperation.commitments.noEvidence')}</p> : null}
            {evidence.map((e) => (
              <label key={e.id} className="mt-1 flex items-center gap-2 text-sm">
                <input type="checkbox" name="evidence" value={e.id} className="h-4 w-4" />
                {f.date(e.date)} · {f.amount(e.amount, e.unit)} · {e.description || '—'} (
                {t(`cooperation.entryStatus.${e.status}`)})
              </label>
            ))}
          </fieldset>
          <Button type="submit" size="sm" className="mt-2" busy={action.busy} disabled={!evidence.length}>
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
}: {
  networkId: string;
  goalId: string;
  organisationId: string;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const outbox = useOutbox();
  const [draft, setDraft] = useState({ unit: 'hours', amount: NaN });
  const create = useForm({
    read: (d) => ({
      organisationId,
      goalId,
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
    onSuccess: (_r, { form }) => {
      form?.reset();
      void qc.invalidateQueries({ queryKey: coopKey(networkId) });
    },
  });
  return (
    <Form
      form={create}
      className="mb-4 rounded border border-stone-300 p-3"
      aria-label={t('cooperation.commitments.new')}
      onChange={(e) => {
        const d = new FormData(e.currentTarget);
        setDraft({
          unit: String(d.get('unit') ?? 'hours'),
          amount: Number(String(d.get('amount') ?? '').replace(',', '.')) || NaN,
        });
      }}
    >
      <h3 className="mb-2 font-semibold">{t('cooperation.commitments.new')}</h3>
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
        <TextField label={t('cooperation.entry.amount')} name="amount" inputMode="decimal" required />
        <SelectField
          label={t('cooperation.entry.unit')}
          name="unit"
          defaultValue="hours"
          options={BUILTIN_UNITS.map((u) => ({ value: u, label: t(`cooperation.unit.${u}`) }))}
        />
        <TextField label={t('cooperation.commitments.dueOn')} name="dueOn" type="date" required />
      </div>
      <TextField
        label={t('cooperation.pilot.reviewOn')}
        hint={t('cooperation.pilot.markCommitment')}
        name="pilotReviewOn"
        type="date"
        optionalLabel={t('common.optional')}
      />
      <TextAreaField
        label={t('cooperation.commitments.note')}
        name="note"
        rows={2}
        optionalLabel={t('common.optional')}
      />
      <label className="mb-3 flex items-center gap-2">
        <input type="checkbox" name="commit" defaultChecked className="h-4 w-4" />
        {t('cooperation.commitments.commitNow')}
      </label>
      <MandateHint
        networkId={networkId}
        organisationId={organisationId}
        goalId={goalId}
        unit={draft.unit}
        amount={draft.amount}
      />
      <Button type="submit" busy={create.busy}>
        {t('cooperation.commitments.submit')}
      </Button>
    </Form>
  );
}

/** The commitments page: views due soon, overdue, open, delivered, withdrawn, all. */
export function CommitmentsOverview({ networkId, orgs }: { networkId: string; orgs: { id: string; name: string }[] }) {
  const { t } = useI18n();
  const [view, setView] = useState('due_soon');
  const [organisationId, setOrganisationId] = useState('');
  return (
    <div>
      <div className="grid gap-x-3 sm:grid-cols-2">
        <SelectField
          label={t('cooperation.commitments.view')}
          value={view}
          onChange={(e) => setView(e.target.value)}
          options={['due_soon', 'overdue', 'review_due', 'open', 'delivered', 'withdrawn', 'all'].map((v) => ({
            value: v,
            label: t(`cooperation.commitments.views.${v}`),
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
      <CommitmentList networkId={networkId} filter={{ view, organisationId: organisationId || undefined }} showGoal />
    </div>
  );
}
