'use client';

import { useI18n } from '@/app/_components/providers';
import { Button, Dialog, Form, SelectField, TextField, useForm, useToast } from '@/app/_components/ui';
import { api } from '@/app/_lib/api-client';
import type { NotificationSettings } from '@/lib/notifications/prefs';

const ZONES = [
  'Europe/Vienna',
  'Europe/Berlin',
  'Europe/Zurich',
  'Europe/London',
  'Europe/Lisbon',
  'UTC',
  'America/New_York',
];

/**
 * "Change notifications": the button under the sentences that say what I am
 * told about and how; it opens my choices in a dialog. Per kind: in the app
 * only, email at once (where it is offered), in the digest, or off; and the
 * digest: daily, weekly or never, at my local time. Saving closes the dialog
 * and re-renders the sentences.
 */
export function ChangeNotifications({ initial }: { initial: NotificationSettings }) {
  const { t } = useI18n();
  return (
    <Dialog
      title={t('followUp.settings.title')}
      description={t('followUp.settings.intro')}
      size="lg"
      trigger={<Button variant="secondary">{t('account.notifications.change')}</Button>}
    >
      {(close) => <NotificationSettingsForm initial={initial} onDone={close} />}
    </Dialog>
  );
}

function NotificationSettingsForm({ initial, onDone }: { initial: NotificationSettings; onDone: () => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const kinds = Object.keys(initial.prefs) as (keyof NotificationSettings['prefs'])[];
  const form = useForm({
    read: (d) => ({
      prefs: Object.fromEntries(kinds.map((k) => [k, String(d.get(`prefs.${k}`))])),
      digest: {
        frequency: String(d.get('digest.frequency')),
        sendAt: String(d.get('digest.sendAt')),
        weekday: Number(d.get('digest.weekday')),
        timeZone: String(d.get('digest.timeZone')),
      },
    }),
    submit: (body) => api.put('/api/account/notifications', body),
    onSuccess: () => {
      toast(t('followUp.settings.saved'), 'success');
      onDone();
    },
    refresh: true,
  });
  const zones = ZONES.includes(initial.digest.timeZone) ? ZONES : [initial.digest.timeZone, ...ZONES];
  return (
    <Form form={form} aria-label={t('followUp.settings.title')}>
      <div className="grid gap-stack">
        {kinds.map((k) => (
          <SelectField
            key={k}
            label={t('followUp.settings.kind', { kind: k })}
            name={`prefs.${k}`}
            defaultValue={initial.prefs[k]}
            options={initial.choices[k].map((c) => ({ value: c, label: t(`followUp.channel.${c}`) }))}
          />
        ))}
      </div>
      <fieldset className="mt-6 grid gap-stack sm:grid-cols-2">
        <legend className="mb-2 font-semibold text-stone-900">{t('followUp.settings.digest')}</legend>
        <SelectField
          label={t('followUp.settings.frequency')}
          name="digest.frequency"
          defaultValue={initial.digest.frequency}
          options={(['daily', 'weekly', 'off'] as const).map((v) => ({
            value: v,
            label: t(`followUp.frequency.${v}`),
          }))}
        />
        <TextField
          label={t('followUp.settings.sendAt')}
          name="digest.sendAt"
          type="time"
          required
          defaultValue={initial.digest.sendAt}
        />
        <SelectField
          label={t('followUp.settings.weekday')}
          name="digest.weekday"
          defaultValue={String(initial.digest.weekday)}
          options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: t(`followUp.weekday.${d}`) }))}
        />
        <SelectField
          label={t('followUp.settings.timeZone')}
          name="digest.timeZone"
          defaultValue={initial.digest.timeZone}
          options={zones.map((z) => ({ value: z, label: z }))}
        />
      </fieldset>
      <div className="mt-6 flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" busy={form.busy}>
          {t('followUp.settings.save')}
        </Button>
      </div>
    </Form>
  );
}
