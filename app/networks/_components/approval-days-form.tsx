'use client';

import { Button, Dialog, Form, TextField, useForm, useToast } from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';
import { api } from '@/app/_lib/api-client';

/** Network managers set the agreed time for a home decision (days); requests waiting longer are flagged. */
export function ApprovalDaysForm({ networkId, current }: { networkId: string; current: number }) {
  const { t } = useI18n();
  return (
    <Dialog
      title={t('mandates.paths.setAgreed')}
      trigger={
        <Button size="sm" variant="secondary">
          {t('mandates.paths.setAgreed')}
        </Button>
      }
    >
      {(close) => <Body networkId={networkId} current={current} close={close} />}
    </Dialog>
  );
}

function Body({ networkId, current, close }: { networkId: string; current: number; close: () => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const form = useForm({
    read: (d) => {
      const raw = String(d.get('approvalDays') ?? '').trim();
      const n = Number(raw);
      return { approvalDays: raw !== '' && Number.isFinite(n) ? n : raw };
    },
    submit: (body) => api.patch(`/api/networks/${networkId}/decision-times`, body),
    onSuccess: () => {
      close();
      toast(t('mandates.paths.agreedSaved'), 'success');
    },
    refresh: true,
  });
  return (
    <Form form={form} aria-label={t('mandates.paths.setAgreed')}>
      <TextField
        name="approvalDays"
        label={t('mandates.paths.agreedDays')}
        hint={t('mandates.paths.agreedHint')}
        inputMode="numeric"
        defaultValue={String(current)}
        required
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" busy={form.busy}>
          {t('common.save')}
        </Button>
        <Button variant="ghost" onClick={close}>
          {t('common.cancel')}
        </Button>
      </div>
    </Form>
  );
}
