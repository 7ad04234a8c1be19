'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from '@/app/_components/ui/link';
import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Card,
  EmptyState,
  Form,
  SelectField,
  Table,
  TextAreaField,
  TextField,
  useForm,
  type BadgeTone,
  type Column,
} from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';
import { ExportMenu } from '@/app/_components/exports/export-menu';
import type { CooperationAbilities } from '@/lib/policies/cooperation-abilities';
import type { LedgerEntryAbilities } from '@/lib/policies';
import type { getBalances } from '@/lib/ledger/get-balances';
import { ENTRY_KINDS, ENTRY_STATUSES, type LedgerEntry } from '@/lib/ledger/records';
import { api, errorText, newKey, qs, request } from '@/app/_lib/api-client';
import { GoalPicker } from './goal-picker';
import { HomeDecision, MandateHint } from './home-approval';
import { coopKey } from './live';
import { useOutbox } from './outbox';
import { useFormat, type OrgName } from './use-format';

export type Balances = Awaited<ReturnType<typeof getBalances>>;
/** An entry as the API sends it: with what the person may do with it (the server's policy, not re-derived here). */
export type Entry = LedgerEntry & { abilities: LedgerEntryAbilities };
export interface LedgerPage {
  total: number;
  entries: Entry[];
  abilities: CooperationAbilities;
}
interface Unit {
  key: string;
  label: string | null;
}
const PAGE = 25;
type Option = { value: string; label: string };

export function useUnits(networkId: string) {
  const { t } = useI18n();
  const units = useQuery({
    queryKey: coopKey(networkId, 'units'),
    queryFn: () => api.get<{ units: Unit[] }>(`/api/networks/${networkId}/ledger/units`),
  });
  const list = units.data?.units ?? [];
  const labels = Object.fromEntries(list.filter((u) => u.label).map((u) => [u.key, u.label as string]));
  return {
    list,
    labels,
    options: list.map((u) => ({ value: u.key, label: u.label ?? t(`cooperation.unit.${u.key}`) })),
  };
}

