'use client';

import Link from '@/app/_components/ui/link';
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import {
  Alert,
  Badge,
  Button,
  Card,
  Dialog,
  EmptyState,
  Form,
  TextField,
  useForm,
  useToast,
  type BadgeTone,
} from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';
import { api, errorText } from '@/app/_lib/api-client';
import type { Meeting } from '@/lib/meetings/records';
import type { MeetingAbilities } from '@/lib/policies';
import { useMeetingFormat } from './use-meeting-format';

export type ListedMeeting = Meeting & { abilities: MeetingAbilities };

export const STATUS_TONE: Record<string, BadgeTone> = {
  scheduled: 'info',
  live: 'success',
  approval: 'warning',
  published: 'neutral',
  cancelled: 'danger',
};

export function StatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  return (
    <Badge tone={STATUS_TONE[status] ?? 'neutral'} data-status={status}>
      {t(`meetings.status.${status}`)}
    </Badge>
  );
}

function MeetingRow({ networkId, m }: { networkId: string; m: ListedMeeting }) {
  const { t } = useI18n();
  const f = useMeetingFormat(m.timeZone);
  return (
    <li className="rounded-card border border-stone-300 bg-white p-4" data-testid="meeting-row">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="min-w-0 text-lg font-semibold">
          <Link className="text-brand-800 underline" href={`/networks/${networkId}/meetings/${m.id}`}>
            {m.title}
          </Link>
        </h3>
        <StatusBadge status={m.status} />
      </div>
      <p className="mt-1 text-stone-800">{f.range(m.startsAt, m.endsAt)}</p>
      <p className="text-sm text-stone-700">
        {[m.place, m.onlineUrl ? t('meetings.online') : ''].filter(Boolean).join(' · ')}
      </p>
      <p className="mt-1 text-sm text-stone-700">
        {t('meetings.invitedList', { names: m.organisations.map((o) => o.name).join(', ') })}
      </p>
    </li>
  );
}

export function MeetingsList({
  networkId,
  upcoming,
  past,
  canSchedule,
  organisations,
}: {
  networkId: string;
  upcoming: ListedMeeting[];
  past: ListedMeeting[];
  canSchedule: boolean;
  organisations: { id: string; name: string }[];
}) {
  const { t } = useI18n();
  return (
    <div className="grid gap-section">
      <Card
        title={t('meetings.upcoming')}
        actions={canSchedule ? <ScheduleDialog networkId={networkId} organisations={organisations} /> : null}
      >
        {upcoming.length ? (
          <ul className="grid gap-3">
            {upcoming.map((m) => (
              <MeetingRow key={m.id} networkId={networkId} m={m} />
            ))}
          </ul>
        ) : (
          <EmptyState
            title={t('meetings.emptyUpcoming')}
            description={canSchedule ? t('meetings.emptyUpcomingCan') : t('meetings.emptyUpcomingCannot')}
          />
        )}
      </Card>
      <Card title={t('meetings.past')}>
        {past.length ? (
          <ul className="grid gap-3">
            {past.map((m) => (
              <MeetingRow key={m.id} networkId={networkId} m={m} />
            ))}
          </ul>
        ) : (
          <p className="text-stone-700">{t('meetings.emptyPast')}</p>
        )}
      </Card>
    </div>
  );
}

/** The form to schedule a meeting: title, local start, duration, place and/or link, invited organisations. */
export function ScheduleDialog({
  networkId,
  organisations,
}: {
  networkId: string;
  organisations: { id: string; name: string }[];
}) {
  const { t } = useI18n();
  const toast = useToast();
  const router = useRouter();
  return (
    <Dialog
      title={t('meetings.schedule.title')}
      trigger={<Button variant="primary">{t('meetings.schedule.open')}</Button>}
      size="lg"
    >
      {(close) => (
        <MeetingForm
          organisations={organisations}
          label={t('meetings.schedule.title')}
          submitLabel={t('meetings.schedule.submit')}
          send={(body) => api.post<{ meeting: { id: string } }>(`/api/networks/${networkId}/meetings`, body)}
          onDone={(id) => {
            close();
            toast(t('meetings.schedule.done'), 'success');
            router.push(`/networks/${networkId}/meetings/${id}`);
          }}
        />
      )}
    </Dialog>
  );
}

export interface MeetingFormValues {
  title: string;
  startsAt: string;
  durationMinutes: number;
  place: string;
  onlineUrl: string;
  organisationIds: string[];
}

