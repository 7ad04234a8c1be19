'use client';

import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Dialog,
  Form,
  SelectField,
  TextAreaField,
  TextField,
  useForm,
} from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';
import { api, errorText } from '@/app/_lib/api-client';
import type { Decision } from '@/lib/meetings/records';
import type { DecisionAbilities } from '@/lib/policies';
import { useMeetingFormat } from './use-meeting-format';

export type ShownDecision = Decision & { abilities: DecisionAbilities };

const STATUS_TONE = { open: 'info', adopted: 'success', rejected: 'danger', closed: 'neutral' } as const;

/** One proposal: its text, how it is decided, the voices so far (who decided how), and what the person may do. */
export function DecisionItem({
  base,
  d,
  timeZone,
  invited,
  onChanged,
}: {
  base: string;
  d: ShownDecision;
  timeZone: string;
  invited: { id: string; name: string }[];
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const f = useMeetingFormat(timeZone);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const act = async (path: string, body?: unknown) => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`${base}/decisions/${d.id}/${path}`, body ?? {});
      onChanged();
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };
  const voiceOf = (orgId: string) => d.votes.find((v) => v.organisationId === orgId);
  return (
    <li className="rounded-card border border-stone-300 bg-white p-4" data-testid="decision" data-title={d.title}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="min-w-0 text-lg font-semibold">{d.title}</h3>
        <Badge tone={STATUS_TONE[d.status]} data-status={d.status}>
          {t(`meetings.decision.status.${d.status}`)}
        </Badge>
      </div>
      {d.agendaItem ? (
        <p className="text-sm text-stone-700">{t('meetings.decision.fromAgenda', { item: d.agendaItem })}</p>
      ) : null}
      {d.body ? <p className="mt-2 whitespace-pre-line">{d.body}</p> : null}
      <p className="mt-2 text-sm text-stone-700">
        {d.method === 'adopted'
          ? t('meetings.decision.adoptedBecause', { reason: d.outcome })
          : t('meetings.decision.how', {
              method: d.method,
              time: f.when(d.closesAt),
            })}
      </p>
      {d.method === 'poll' && d.status === 'adopted' ? (
        <p className="mt-1 font-medium">{t('meetings.decision.winner', { option: d.outcome })}</p>
      ) : null}
      {d.method !== 'adopted' ? (
        <ul className="mt-3 grid gap-1" aria-label={t('meetings.decision.voices')}>
          {invited.map((o) => {
            const v = voiceOf(o.id);
            return (
              <li key={o.id} className="text-sm">
                <span className="font-medium">{o.name}</span>:{' '}
                {v
                  ? t('meetings.decision.voice', {
                      choice: v.choice === 'consent' || v.choice === 'object' ? v.choice : 'option',
                      option: v.choice,
                      objection: v.objection,
                      name: v.votedByName ?? '',
                      withdrawn: v.changedAt && v.choice === 'consent' && v.objection ? 'yes' : 'no',
                    })
                  : t('meetings.decision.noVoice')}
              </li>
            );
          })}
        </ul>
      ) : null}
      {error ? (
        <div className="mt-3">
          <Alert tone="error">{error}</Alert>
        </div>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-2">
        {d.abilities.vote && d.method === 'consent' ? (
          <>
            <Button size="sm" busy={busy} onClick={() => void act('votes', { action: 'consent' })}>
              {t('meetings.decision.consent')}
            </Button>
            <ObjectDialog onSubmit={(objection) => act('votes', { action: 'object', objection })} />
          </>
        ) : null}
        {d.abilities.vote && d.method === 'poll'
          ? d.options.map((o) => (
              <Button
                key={o}
                size="sm"
                variant="secondary"
                busy={busy}
                onClick={() => void act('votes', { action: 'choose', option: o })}
              >
                {t('meetings.decision.choose', { option: o })}
              </Button>
            ))
          : null}
        {d.abilities.withdrawObjection && d.votes.length ? (
          <Button
            size="sm"
            variant="secondary"
            busy={busy}
            onClick={() => void act('votes', { action: 'withdrawObjection' })}
          >
            {t('meetings.decision.withdraw')}
          </Button>
        ) : null}
        {d.abilities.close ? (
          <Button size="sm" variant="secondary" busy={busy} onClick={() => void act('close')}>
            {t('meetings.decision.close')}
          </Button>
        ) : null}
      </div>
    </li>
  );
}

function ObjectDialog({ onSubmit }: { onSubmit: (objection: string) => Promise<void> }) {
  const { t } = useI18n();
  return (
    <Dialog
      title={t('meetings.decision.objectTitle')}
      trigger={
        <Button size="sm" variant="secondary">
          {t('meetings.decision.object')}
        </Button>
      }
    >
      {(close) => (
        <ReasonForm
          label={t('meetings.decision.objection')}
          submitLabel={t('meetings.decision.objectSubmit')}
          onSubmit={async (r) => {
            await onSubmit(r);
            close();
          }}
        />
      )}
    </Dialog>
  );
}

export function ReasonForm({
  label,
  submitLabel,
  onSubmit,
}: {
  label: string;
  submitLabel: string;
  onSubmit: (reason: string) => Promise<void>;
}) {
  const form = useForm({
    read: (d) => String(d.get('reason') ?? ''),
    submit: (reason: string) => onSubmit(reason),
  });
  return (
    <Form form={form} aria-label={label}>
      <TextAreaField name="reason" label={label} rows={3} required maxLength={2000} />
      <Button type="submit" variant="primary" busy={form.busy}>
        {submitLabel}
      </Button>
    </Form>
  );
}

/** An agenda item becomes a proposal: consent or a poll, with a closing time. */
export function ProposeDialog({ base, agenda, onDone }: { base: string; agenda: string[]; onDone: () => void }) {
  const { t } = useI18n();
  const [method, setMethod] = useState<'consent' | 'poll'>('consent');
  return (
    <Dialog
      title={t('meetings.propose.title')}
      trigger={<Button variant="secondary">{t('meetings.propose.open')}</Button>}
      size="lg"
    >
      {(close) => (
        <ProposeForm
          base={base}
          agenda={agenda}
          method={method}
          setMethod={setMethod}
          onDone={() => {
            close();
            onDone();
          }}
        />
      )}
    </Dialog>
  );
}

function inAnHour(): string {
  const d = new Date(Date.now() + 3_600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
}

function ProposeForm({
  base,
  agenda,
  method,
  setMethod,
  onDone,
}: {
  base: string;
  agenda: string[];
  method: 'consent' | 'poll';
  setMethod: (m: 'consent' | 'poll') => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const form = useForm({
    read: (d) => ({
      agendaItem: String(d.get('agendaItem') ?? ''),
      title: String(d.get('title') ?? ''),
      body: String(d.get('body') ?? ''),
      method,
      options:
        method === 'poll'
          ? String(d.get('options') ?? '')
              .split('\n')
              .map((s) => s.trim())
              .filter(Boolean)
          : [],
      // The browser's local time, sent with its offset.
      closesAt: new Date(String(d.get('closesAt') ?? '')).toISOString(),
    }),
    submit: (body) => api.post(`${base}/decisions`, body),
    onSuccess: onDone,
  });
  return (
    <Form form={form} aria-label={t('meetings.propose.title')}>
      {agenda.length ? (
        <SelectField
          name="agendaItem"
          label={t('meetings.propose.agendaItem')}
          optionalLabel={t('common.optional')}
          options={[
            { value: '', label: t('meetings.propose.noAgendaItem') },
            ...agenda.map((a) => ({ value: a.slice(0, 500), label: a.slice(0, 120) })),
          ]}
          onChange={(e) => {
            if (!title) setTitle(e.currentTarget.value.slice(0, 200));
          }}
        />
      ) : null}
      <TextField
        name="title"
        label={t('meetings.propose.titleField')}
        maxLength={200}
        required
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
      />
      <TextAreaField
        name="body"
        label={t('meetings.propose.body')}
        rows={3}
        maxLength={5000}
        optionalLabel={t('common.optional')}
      />
      <fieldset className="mb-stack">
        <legend className="font-medium">{t('meetings.propose.method')}</legend>
        {(['consent', 'poll'] as const).map((m) => (
          <label key={m} className="mt-1 flex items-center gap-2">
            <input
              type="radio"
              name="method"
              value={m}
              checked={method === m}
              onChange={() => setMethod(m)}
              className="h-4 w-4"
            />
            {t(`meetings.propose.${m}`)}
          </label>
        ))}
      </fieldset>
      {method === 'poll' ? (
        <TextAreaField
          name="options"
          label={t('meetings.propose.options')}
          hint={t('meetings.propose.optionsHint')}
          rows={3}
          required
        />
      ) : null}
      <TextField
        name="closesAt"
        type="datetime-local"
        label={t('meetings.propose.closesAt')}
        defaultValue={inAnHour()}
        required
      />
      <Button type="submit" variant="primary" busy={form.busy}>
        {t('meetings.propose.submit')}
      </Button>
    </Form>
  );
}

/** Moderation: a manager adopts a text as decided, with a reason; it goes into the minutes and the audit log. */
export function AdoptDialog({ base, onDone }: { base: string; onDone: () => void }) {
  const { t } = useI18n();
  return (
    <Dialog
      title={t('meetings.adopt.title')}
      description={t('meetings.adopt.intro')}
      trigger={<Button variant="secondary">{t('meetings.adopt.open')}</Button>}
      size="lg"
    >
      {(close) => (
        <AdoptForm
          base={base}
          onDone={() => {
            close();
            onDone();
          }}
        />
      )}
    </Dialog>
  );
}

function AdoptForm({ base, onDone }: { base: string; onDone: () => void }) {
  const { t } = useI18n();
  const form = useForm({
    submit: (body) => api.post(`${base}/adopt`, body),
    onSuccess: onDone,
  });
  return (
    <Form form={form} aria-label={t('meetings.adopt.title')}>
      <TextField name="title" label={t('meetings.adopt.titleField')} maxLength={200} required />
      <TextAreaField name="text" label={t('meetings.adopt.text')} rows={4} maxLength={5000} required />
      <TextAreaField name="reason" label={t('meetings.adopt.reason')} rows={2} maxLength={1000} required />
      <Button type="submit" variant="primary" busy={form.busy}>
        {t('meetings.adopt.submit')}
      </Button>
    </Form>
  );
}