/** The ledger: record, confirm or dispute, correct; balances; filters; CSV export of the filtered view. */
export function LedgerView({
  networkId,
  orgs,
  initial,
}: {
  networkId: string;
  orgs: OrgName[];
  /**
   * The unfiltered first page and balances, rendered with the HTML in one section (no request after hydration,
   * and no second streamed section that React would reveal 300 ms after the first).
   */
  initial?: { page: LedgerPage; balances?: Balances };
}) {
  const { t } = useI18n();
  const units = useUnits(networkId);
  const [filter, setFilter] = useState<Record<string, string>>({});
  const unfiltered = Object.keys(filter).length === 0;
  const [offset, setOffset] = useState(0);
  const query = { ...filter, limit: PAGE, offset };
  const page = useQuery({
    queryKey: coopKey(networkId, 'ledger', query),
    queryFn: () => api.get<LedgerPage>(`/api/networks/${networkId}/ledger${qs(query)}`),
    placeholderData: (prev) => prev,
    // The first page comes with the HTML (rendered on the server): no second round trip before content shows.
    initialData: unfiltered && offset === 0 ? initial?.page : undefined,
  });
  const abilities = page.data?.abilities;
  const orgOptions = [
    { value: '', label: t('cooperation.filter.allOrganisations') },
    ...orgs.map((o) => ({ value: o.id, label: o.name })),
  ];
  const set = (k: string) => (e: { target: { value: string } }) => {
    setFilter({ ...filter, [k]: e.target.value });
    setOffset(0);
  };

  const myOrgId = abilities?.record ? abilities.organisationId : null;
  const activeFilters = Object.values(filter).filter(Boolean).length;

  return (
    <div className="grid gap-6">
      {myOrgId ? <RecordEntry networkId={networkId} orgs={orgs} myOrgId={myOrgId} unitOptions={units.options} /> : null}
      <BalancesView
        networkId={networkId}
        orgs={orgs}
        filter={filter}
        labels={units.labels}
        initial={unfiltered ? initial?.balances : undefined}
      />
      <Card title={t('cooperation.ledger.entries')} id="entries">
        <details
          className="mb-4 rounded-control border border-stone-300 bg-stone-50 px-3 py-2"
          open={activeFilters > 0}
        >
          <summary className="cursor-pointer font-medium">
            {t('pages.ledger.filterSummary', { count: activeFilters })}
          </summary>
          <form
            aria-label={t('cooperation.ledger.filters')}
            className="mt-3 grid gap-x-3 sm:grid-cols-3 lg:grid-cols-6"
            onSubmit={(e) => e.preventDefault()}
          >
            <SelectField
              label={t('cooperation.filter.organisation')}
              value={filter.organisationId ?? ''}
              options={orgOptions}
              onChange={set('organisationId')}
            />
            <SelectField
              label={t('cooperation.filter.partner')}
              value={filter.partnerOrganisationId ?? ''}
              options={orgOptions}
              onChange={set('partnerOrganisationId')}
              disabled={!filter.organisationId}
            />
            <SelectField
              label={t('cooperation.entry.unit')}
              value={filter.unit ?? ''}
              options={[{ value: '', label: t('cooperation.filter.allUnits') }, ...units.options]}
              onChange={set('unit')}
            />
            <SelectField
              label={t('cooperation.filter.status')}
              value={filter.status ?? ''}
              options={[
                { value: '', label: t('cooperation.filter.allStatuses') },
                ...ENTRY_STATUSES.map((s) => ({ value: s, label: t(`cooperation.entryStatus.${s}`) })),
              ]}
              onChange={set('status')}
            />
            <TextField
              label={t('cooperation.filter.from')}
              type="date"
              value={filter.from ?? ''}
              onChange={set('from')}
            />
            <TextField label={t('cooperation.filter.to')} type="date" value={filter.to ?? ''} onChange={set('to')} />
          </form>
        </details>
        <p className="mb-2 flex flex-wrap items-center justify-between gap-2 text-sm" aria-live="polite">
          <span>{page.data ? t('cooperation.ledger.count', { count: page.data.total }) : t('common.loading')}</span>
          <ExportMenu
            label={t('exports.menu.ledgerLabel')}
            choices={(['csv', 'xlsx'] as const).map((format) => ({
              id: format,
              label: t(format === 'csv' ? 'exports.menu.csv' : 'exports.menu.xlsx'),
              href: `/api/networks/${networkId}/ledger/export${qs({ ...filter, format })}`,
            }))}
          />
        </p>
        {page.isError ? <Alert tone="error">{errorText(page.error, t)}</Alert> : null}
        {page.data && page.data.total === 0 ? (
          unfiltered ? (
            <EmptyState title={t('pages.ledger.noneYet')} description={t('pages.ledger.noneYetHint')} />
          ) : (
            <EmptyState title={t('pages.ledger.noneFiltered')} />
          )
        ) : (
          <EntryTable
            networkId={networkId}
            entries={page.data?.entries ?? []}
            orgs={orgs}
            labels={units.labels}
            queryKey={coopKey(networkId, 'ledger', query)}
          />
        )}
        {page.data && page.data.total > PAGE ? (
          <nav aria-label={t('cooperation.pagination')} className="mt-4 flex flex-wrap items-center gap-3">
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
                to: Math.min(offset + PAGE, page.data.total),
                total: page.data.total,
              })}
            </span>
            <Button
              variant="secondary"
              size="sm"
              disabled={offset + PAGE >= page.data.total}
              focusableWhenDisabled
              onClick={() => setOffset(offset + PAGE)}
            >
              {t('cooperation.next')}
            </Button>
          </nav>
        ) : null}
      </Card>
      {abilities?.defineUnit ? <DefineUnitForm networkId={networkId} /> : null}
    </div>
  );
}

/** "Record an entry" behind a button: the form opens in the page and stays open to show what happened. */
function RecordEntry(props: { networkId: string; orgs: OrgName[]; myOrgId: string; unitOptions: Option[] }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <div>
      <Button
        variant={open ? 'secondary' : 'primary'}
        aria-expanded={open}
        aria-controls="record"
        onClick={() => setOpen(!open)}
      >
        {open ? t('pages.ledger.recordClose') : t('pages.ledger.recordOpen')}
      </Button>
      {open ? (
        <div className="mt-4">
          <RecordEntryForm {...props} />
        </div>
      ) : null}
    </div>
  );
}