/** The meeting's fields: title, local start, duration, place and/or link, invited organisations. */
export function MeetingForm({
  organisations,
  initial,
  send,
  submitLabel,
  label,
  onDone,
}: {
  organisations: { id: string; name: string }[];
  initial?: MeetingFormValues;
  send: (body: MeetingFormValues) => Promise<{ meeting: { id: string } }>;
  submitLabel: string;
  label: string;
  onDone: (id: string) => void;
}) {
  const { t } = useI18n();
  const form = useForm({
    read: (d): MeetingFormValues => ({
      title: String(d.get('title') ?? ''),
      startsAt: String(d.get('startsAt') ?? ''),
      durationMinutes: Number(d.get('durationMinutes') ?? 90),
      place: String(d.get('place') ?? ''),
      onlineUrl: String(d.get('onlineUrl') ?? ''),
      organisationIds: d.getAll('organisationIds').map(String),
    }),
    submit: send,
    onSuccess: (r) => onDone(r.meeting.id),
  });
  return (
    <Form form={form} aria-label={label}>
      <TextField
        name="title"
        label={t('meetings.field.title')}
        maxLength={200}
        required
        defaultValue={initial?.title}
      />
      <TextField
        name="startsAt"
        type="datetime-local"
        label={t('meetings.field.startsAt')}
        hint={t('meetings.field.startsAtHint')}
        required
        defaultValue={initial?.startsAt}
      />
      <TextField
        name="durationMinutes"
        type="number"
        min={15}
        max={720}
        step={15}
        defaultValue={String(initial?.durationMinutes ?? 90)}
        label={t('meetings.field.duration')}
      />
      <TextField
        name="place"
        label={t('meetings.field.place')}
        maxLength={300}
        optionalLabel={t('meetings.field.placeOrLink')}
        defaultValue={initial?.place}
      />
      <TextField
        name="onlineUrl"
        type="url"
        label={t('meetings.field.onlineUrl')}
        maxLength={500}
        optionalLabel={t('meetings.field.placeOrLink')}
        defaultValue={initial?.onlineUrl}
      />
      <fieldset className="mb-stack">
        <legend className="font-medium">{t('meetings.field.organisations')}</legend>
        {organisations.map((o) => (
          <label key={o.id} className="mt-1 flex items-center gap-2">
            <input
              type="checkbox"
              name="organisationIds"
              value={o.id}
              className="h-4 w-4"
              defaultChecked={initial ? initial.organisationIds.includes(o.id) : true}
            />
            {o.name}
          </label>
        ))}
      </fieldset>
      <Button type="submit" variant="primary" busy={form.busy}>
        {submitLabel}
      </Button>
    </Form>
  );
}

/** Managers decide whether representatives may schedule meetings too. */
export function MeetingSettings({
  networkId,
  representativesMaySchedule,
}: {
  networkId: string;
  representativesMaySchedule: boolean;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const save = useMutation({
    mutationFn: (value: boolean) =>
      api.put(`/api/networks/${networkId}/meetings/settings`, { representativesMaySchedule: value }),
    onSuccess: () => router.refresh(),
  });
  return (
    <Card title={t('meetings.settings.title')}>
      <p className="mb-3 text-stone-800">
        {representativesMaySchedule ? t('meetings.settings.repsMay') : t('meetings.settings.managersOnly')}
      </p>
      {save.error ? <Alert tone="error">{errorText(save.error, t)}</Alert> : null}
      <Button busy={save.isPending} onClick={() => save.mutate(!representativesMaySchedule)}>
        {representativesMaySchedule ? t('meetings.settings.toManagers') : t('meetings.settings.toReps')}
      </Button>
    </Card>
  );
}

/** The person's own calendar address: made (shown once), renewed, revoked. */
export function CalendarFeed({ active }: { active: boolean }) {
  const { t } = useI18n();
  const [url, setUrl] = useState<string | null>(null);
  const [on, setOn] = useState(active);
  const renew = useMutation({
    mutationFn: () => api.post<{ url: string }>('/api/account/calendar', {}),
    onSuccess: (r) => {
      setUrl(r.url);
      setOn(true);
    },
  });
  const revoke = useMutation({
    mutationFn: () => api.delete('/api/account/calendar'),
    onSuccess: () => {
      setUrl(null);
      setOn(false);
    },
  });
  const error = renew.error ?? revoke.error;
  return (
    <Card title={t('meetings.feed.title')}>
      <p className="mb-3 text-stone-800">{t('meetings.feed.intro')}</p>
      {error ? <Alert tone="error">{errorText(error, t)}</Alert> : null}
      {url ? (
        <div className="mb-3">
          <TextField
            label={t('meetings.feed.url')}
            value={url}
            readOnly
            hint={t('meetings.feed.urlHint')}
            data-testid="feed-url"
          />
        </div>
      ) : (
        <p className="mb-3 text-stone-700">{on ? t('meetings.feed.active') : t('meetings.feed.none')}</p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button busy={renew.isPending} onClick={() => renew.mutate()}>
          {on ? t('meetings.feed.renew') : t('meetings.feed.create')}
        </Button>
        {on ? (
          <Button variant="danger" busy={revoke.isPending} onClick={() => revoke.mutate()}>
            {t('meetings.feed.revoke')}
          </Button>
        ) : null}
      </div>
    </Card>
  );
}
