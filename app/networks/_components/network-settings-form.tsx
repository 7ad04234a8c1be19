'use client';

import { Alert, Button, Form, useForm } from '@/app/_components/ui';
import { api } from '@/app/_lib/api-client';
import { useI18n } from '@/app/_components/providers';
import { NetworkFields, readNetworkDetails, type NetworkDetails } from './fields';

/** Renames the network or changes its purpose (network managers). */
export function NetworkSettingsForm({ networkId, initial }: { networkId: string; initial: NetworkDetails }) {
  const { t } = useI18n();
  const save = useForm({
    read: readNetworkDetails,
    submit: (body: NetworkDetails) => api.patch(`/api/networks/${networkId}`, body),
    refresh: true,
  });

  return (
    <details className="mb-6 rounded-lg border border-stone-300 bg-white p-4">
      <summary className="cursor-pointer font-semibold text-brand-800">{t('networks.home.edit')}</summary>
      <Form form={save} className="mt-3" aria-label={t('networks.home.edit')}>
        {save.result ? <Alert tone="success">{t('common.saved')}</Alert> : null}
        <NetworkFields initial={initial} />
        <Button type="submit" busy={save.busy}>
          {save.busy ? t('common.saving') : t('common.save')}
        </Button>
      </Form>
    </details>
  );
}
