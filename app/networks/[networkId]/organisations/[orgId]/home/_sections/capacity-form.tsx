'use client';

import { Button, Dialog, Form, SelectField, TextField, useForm, useToast } from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';
import { api } from '@/app/_lib/api-client';
import { BUILTIN_UNITS } from '@/lib/ledger/units';

/**
 * The home side states what the organisation can invest in one unit per
 * month or quarter (a new figure replaces the old; an empty amount removes
 * it). Home members only.
 */
export function CapacityForm({
  networkId,
  organisationId,
  current,
}: {
  networkId: string;
  organisationId: string;
  current: { unit: string; period: string; amount: number; note: string }[];
}) {
  const { t } = useI18n();
  return (
    <Dialog
      title={t('mandates.capacity.title')}
      description={t('mandates.capacity.intro')}
      trigger={
        <Button size="sm" variant="secondary">
          {t('mandates.capacity.state')}
        </Button>
      }
    >
      {(close) => <CapacityFormBody {...{ networkId, organisationId, current, close }} />}
    </Dialog>
  );
}

function CapacityFormBody({
  networkId,
  organisationId,
  current,
  close,
}: {
  networkId: string;
  organisationId: string;
  current: { unit: string; period: string; amount: number; note: string }[];
  close: () => void;
}) {
  const { t } = useI18n();
  const toast = useToast();
  const first = current[0];
  const form = useForm({
    read: (d) => {
      const raw = String(d.get('amount') ?? '').trim();
      const n = Number(raw.replace(',', '.'));
      return {
        organisationId,
        unit: String(d.get('unit') ?? 'hours'),
        period: String(d.get('period') ?? 'month'),
        amount: raw === '' ? null : Number.isFinite(n) ? n : raw,
        note: String(d.get('note') ?? ''),
      };
    },
    submit: (body) => api.put(`/api/networks/${networkId}/capacity`, body),
    onSuccess: () => {
      close();
      toast(t('mandates.capacity.saved'), 'success');
    },
    refresh: true,
  });
  return (
    <Form form={form} aria-label={t('mandates.capacity.title')}>
      <SelectField
        name="unit"
        label={t('mandates.form.unit')}
        defaultValue={first?.unit ?? 'hours'}
        options={BUILTIN_UNITS.map((u) => ({ value: u, label: t(`cooperation.unit.${u}`) }))}
      />
      <TextField
        name="amount"
        label={t('mandates.capacity.amount')}
        hint={t('mandates.capacity.amountHint')}
        inputMode="decimal"
        defaultValue={first ? String(first.amount) : ''}
      />
      <SelectField
        name="period"
        label={t('mandates.form.period')}
        defaultValue={first?.period ?? 'month'}
        options={[
          { value: 'month', label: t('mandates.form.month') },
          { value: 'quarter', label: t('mandates.form.quarter') },
        ]}
      />
      <TextField
        name="note"
        label={t('mandates.capacity.note')}
        maxLength={500}
        defaultValue={first?.note ?? ''}
        optionalLabel={t('common.optional')}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" busy={form.busy}>
          {t('mandates.capacity.save')}
        </Button>
        <Button variant="ghost" onClick={close}>
          {t('common.cancel')}
        </Button>
      </div>
    </Form>
  );
}
