'use client';

import Link from '@/app/_components/ui/link';
import { useCallback, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  buttonClasses,
  Card,
  ConfirmDialog,
  Dialog,
  EmptyState,
  Form,
  PageHeader,
  SelectField,
  Table,
  TextField,
  useForm,
  useToast,
} from '@/app/_components/ui';
import { coopKey } from '@/app/_components/cooperation/live';
import { GoalPicker } from '@/app/_components/cooperation/goal-picker';
import { useI18n } from '@/app/_components/providers';
import { api, errorText } from '@/app/_lib/api-client';
import { INTL_LOCALE } from '@/lib/i18n/locales';
import type { MeetingPage } from '@/lib/meetings/get-meeting';
import { localInput } from '@/lib/meetings/time';
import type { Access } from '@/lib/realtime/protocol';
import { AdoptDialog, DecisionItem, ProposeDialog, ReasonForm, type ShownDecision } from './decisions';
import { AgendaComments } from './agenda-comments';
import { MeetingDoc, type AgendaBlock } from './meeting-doc';
import { MeetingForm, StatusBadge } from './meetings-list';
import { useMeetingFormat } from './use-meeting-format';

const UNITS = ['hours', 'expertise_days', 'contacts', 'space', 'equipment', 'money_eur'] as const;

/**
 * One meeting: when and where, its state, the invited organisations and their
 * attendance and answers to the minutes, the agenda and live minutes
 * (collaborative), proposals and decisions with every voice, action items
 * that became commitments, and the facilitation figures per organisation.
 * Every button is offered from the `abilities` the server sent; the server
 * decides again.
 */
