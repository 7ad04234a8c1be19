'use client';

import { useState } from 'react';
import { Button, Dialog, Form, SelectField, TextAreaField, TextField, useForm, useToast } from '@/app/_components/ui';
import { api } from '@/app/_lib/api-client';
import { useI18n } from '@/app/_components/providers';

export interface MandateInitial {
  givenBy: string;
  resources: { unit: 'hours' | 'money_eur'; amount: number; per: string }[];
  authority: string;
  tasks: string[];
  validFrom: string;
  validUntil: string;
  note: string;
}

const PERS = ['month', 'quarter', 'year', 'total'] as const;

/** Record or change the management mandate, behind a button: a new version each time. */
export function ManagementMandateDialog({
  networkId,
  initial,
  label,
}: {
  networkId: string;
  initial: MandateInitial | null;
  label: string;
}) {
  return (
    <Dialog title={label} trigger={<Button variant="primary">{label}</Button>}>
      {(close) => <MandateForm networkId={networkId} initial={initial} onSaved={close} />}
    </Dialog>
  );
}

function MandateForm({
  networkId,
  initial,
  onSaved,
}: {
  networkId: string;
  initial: MandateInitial | null;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const toast = useToast();
  const hours = initial?.resources.find((r) => r.unit === 'hours');
  const money = initial?.resources.find((r) => r.unit === 'money_eur');
  const [hoursPer, setHoursPer] = useState(hours?.per ?? 'month');
  const [moneyPer, setMoneyPer] = useState(money?.per ?? 'year');
  const form = useForm({
    read: (data) => {
      const s = (k: string) => String(data.get(k) ?? '').trim();
      const resources = (
        [
          ['hours', s('hours'), s('hoursPer')],
          ['money_eur', s('money'), s('moneyPer')],
        ] as const
      )
        .filter(([, amount]) => amount !== '')
        .map(([unit, amount, per]) => ({ unit, amount: Number(amount.replace(',', '.')), per }));
      return {
        givenBy: s('givenBy'),
        resources,
        authority: s('authority'),
        tasks: s('tasks').split('\n'),
        validFrom: s('validFrom'),
        validUntil: s('validUntil'),
        note: s('note'),
      };
    },
    submit: (body) => api.put<{ mandate: { version: number } }>(`/api/networks/${networkId}/management-mandate`, body),
    refresh: true,
    onSuccess: (r) => {
      onSaved();
      toast(t('management.saved', { version: r.mandate.version }));
    },
  });
  const perOptions = PERS.map((p) => ({ value: p, label: t(`management.per.${p}`) }));
  return (
    <Form form={form} aria-label={t('management.title')}>
      <TextField
        name="givenBy"
        label={t('management.givenBy')}
        hint={t('management.givenByHint')}
        maxLength={300}
        defaultValue={initial?.givenBy}
        required
      />
      <fieldset className="mb-stack">
        <legend className="font-medium">{t('management.resources')}</legend>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <TextField
            name="hours"
            label={t('management.hours')}
            inputMode="decimal"
            optionalLabel={t('common.optional')}
            defaultValue={hours ? String(hours.amount) : ''}
          />
          <SelectField
            name="hoursPer"
            label={t('management.per')}
            options={perOptions}
            value={hoursPer}
            onChange={(e) => setHoursPer(e.target.value)}
          />
          <TextField
            name="money"
            label={t('management.money')}
            inputMode="decimal"
            optionalLabel={t('common.optional')}
            defaultValue={money ? String(money.amount) : ''}
          />
          <SelectField
            name="moneyPer"
            label={t('management.per')}
            options={perOptions}
            value={moneyPer}
            onChange={(e) => setMoneyPer(e.target.value)}
          />
        </div>
      </fieldset>
      <TextAreaField
        name="authority"
        label={t('management.authority')}
        maxLength={4000}
        rows={3}
        defaultValue={initial?.authority}
        required
      />
      <TextAreaField
        name="tasks"
        label={t('management.tasks')}
        hint={t('management.tasksHint')}
        rows={4}
        defaultValue={initial?.tasks.join('\n')}
        required
      />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField
          name="validFrom"
          type="date"
          label={t('management.validFrom')}
          defaultValue={initial?.validFrom}
          required
        />
        <TextField
          name="validUntil"
          type="date"
          label={t('management.validUntil')}
          defaultValue={initial?.validUntil}
          required
        />
      </div>
      <TextAreaField
        name="note"
        label={t('management.note')}
        optionalLabel={t('common.optional')}
        maxLength={2000}
        rows={2}
        defaultValue={initial?.note}
      />
      <Button type="submit" busy={form.busy}>
        {t('management.save')}
      </Button>
    </Form>
  );
}
