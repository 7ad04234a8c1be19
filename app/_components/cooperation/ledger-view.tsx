'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Form,
  ScrollArea,
  SelectField,
  TextAreaField,
  TextField,
  useForm,
} from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';
import { ExportMenu } from '@/app/_components/exports/export-menu';
import type { CooperationAbilities } from '@/lib/policies/cooperation-abilities';
import type { LedgerEntryAbilities } from '@/lib/policies';
import type { getBalances } from '@/lib/ledger/get-balances';
import { ENTRY_KINDS, ENTRY_STATUSES, type LedgerEntry } from '@/lib/ledger/records';
import { api, errorText, newKey, qs, request } from '@/app/_lib/api-client';
import { GoalPicker } from './goal-picker';
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
  /** The unfiltered first page and balances, rendered with the HTML. */
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

  return (
    <div className="grid gap-6">
      {abilities?.record && abilities.organisationId ? (
        <RecordEntryForm
          networkId={networkId}
          orgs={orgs}
          myOrgId={abilities.organisationId}
          unitOptions={units.options}
        />
      ) : null}
      <BalancesView
        networkId={networkId}
        orgs={orgs}
        filter={filter}
        labels={units.labels}
        initial={unfiltered ? initial?.balances : undefined}
      />
      <Card title={t('cooperation.ledger.entries')} id="entries">
        <form
          aria-label={t('cooperation.ledger.filters')}
          className="grid gap-x-3 sm:grid-cols-3 lg:grid-cols-6"
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
        <EntryTable
          networkId={networkId}
          entries={page.data?.entries ?? []}
          orgs={orgs}
          labels={units.labels}
          queryKey={coopKey(networkId, 'ledger', query)}
        />
        {page.data && page.data.total > PAGE ? (
          <nav aria-label={t('cooperation.pagination')} className="mt-4 flex items-center gap-3">
            <Button
              variant="secondary"
              size="sm"
              disabled={offset === 0}
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

function RecordEntryForm({
  networkId,
  orgs,
  myOrgId,
  unitOptions,
}: {
  networkId: string;
  orgs: OrgName[];
  myOrgId: string;
  unitOptions: { value: string; label: string }[];
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const outbox = useOutbox();
  /** Bumped after a recorded entry: the goal picker starts empty again (form.reset() does not reach its state). */
  const [resets, setResets] = useState(0);
  const today = new Date().toISOString().slice(0, 10);
  const partnerName = (partner: string | null) =>
    partner === null ? t('cooperation.ledger.network') : (orgs.find((o) => o.id === partner)?.name ?? '');
  const record = useForm({
    read: (d) => {
      const partner = String(d.get('partner'));
      const amountText = String(d.get('amount') ?? '').replace(',', '.');
      const goalId = String(d.get('goalId') ?? '');
      return {
        organisationId: myOrgId,
        kind: String(d.get('kind')),
        partnerOrganisationId: partner === 'network' ? null : partner,
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
          partner: partnerName(body.partnerOrganisationId),
        }),
      }),
    onSuccess: (_r, { form }) => {
      form?.reset();
      setResets((n) => n + 1);
      void qc.invalidateQueries({ queryKey: coopKey(networkId) });
    },
  });
  const fields = record.fieldErrors;
  return (
    <Card title={t('cooperation.ledger.record')} id="record">
      <Form form={record}>
        {record.result ? (
          <Alert tone="success">
            {record.result.queued ? t('cooperation.outbox.savedOffline') : t('cooperation.ledger.recorded')}
          </Alert>
        ) : null}
        <div className="grid gap-x-3 sm:grid-cols-2 lg:grid-cols-5">
          <SelectField
            label={t('cooperation.entry.kind')}
            name="kind"
            defaultValue="give"
            options={ENTRY_KINDS.map((k) => ({ value: k, label: t(`cooperation.entryKind.${k}`) }))}
          />
          <SelectField
            label={t('cooperation.entry.partner')}
            name="partner"
            options={[
              ...orgs.filter((o) => o.id !== myOrgId).map((o) => ({ value: o.id, label: o.name })),
              { value: 'network', label: t('cooperation.ledger.network') },
            ]}
            error={fields.partnerOrganisationId}
          />
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
        />
        <TextAreaField
          label={t('cooperation.entry.description')}
          name="description"
          rows={2}
          optionalLabel={t('common.optional')}
        />
        <Button type="submit" busy={record.busy}>
          {t('cooperation.ledger.recordSubmit')}
        </Button>
      </Form>
    </Card>
  );
}

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

  if (!entries.length) return <p className="text-stone-700">{t('cooperation.ledger.none')}</p>;
  return (
    <>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="ledger-table">
          <caption className="sr-only">{t('cooperation.ledger.entries')}</caption>
          <TableHead
            labels={[
              t('cooperation.entry.date'),
              t('cooperation.entry.kind'),
              t('cooperation.ledger.from'),
              t('cooperation.ledger.to'),
              t('cooperation.entry.amount'),
              t('cooperation.entry.description'),
              t('cooperation.filter.status'),
              t('cooperation.ledger.actions'),
            ]}
          />
          <tbody>
            {entries.map((e) => (
              <tr
                key={e.id}
                className="border-b border-stone-200 align-top"
                data-entry-id={e.id}
                data-status={e.status}
              >
                <td className="py-1 pr-2 whitespace-nowrap">{f.date(e.date)}</td>
                <td className="pr-2">{t(`cooperation.entryKind.${e.kind}`)}</td>
                <td className="pr-2">{name(e.giverOrgId)}</td>
                <td className="pr-2">{name(e.receiverOrgId)}</td>
                <td className="pr-2 whitespace-nowrap">{f.amount(e.amount, e.unit, labels)}</td>
                <td className="pr-2">
                  {e.description}
                  <Link
                    className="block text-sm text-brand-800 underline underline-offset-4"
                    href={`/networks/${networkId}/ledger/${e.id}`}
                    data-testid="entry-open"
                  >
                    {t('followUp.entry.open')}
                  </Link>
                  {e.goalId && e.goalTitle ? (
                    <span className="block" data-testid="entry-goal">
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
                    <span className="block text-stone-700">{t('cooperation.ledger.reversal')}</span>
                  ) : null}
                  {e.responseComment ? <span className="block text-stone-700">„{e.responseComment}“</span> : null}
                </td>
                <td className="pr-2">
                  <span data-testid="entry-status">{t(`cooperation.entryStatus.${e.status}`)}</span>
                </td>
                <td>
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
                        variant="ghost"
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
                        if (openForm.mode === 'dispute')
                          respond.mutate({ id: e.id, response: 'dispute', comment: text });
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
                      />
                      <Button type="submit" size="sm" busy={respond.isPending || correct.isPending}>
                        {openForm.mode === 'dispute'
                          ? t('cooperation.ledger.disputeSubmit')
                          : t('cooperation.ledger.correctSubmit')}
                      </Button>
                    </form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Given and received per organisation and unit, and per pair: confirmed and pending apart. */
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
  return (
    <Card title={t('cooperation.balances.title')} id="balances">
      <p className="mb-2 text-sm text-stone-700">{t('cooperation.balances.hint')}</p>
      {bal.isError ? <Alert tone="error">{errorText(bal.error, t)}</Alert> : null}
      {bal.data && bal.data.organisations.length === 0 ? <p>{t('cooperation.balances.none')}</p> : null}
      {bal.data && bal.data.organisations.length ? (
        <ScrollArea label={t('cooperation.balances.perOrganisation')}>
          <table className="w-full text-left text-sm" data-testid="balances-table">
            <caption className="sr-only">{t('cooperation.balances.perOrganisation')}</caption>
            <TableHead
              labels={[
                t('cooperation.filter.organisation'),
                t('cooperation.balances.givenConfirmed'),
                t('cooperation.balances.givenPending'),
                t('cooperation.balances.receivedConfirmed'),
                t('cooperation.balances.receivedPending'),
              ]}
            />
            <tbody>
              {bal.data.organisations.map((o) => (
                <tr
                  key={`${o.organisationId}|${o.unit}`}
                  className="border-b border-stone-200"
                  data-org={o.organisationId ?? 'network'}
                  data-unit={o.unit}
                >
                  <th scope="row" className="py-1 pr-2 font-normal">
                    {name(o.organisationId)}
                  </th>
                  <td className="pr-2" data-cell="given-confirmed">
                    {n(o.given.confirmed, o.unit)}
                  </td>
                  <td className="pr-2" data-cell="given-pending">
                    {n(o.given.pending, o.unit)}
                  </td>
                  <td className="pr-2" data-cell="received-confirmed">
                    {n(o.received.confirmed, o.unit)}
                  </td>
                  <td data-cell="received-pending">{n(o.received.pending, o.unit)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      ) : null}
      {bal.data && bal.data.pairs.length ? (
        <details className="mt-3">
          <summary className="cursor-pointer font-medium">{t('cooperation.balances.perPair')}</summary>
          {bal.data.pairsTotal > bal.data.pairs.length ? (
            <p className="mt-1 text-sm text-stone-700">
              {t('cooperation.balances.pairsCapped', { shown: bal.data.pairs.length, total: bal.data.pairsTotal })}
            </p>
          ) : null}
          <table className="mt-2 w-full text-left text-sm">
            <caption className="sr-only">{t('cooperation.balances.perPair')}</caption>
            <TableHead
              labels={[
                t('cooperation.ledger.from'),
                t('cooperation.ledger.to'),
                t('cooperation.balances.confirmed'),
                t('cooperation.balances.pending'),
                t('cooperation.balances.entries'),
              ]}
            />
            <tbody>
              {bal.data.pairs.map((p) => (
                <tr key={`${p.giverOrgId}|${p.receiverOrgId}|${p.unit}`} className="border-b border-stone-200">
                  <td className="pr-2">{name(p.giverOrgId)}</td>
                  <td className="pr-2">{name(p.receiverOrgId)}</td>
                  <td className="pr-2">{n(p.amounts.confirmed, p.unit)}</td>
                  <td className="pr-2">{n(p.amounts.pending, p.unit)}</td>
                  <td>{p.entries}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
      {bal.data && bal.data.overTime.length ? (
        <details className="mt-3">
          <summary className="cursor-pointer font-medium">{t('cooperation.balances.overTime')}</summary>
          <table className="mt-2 w-full text-left text-sm">
            <caption className="sr-only">{t('cooperation.balances.overTime')}</caption>
            <TableHead
              labels={[
                t('cooperation.balances.month'),
                t('cooperation.balances.givenConfirmed'),
                t('cooperation.balances.givenPending'),
                t('cooperation.balances.receivedConfirmed'),
                t('cooperation.balances.receivedPending'),
              ]}
            />
            <tbody>
              {bal.data.overTime.map((m) => (
                <tr key={`${m.month}|${m.unit}`} className="border-b border-stone-200">
                  <td className="pr-2">{m.month}</td>
                  <td className="pr-2">{n(m.given.confirmed, m.unit)}</td>
                  <td className="pr-2">{n(m.given.pending, m.unit)}</td>
                  <td className="pr-2">{n(m.received.confirmed, m.unit)}</td>
                  <td>{n(m.received.pending, m.unit)}</td>
                </tr>
              ))}
            </tbody>
          </table>
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

/** A table's column headings in one row; every column but the last keeps a gap to the next. */
function TableHead({ labels }: { labels: string[] }) {
  return (
    <thead>
      <tr className="border-b border-stone-400">
        {labels.map((label, i) => (
          <th key={i} scope="col" className={i < labels.length - 1 ? 'py-1 pr-2' : 'py-1'}>
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