export function MeetingView({
  networkId,
  initial,
  realtimeUrl,
  access,
  self,
  organisations,
}: {
  networkId: string;
  /** The network's organisations (for changing the invitations), when the person moderates. */
  organisations?: { id: string; name: string }[];
  initial: MeetingPage;
  realtimeUrl: string;
  access: Access;
  self: { id: string; name: string; organisation: string | null };
}) {
  const { t, f: fmt } = useI18n();
  const toast = useToast();
  const qc = useQueryClient();
  const id = initial.meeting.id;
  const base = `/api/networks/${networkId}/meetings/${id}`;
  const key = coopKey(networkId, 'meeting', id);
  const { data } = useQuery({ queryKey: key, queryFn: () => api.get<MeetingPage>(base), initialData: initial });
  const refresh = useCallback(() => void qc.invalidateQueries({ queryKey: key }), [qc, key]);
  const [agenda, setAgenda] = useState<AgendaBlock[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const m = data.meeting;
  const f = useMeetingFormat(m.timeZone);
  const a = m.abilities;
  const step = async (body: unknown, done?: string) => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`${base}/state`, body);
      refresh();
      if (done) toast(done);
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };
  const mine = m.organisations.find((o) => o.id === data.myOrganisationId);
  const attended = m.organisations.filter((o) => o.attended);
  const held = m.status === 'approval' || m.status === 'published';

  return (
    <>
      <PageHeader
        title={m.title}
        description={
          <span className="grid gap-1">
            <span data-testid="meeting-when">{f.range(m.startsAt, m.endsAt)}</span>
            <span className="text-sm">{t('meetings.timeZone', { zone: m.timeZone })}</span>
            {m.place ? <span>{t('meetings.placeIs', { place: m.place })}</span> : null}
            {m.onlineUrl ? (
              <a className="text-brand-800 underline" href={m.onlineUrl} rel="noopener noreferrer" target="_blank">
                {t('meetings.joinOnline')}
              </a>
            ) : null}
          </span>
        }
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <StatusBadge status={m.status} />
            <a className={buttonClasses('secondary', 'sm')} href={`${base}/ics`} download data-testid="ics-download">
              {t('meetings.ics.download')}
            </a>
          </div>
        }
      />
      <p className="mb-4">
        <Link className="text-brand-800 underline" href={`/networks/${networkId}/meetings`}>
          {t('meetings.backToList')}
        </Link>
      </p>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Alert tone={m.status === 'cancelled' ? 'warning' : 'info'}>
        <span data-testid="meeting-state">
          {t(`meetings.state.${m.status}`, {
            waiting: attended
              .filter((o) => o.approval !== 'approved')
              .map((o) => o.name)
              .join(', '),
            reason: m.cancelReason,
            published: m.publishedAt ? f.when(m.publishedAt) : '',
          })}
        </span>
      </Alert>
      {a.moderate ? (
        <div className="my-4 flex flex-wrap gap-2">
          {m.status === 'scheduled' ? (
            <>
              <Button
                variant="primary"
                busy={busy}
                onClick={() => void step({ action: 'start' }, t('meetings.started'))}
              >
                {t('meetings.start')}
              </Button>
              {organisations ? (
                <Dialog
                  title={t('meetings.change.title')}
                  trigger={<Button variant="secondary">{t('meetings.change.open')}</Button>}
                  size="lg"
                >
                  {(close) => (
                    <MeetingForm
                      organisations={organisations}
                      label={t('meetings.change.title')}
                      submitLabel={t('meetings.change.submit')}
                      initial={{
                        title: m.title,
                        startsAt: localInput(m.startsAt, m.timeZone),
                        durationMinutes: Math.round((m.endsAt - m.startsAt) / 60_000),
                        place: m.place,
                        onlineUrl: m.onlineUrl,
                        organisationIds: m.organisations.map((o) => o.id),
                      }}
                      send={(body) => api.patch<{ meeting: { id: string } }>(base, body)}
                      onDone={() => {
                        close();
                        refresh();
                        toast(t('meetings.change.done'));
                      }}
                    />
                  )}
                </Dialog>
              ) : null}
              <Dialog
                title={t('meetings.cancel.title')}
                trigger={<Button variant="danger">{t('meetings.cancel.open')}</Button>}
              >
                {(close) => (
                  <ReasonForm
                    label={t('meetings.cancel.reason')}
                    submitLabel={t('meetings.cancel.submit')}
                    onSubmit={async (reason) => {
                      await api.post(`${base}/state`, { action: 'cancel', reason });
                      close();
                      refresh();
                    }}
                  />
                )}
              </Dialog>
            </>
          ) : null}
          {m.status === 'live' ? (
            <ConfirmDialog
              title={t('meetings.end.title')}
              confirmLabel={t('meetings.end.confirm')}
              trigger={<Button variant="primary">{t('meetings.end.open')}</Button>}
              busy={busy}
              onConfirm={(close) => {
                void step({ action: 'end' }, t('meetings.ended')).then(close);
              }}
            >
              {t('meetings.end.text')}
            </ConfirmDialog>
          ) : null}
        </div>
      ) : null}

      <div className="mt-section grid gap-section">
        <Card title={t('meetings.orgs.title')}>
          <ul className="grid gap-2" data-testid="attendance">
            {m.organisations.map((o) => (
              <li
                key={o.id}
                className="flex flex-wrap items-center justify-between gap-2 border-b border-stone-200 pb-2 last:border-b-0 last:pb-0"
                data-org={o.name}
              >
                <span className="min-w-0 font-medium">{o.name}</span>
                <span className="text-sm text-stone-800">
                  {m.status === 'scheduled'
                    ? t('meetings.orgs.invited')
                    : m.status === 'live'
                      ? t(o.attended ? 'meetings.orgs.present' : 'meetings.orgs.notYetPresent')
                      : o.attended
                        ? t('meetings.orgs.attended')
                        : t('meetings.orgs.absent')}
                  {held && o.attended
                    ? ` · ${t(`meetings.orgs.approval.${o.approval ?? 'waiting'}`, { objection: o.objection })}`
                    : ''}
                </span>
                {a.moderate && m.status === 'live' ? (
                  <Button
                    size="sm"
                    variant="secondary"
                    busy={busy}
                    onClick={() => void step({ action: 'attendance', organisationId: o.id, attended: !o.attended })}
                  >
                    {o.attended
                      ? t('meetings.orgs.markAbsent', { name: o.name })
                      : t('meetings.orgs.markAttended', { name: o.name })}
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        </Card>

        {m.status === 'approval' && a.approveMinutes && mine?.approval !== 'approved' ? (
          <Card title={t('meetings.approve.title')}>
            <p className="mb-3">{t('meetings.approve.intro', { organisation: mine?.name ?? '' })}</p>
            <div className="flex flex-wrap gap-2">
              <Button
                variant="primary"
                busy={busy}
                onClick={async () => {
                  setBusy(true);
                  setError(null);
                  try {
                    await api.post(`${base}/minutes`, { answer: 'approve' });
                    refresh();
                    toast(t('meetings.approve.done'));
                  } catch (err) {
                    setError(errorText(err, t));
                  } finally {
                    setBusy(false);
                  }
                }}
              >
                {t('meetings.approve.approve')}
              </Button>
              <Dialog
                title={t('meetings.approve.objectTitle')}
                trigger={<Button variant="secondary">{t('meetings.approve.object')}</Button>}
              >
                {(close) => (
                  <ReasonForm
                    label={t('meetings.approve.objection')}
                    submitLabel={t('meetings.approve.objectSubmit')}
                    onSubmit={async (objection) => {
                      await api.post(`${base}/minutes`, { answer: 'object', objection });
                      close();
                      refresh();
                    }}
                  />
                )}
              </Dialog>
            </div>
          </Card>
        ) : null}

        <Card title={m.status === 'scheduled' ? t('meetings.doc.titleAgenda') : t('meetings.doc.title')}>
          {m.status === 'cancelled' ? (
            <p>{t('meetings.doc.cancelled')}</p>
          ) : (
            <MeetingDoc
              docName={m.doc}
              realtimeUrl={realtimeUrl}
              initialAccess={access}
              self={self}
              showMinutes={m.status !== 'scheduled'}
              onAgenda={setAgenda}
            />
          )}
        </Card>

        {m.status === 'cancelled' ? null : (
          <AgendaComments networkId={networkId} meetingId={id} live={agenda} summary={data.agendaComments} />
        )}

        <Card
          title={t('meetings.decisions.title')}
          actions={
            <>
              {a.propose ? (
                <ProposeDialog base={base} agenda={(agenda ?? []).map((b) => b.title)} onDone={refresh} />
              ) : null}
              {a.adoptText ? <AdoptDialog base={base} onDone={refresh} /> : null}
            </>
          }
        >
          {data.decisions.length ? (
            <ul className="grid gap-3">
              {data.decisions.map((d) => (
                <DecisionItem
                  key={d.id}
                  base={base}
                  d={d as ShownDecision}
                  timeZone={m.timeZone}
                  invited={m.organisations}
                  onChanged={refresh}
                />
              ))}
            </ul>
          ) : (
            <EmptyState
              title={t('meetings.decisions.empty')}
              description={a.propose ? t('meetings.decisions.emptyCan') : t('meetings.decisions.emptyCannot')}
            />
          )}
        </Card>

        <Card
          title={t('meetings.actions.title')}
          actions={
            a.addActionItem && mine ? (
              <Dialog
                title={t('meetings.actions.addTitle')}
                trigger={<Button variant="secondary">{t('meetings.actions.add')}</Button>}
                size="lg"
              >
                {(close) => (
                  <ActionItemForm
                    networkId={networkId}
                    base={base}
                    organisationId={mine.id}
                    organisationName={mine.name}
                    onDone={() => {
                      close();
                      refresh();
                    }}
                  />
                )}
              </Dialog>
            ) : null
          }
        >
          {data.actionItems.length ? (
            <ul className="grid gap-2" data-testid="action-items">
              {data.actionItems.map((i) => (
                <li key={i.commitmentId} className="border-b border-stone-200 pb-2 last:border-b-0 last:pb-0">
                  <span className="font-medium">{i.text}</span>{' '}
                  <span className="text-sm text-stone-800">
                    {t('meetings.actions.item', {
                      organisation: i.organisationName,
                      due: i.dueOn ? fmt.date(i.dueOn) : '—',
                      status: i.status,
                    })}
                  </span>{' '}
                  <Link className="text-sm text-brand-800 underline" href={`/networks/${networkId}/goals/${i.goalId}`}>
                    {t('meetings.actions.toGoal')}
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-stone-700">
              {held || m.status === 'live' ? t('meetings.actions.empty') : t('meetings.actions.notYet')}
            </p>
          )}
        </Card>

        {a.moderate || held ? <Facilitation data={data} /> : null}
      </div>
    </>
  );
}

function ActionItemForm({
  networkId,
  base,
  organisationId,
  organisationName,
  onDone,
}: {
  networkId: string;
  base: string;
  organisationId: string;
  organisationName: string;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const form = useForm({
    read: (d) => ({
      text: String(d.get('text') ?? ''),
      organisationId,
      goalId: String(d.get('goalId') ?? ''),
      unit: String(d.get('unit') ?? 'hours'),
      amount: Number(String(d.get('amount') ?? '').replace(',', '.')),
      dueOn: String(d.get('dueOn') ?? ''),
      commit: d.get('commit') === 'on',
    }),
    submit: (body) => api.post(`${base}/action-items`, body),
    onSuccess: onDone,
  });
  return (
    <Form form={form} aria-label={t('meetings.actions.addTitle')}>
      <p className="mb-stack">{t('meetings.actions.intro', { organisation: organisationName })}</p>
      <TextField name="text" label={t('meetings.actions.text')} maxLength={500} required />
      <GoalPicker networkId={networkId} name="goalId" label={t('meetings.actions.goal')} />
      <SelectField
        name="unit"
        label={t('meetings.actions.unit')}
        options={UNITS.map((u) => ({ value: u, label: t(`cooperation.unit.${u}`) }))}
      />
      <TextField name="amount" inputMode="decimal" label={t('meetings.actions.amount')} required />
      <TextField name="dueOn" type="date" label={t('meetings.actions.dueOn')} required />
      <label className="mb-stack flex items-center gap-2">
        <input type="checkbox" name="commit" className="h-4 w-4" defaultChecked />
        {t('meetings.actions.commitNow')}
      </label>
      <Button type="submit" variant="primary" busy={form.busy}>
        {t('meetings.actions.submit')}
      </Button>
    </Form>
  );
}

function Facilitation({ data }: { data: MeetingPage }) {
  const { t, locale } = useI18n();
  const rows = data.facilitation.organisations;
  const percent = new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'percent', maximumFractionDigits: 0 });
  const pct = (n: number) => percent.format(n);
  return (
    <Card title={t('meetings.facilitation.title')}>
      <p className="mb-3 text-stone-800">{t('meetings.facilitation.intro')}</p>
      {data.facilitation.dominant ? (
        <Alert tone="warning">{t('meetings.facilitation.dominant', { name: data.facilitation.dominant.name })}</Alert>
      ) : null}
      <Table
        caption={t('meetings.facilitation.caption')}
        rowKey={(r) => r.organisationId}
        rows={rows}
        columns={[
          { key: 'name', header: t('meetings.facilitation.organisation'), cell: (r) => r.name, primary: true },
          {
            key: 'edits',
            header: t('meetings.facilitation.edits'),
            cell: (r) => `${pct(r.shares.edits)} (${r.edits})`,
            numeric: true,
          },
          {
            key: 'agenda',
            header: t('meetings.facilitation.agendaItems'),
            cell: (r) => `${pct(r.shares.agendaItems)} (${r.agendaItems})`,
            numeric: true,
          },
          {
            key: 'comments',
            header: t('meetings.facilitation.comments'),
            cell: (r) => `${pct(r.shares.comments)} (${r.comments})`,
            numeric: true,
          },
          {
            key: 'proposals',
            header: t('meetings.facilitation.proposals'),
            cell: (r) => `${pct(r.shares.proposals)} (${r.proposals})`,
            numeric: true,
          },
          {
            key: 'voices',
            header: t('meetings.facilitation.voices'),
            cell: (r) => t('meetings.facilitation.voicesCell', { voices: r.voices, objections: r.objections }),
            numeric: true,
          },
          {
            key: 'actions',
            header: t('meetings.facilitation.actionItems'),
            cell: (r) => String(r.actionItems),
            numeric: true,
          },
        ]}
      />
    </Card>
  );
}