function RecordEntryForm({
  networkId,
  orgs,
  myOrgId,
  unitOptions,
}: {
  networkId: string;
  orgs: OrgName[];
  myOrgId: string;
  unitOptions: Option[];
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const outbox = useOutbox();
  /** Bumped after a recorded entry: the goal picker starts empty again (form.reset() does not reach its state). */
  const [resets, setResets] = useState(0);
  /** What the mandate hint asks about (a gift: the kind is not "take"). */
  const [draft, setDraft] = useState({ kind: 'give', unit: 'hours', amount: NaN, goalId: null as string | null });
  const today = new Date().toISOString().slice(0, 10);
  const myName = orgs.find((o) => o.id === myOrgId)?.name ?? '';
  const partnerName = (partner: string | null) =>
    partner === null ? t('cooperation.ledger.network') : (orgs.find((o) => o.id === partner)?.name ?? '');
  const record = useForm({
    read: (d) => {
      const partner = String(d.get('partner') ?? '');
      const amountText = String(d.get('amount') ?? '').replace(',', '.');
      const goalId = String(d.get('goalId') ?? '');
      return {
        organisationId: myOrgId,
        kind: String(d.get('kind')),
        // No partner is preset: an empty choice is sent as missing, and the server names the field.
        partnerOrganisationId: partner === '' ? undefined : partner === 'network' ? null : partner,
        unit: String(d.get('unit')),
        amount: amountText === '' ? NaN : Number(amountText),
        date: String(d.get('date')),
        description: String(d.get('description') ?? ''),
        ...(goalId ? { goalId } : {}),
        idempotencyKey: newKey(),
      };
    },
    submit: (body) =>
      outbox.submit({
        url: `/api/networks/${networkId}/ledger`,
        body,
        label: t('cooperation.ledger.queuedLabel', {
          amount: String(body.amount),
          partner: partnerName(body.partnerOrganisationId ?? null),
        }),
      }),
    onSuccess: (_r, { form }) => {
      form?.reset();
      setResets((n) => n + 1);
      setDraft({ kind: 'give', unit: 'hours', amount: NaN, goalId: null });
      void qc.invalidateQueries({ queryKey: coopKey(networkId) });
    },
  });
  const fields = record.fieldErrors;
  // Organisations that left are history: their entries stay, but nobody records new ones with them.
  const partners = orgs.filter((o) => o.id !== myOrgId && o.status !== 'left');
  return (
    <Card title={t('cooperation.ledger.record')} id="record">
      <Form
        form={record}
        onChange={(e) => {
          const d = new FormData(e.currentTarget);
          setDraft((cur) => ({
            ...cur,
            kind: String(d.get('kind') ?? 'give'),
            unit: String(d.get('unit') ?? 'hours'),
            amount: Number(String(d.get('amount') ?? '').replace(',', '.')) || NaN,
          }));
        }}
      >
        {record.result ? (
          <Alert tone="success">
            {record.result.queued
              ? t('cooperation.outbox.savedOffline')
              : (record.result.result as { entry?: { status?: string } } | undefined)?.entry?.status ===
                  'awaiting_home_approval'
                ? t('mandates.gift.recordedWaiting')
                : t('cooperation.ledger.recorded')}
          </Alert>
        ) : null}
        <div className="grid gap-x-3 sm:grid-cols-2">
          <SelectField
            label={t('pages.ledger.whatHappened')}
            name="kind"
            defaultValue="give"
            options={ENTRY_KINDS.map((k) => ({ value: k, label: t(`pages.ledger.kind.${k}`, { org: myName }) }))}
          />
          <SelectField
            label={t('cooperation.entry.partner')}
            name="partner"
            defaultValue=""
            hint={t('pages.ledger.partnerHint')}
            options={[
              { value: '', label: t('pages.ledger.choosePartner') },
              ...partners.map((o) => ({ value: o.id, label: o.name })),
              { value: 'network', label: t('cooperation.ledger.network') },
            ]}
            error={fields.partnerOrganisationId}
          />
        </div>
        <div className="grid gap-x-3 sm:grid-cols-3">
          <TextField
            label={t('cooperation.entry.amount')}
            name="amount"
            inputMode="decimal"
            required
            error={fields.amount}
          />
          <SelectField
            label={t('cooperation.entry.unit')}
            name="unit"
            defaultValue="hours"
            options={unitOptions.length ? unitOptions : [{ value: 'hours', label: t('cooperation.unit.hours') }]}
            error={fields.unit}
          />
          <TextField
            label={t('cooperation.entry.date')}
            name="date"
            type="date"
            defaultValue={today}
            max={today}
            required
            error={fields.date}
          />
        </div>
        <GoalPicker
          key={resets}
          networkId={networkId}
          name="goalId"
          label={t('cooperation.entry.goal')}
          optionalLabel={t('common.optional')}
          error={fields.goalId}
          onPick={(goalId) => setDraft((cur) => ({ ...cur, goalId }))}
        />
        <TextAreaField
          label={t('cooperation.entry.description')}
          name="description"
          rows={2}
          maxLength={2000}
          optionalLabel={t('common.optional')}
        />
        {draft.kind !== 'take' ? (
          <MandateHint
            networkId={networkId}
            organisationId={myOrgId}
            goalId={draft.goalId}
            unit={draft.unit}
            amount={draft.amount}
            subject="gift"
          />
        ) : null}
        <Button type="submit" busy={record.busy}>
          {t('cooperation.ledger.recordSubmit')}
        </Button>
      </Form>
    </Card>
  );
}

const STATUS_TONE: Record<string, BadgeTone> = {
  pending: 'warning',
  confirmed: 'success',
  disputed: 'danger',
  reversed: 'neutral',
  awaiting_home_approval: 'info',
  withdrawn: 'neutral',
};

/**
 * The entries, read from the viewer's side: who gave to whom and how much
 * ("Jugendzentrum → VHS · 3 hours"), never "We gave" (the viewer may be a
 * manager or another organisation). A table on a laptop, cards on a phone.
 */
function EntryTable({
  networkId,
  entries,
  orgs,
  labels,
  queryKey,
}: {
  networkId: string;
  entries: Entry[];
  orgs: OrgName[];
  labels: Record<string, string>;
  queryKey: unknown[];
}) {
  const { t } = useI18n();
  const f = useFormat();
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [openForm, setOpenForm] = useState<{ id: string; mode: 'dispute' | 'correct' } | null>(null);
  const name = (id: string | null) =>
    id ? (orgs.find((o) => o.id === id)?.name ?? '—') : t('cooperation.ledger.network');
  const respond = useMutation({
    mutationFn: (v: { id: string; response: 'confirm' | 'dispute'; comment?: string }) =>
      request('POST', `/api/networks/${networkId}/ledger/${v.id}/response`, {
        response: v.response,
        comment: v.comment ?? '',
      }),
    // Optimistic: the row shows the answer at once and rolls back with the server's reason.
    onMutate: async (v) => {
      setError(null);
      await qc.cancelQueries({ queryKey });
      const before = qc.getQueryData<LedgerPage>(queryKey);
      if (before)
        qc.setQueryData<LedgerPage>(queryKey, {
          ...before,
          entries: before.entries.map((e) =>
            e.id === v.id
              ? {
                  ...e,
                  status: v.response === 'confirm' ? 'confirmed' : 'disputed',
                  responseComment: v.comment ?? '',
                  abilities: { ...e.abilities, confirm: false, dispute: false },
                }
              : e,
          ),
        });
      return { before };
    },
    onError: (err, _v, ctx) => {
      if (ctx?.before) qc.setQueryData(queryKey, ctx.before);
      setError(`${t('cooperation.rolledBack')} ${errorText(err, t)}`);
    },
    onSuccess: () => setOpenForm(null),
    onSettled: () => void qc.invalidateQueries({ queryKey: coopKey(networkId) }),
  });
  const correct = useMutation({
    mutationFn: (v: { id: string; reason: string }) =>
      request('POST', `/api/networks/${networkId}/ledger/${v.id}/correction`, { reason: v.reason }),
    onError: (err) => setError(errorText(err, t)),
    onSuccess: () => setOpenForm(null),
    onSettled: () => void qc.invalidateQueries({ queryKey: coopKey(networkId) }),
  });

  const columns: Column<Entry>[] = [
    {
      key: 'entry',
      header: t('pages.ledger.entry'),
      primary: true,
      cell: (e) => (
        <>
          <span className="block">
            {name(e.giverOrgId)} → {name(e.receiverOrgId)}
            {' · '}
            <span className="whitespace-nowrap font-semibold">{f.amount(e.amount, e.unit, labels)}</span>
          </span>
          {e.description ? <span className="block font-normal text-stone-800">{e.description}</span> : null}
          <Link
            className="block text-sm font-normal text-brand-800 underline underline-offset-4"
            href={`/networks/${networkId}/ledger/${e.id}`}
            data-testid="entry-open"
          >
            {t('followUp.entry.open')}
          </Link>
          {e.goalId && e.goalTitle ? (
            <span className="block font-normal" data-testid="entry-goal">
              {t('cooperation.entry.goal')}:{' '}
              <Link
                className="text-brand-800 underline underline-offset-4"
                href={`/networks/${networkId}/goals/${e.goalId}`}
              >
                {e.goalTitle}
              </Link>
            </span>
          ) : null}
          {e.reversesId ? (
            <span className="block font-normal text-stone-700">{t('cooperation.ledger.reversal')}</span>
          ) : null}
          {e.status === 'withdrawn' ? (
            <span className="block font-normal text-stone-700">
              {t('mandates.gift.declinedReason', { reason: e.responseComment })}
            </span>
          ) : e.responseComment ? (
            <span className="block font-normal text-stone-700">„{e.responseComment}“</span>
          ) : null}
          <span className="block text-sm font-normal text-stone-700">
            {t('pages.ledger.recordedBy', { org: name(e.recorderOrgId) })}
          </span>
        </>
      ),
    },
    {
      key: 'date',
      header: t('cooperation.entry.date'),
      cell: (e) => f.date(e.date),
      className: 'sm:whitespace-nowrap',
    },
    {
      key: 'state',
      header: t('pages.ledger.state'),
      cell: (e) => (
        <Badge tone={STATUS_TONE[e.status]} data-testid="entry-status">
          {t(`cooperation.entryStatus.${e.status}`)}
        </Badge>
      ),
    },
    {
      key: 'actions',
      header: t('cooperation.ledger.actions'),
      cell: (e) =>
        e.abilities.approveHome ? (
          <HomeDecision networkId={networkId} entryId={e.id} />
        ) : e.abilities.confirm || e.abilities.correct ? (
          <>
            <div className="flex flex-wrap gap-1">
              {e.abilities.confirm ? (
                <>
                  <Button size="sm" onClick={() => respond.mutate({ id: e.id, response: 'confirm' })}>
                    {t('cooperation.ledger.confirm')}
                  </Button>
                  <Button
                    size="sm"
                    variant="secondary"
                    onClick={() => setOpenForm({ id: e.id, mode: 'dispute' })}
                    aria-expanded={openForm?.id === e.id && openForm.mode === 'dispute'}
                  >
                    {t('cooperation.ledger.dispute')}
                  </Button>
                </>
              ) : null}
              {e.abilities.correct ? (
                <Button
                  size="sm"
                  variant="secondary"
                  onClick={() => setOpenForm({ id: e.id, mode: 'correct' })}
                  aria-expanded={openForm?.id === e.id && openForm.mode === 'correct'}
                >
                  {t('cooperation.ledger.correct')}
                </Button>
              ) : null}
            </div>
            {openForm?.id === e.id ? (
              <form
                className="mt-2"
                onSubmit={(ev) => {
                  ev.preventDefault();
                  const text = String(new FormData(ev.currentTarget).get('text') ?? '');
                  if (openForm.mode === 'dispute') respond.mutate({ id: e.id, response: 'dispute', comment: text });
                  else correct.mutate({ id: e.id, reason: text });
                }}
              >
                <TextField
                  label={
                    openForm.mode === 'dispute'
                      ? t('cooperation.ledger.disputeComment')
                      : t('cooperation.ledger.correctReason')
                  }
                  name="text"
                  required
                  minLength={3}
                  maxLength={1000}
                />
                <div className="flex flex-wrap gap-2">
                  <Button type="submit" size="sm" busy={respond.isPending || correct.isPending}>
                    {openForm.mode === 'dispute'
                      ? t('cooperation.ledger.disputeSubmit')
                      : t('cooperation.ledger.correctSubmit')}
                  </Button>
                  <Button size="sm" variant="ghost" onClick={() => setOpenForm(null)}>
                    {t('common.cancel')}
                  </Button>
                </div>
              </form>
            ) : null}
          </>
        ) : (
          <span className="text-stone-600">—</span>
        ),
    },
  ];

  return (
    <>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Table
        caption={t('cooperation.ledger.entries')}
        testId="ledger-table"
        columns={columns}
        rows={entries}
        rowKey={(e) => e.id}
        rowProps={(e) => ({ 'data-entry-id': e.id, 'data-status': e.status })}
      />
    </>
  );
}

type Line = Balances['organisations'][number];

/**
 * Balances: one row per organisation, one column per unit; in each cell what
 * it gave and received, confirmed apart from what still waits (and pending
 * reversals apart from pending gifts). Organisations without any amount have
 * no row; units nobody used have no column. A table on a laptop, cards on a
 * phone.
 */
export function BalancesView({
  networkId,
  orgs,
  filter,
  labels,
  organisationId,
  initial,
}: {
  networkId: string;
  orgs: OrgName[];
  filter?: Record<string, string>;
  labels: Record<string, string>;
  organisationId?: string;
  initial?: Balances;
}) {
  const { t } = useI18n();
  const f = useFormat();
  const params = { ...(filter ?? {}), ...(organisationId ? { organisationId } : {}) };
  delete (params as Record<string, string>).status;
  const bal = useQuery({
    queryKey: coopKey(networkId, 'balances', params),
    queryFn: () => api.get<Balances>(`/api/networks/${networkId}/ledger/balances${qs(params)}`),
    initialData: initial,
  });
  const name = (id: string | null) =>
    id ? (orgs.find((o) => o.id === id)?.name ?? '—') : t('cooperation.ledger.network');
  const n = (v: number, unit: string) => f.amount(v, unit, labels);

  const isEmpty = (l: Line) =>
    [l.given, l.received].every((a) => a.confirmed === 0 && a.pending === 0 && (a.pendingReversals ?? 0) === 0);
  const lines = (bal.data?.organisations ?? []).filter((l) => !isEmpty(l));
  const units = [...new Set(lines.map((l) => l.unit))];
  const rows = [...new Set(lines.map((l) => l.organisationId ?? 'network'))].map((id) => ({
    id,
    name: name(id === 'network' ? null : id),
    byUnit: Object.fromEntries(
      lines.filter((l) => (l.organisationId ?? 'network') === id).map((l) => [l.unit, l] as const),
    ),
  }));
  rows.sort((x, y) => x.name.localeCompare(y.name));

  const side = (label: string, a: Line['given'], unit: string, cell: 'given' | 'received') =>
    a.confirmed === 0 && a.pending === 0 && (a.pendingReversals ?? 0) === 0 ? null : (
      <span className="block">
        <span className="text-stone-700">{label}</span>{' '}
        <span data-cell={`${cell}-confirmed`} className="font-semibold">
          {n(a.confirmed, unit)}
        </span>
        {a.pending ? (
          <span data-cell={`${cell}-pending`} className="block text-sm text-amber-900">
            {t('pages.balances.waiting', { amount: n(a.pending, unit) })}
          </span>
        ) : null}
        {a.pendingReversals ? (
          <span data-cell={`${cell}-pending-reversals`} className="block text-sm text-stone-700">
            {t('pages.balances.toReverse', { amount: n(a.pendingReversals, unit) })}
          </span>
        ) : null}
      </span>
    );

  const columns: Column<(typeof rows)[number]>[] = [
    { key: 'org', header: t('pages.balances.organisation'), primary: true, cell: (r) => r.name },
    ...units.map((unit) => ({
      key: unit,
      header: f.unitLabel(unit, labels),
      cell: (r: (typeof rows)[number]) => {
        const l = r.byUnit[unit];
        if (!l) return <span className="text-stone-600">—</span>;
        return (
          <span data-unit={unit} className="block">
            {side(t('pages.balances.given'), l.given, unit, 'given')}
            {side(t('pages.balances.received'), l.received, unit, 'received')}
          </span>
        );
      },
    })),
  ];

  return (
    <Card title={t('cooperation.balances.title')} id="balances">
      <p className="mb-3 text-sm text-stone-700">{t('pages.balances.intro')}</p>
      {bal.isError ? <Alert tone="error">{errorText(bal.error, t)}</Alert> : null}
      {bal.data && rows.length === 0 ? <p>{t('cooperation.balances.none')}</p> : null}
      {rows.length ? (
        <Table
          caption={t('cooperation.balances.perOrganisation')}
          testId="balances-table"
          columns={columns}
          rows={rows}
          rowKey={(r) => r.id}
          rowProps={(r) => ({ 'data-org': r.id })}
        />
      ) : null}
      {bal.data && bal.data.pairs.length ? (
        <details className="mt-3">
          <summary className="cursor-pointer font-medium">{t('cooperation.balances.perPair')}</summary>
          {bal.data.pairsTotal > bal.data.pairs.length ? (
            <p className="mt-1 text-sm text-stone-700">
              {t('cooperation.balances.pairsCapped', { shown: bal.data.pairs.length, total: bal.data.pairsTotal })}
            </p>
          ) : null}
          <Table
            caption={t('cooperation.balances.perPair')}
            className="mt-2"
            rows={bal.data.pairs}
            rowKey={(p) => `${p.giverOrgId}|${p.receiverOrgId}|${p.unit}`}
            columns={[
              {
                key: 'pair',
                header: t('pages.ledger.entry'),
                primary: true,
                cell: (p) => `${name(p.giverOrgId)} → ${name(p.receiverOrgId)}`,
              },
              {
                key: 'confirmed',
                header: t('cooperation.balances.confirmed'),
                cell: (p) => n(p.amounts.confirmed, p.unit),
              },
              {
                key: 'pending',
                header: t('cooperation.balances.pending'),
                cell: (p) => (
                  <>
                    {n(p.amounts.pending, p.unit)}
                    {p.amounts.pendingReversals ? (
                      <span className="block text-sm text-stone-700">
                        {t('pages.balances.toReverse', { amount: n(p.amounts.pendingReversals, p.unit) })}
                      </span>
                    ) : null}
                  </>
                ),
              },
              {
                key: 'entries',
                header: t('cooperation.balances.entries'),
                cell: (p) => f.number(p.entries),
                numeric: true,
              },
            ]}
          />
        </details>
      ) : null}
      {bal.data && bal.data.overTime.length ? (
        <details className="mt-3">
          <summary className="cursor-pointer font-medium">{t('cooperation.balances.overTime')}</summary>
          <Table
            caption={t('cooperation.balances.overTime')}
            className="mt-2"
            rows={bal.data.overTime}
            rowKey={(m) => `${m.month}|${m.unit}`}
            columns={[
              { key: 'month', header: t('cooperation.balances.month'), primary: true, cell: (m) => m.month },
              {
                key: 'given',
                header: t('pages.balances.given'),
                cell: (m) => side(t('cooperation.balances.confirmed'), m.given, m.unit, 'given') ?? '—',
              },
              {
                key: 'received',
                header: t('pages.balances.received'),
                cell: (m) => side(t('cooperation.balances.confirmed'), m.received, m.unit, 'received') ?? '—',
              },
            ]}
          />
        </details>
      ) : null}
    </Card>
  );
}

function DefineUnitForm({ networkId }: { networkId: string }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <Card title={t('cooperation.units.title')} id="units">
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const form = e.currentTarget;
          setError(null);
          setDone(null);
          try {
            const r = await request<{ unit: Unit }>('POST', `/api/networks/${networkId}/ledger/units`, {
              label: String(new FormData(form).get('label') ?? ''),
            });
            form.reset();
            setDone(r.unit.label);
            void qc.invalidateQueries({ queryKey: coopKey(networkId, 'units') });
          } catch (err) {
            setError(errorText(err, t));
          }
        }}
      >
        {error ? <Alert tone="error">{error}</Alert> : null}
        {done ? <Alert tone="success">{t('cooperation.units.added', { label: done })}</Alert> : null}
        <TextField label={t('cooperation.units.label')} name="label" required minLength={2} />
        <Button type="submit" variant="secondary">
          {t('cooperation.units.submit')}
        </Button>
      </form>
    </Card>
  );
}
