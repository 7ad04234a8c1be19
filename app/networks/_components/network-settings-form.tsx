'use client';

import { Alert, Button, FormError } from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';
import { NetworkFields, readNetworkDetails, type NetworkDetails } from './fields';
import { useFormSave } from './use-form-save';

/** Renames the network or changes its purpose (network managers). */
export function NetworkSettingsForm({ networkId, initial }: { networkId: string; initial: NetworkDetails }) {
  const { t } = useI18n();
  const save = useFormSave({ method: 'PATCH', url: `/api/networks/${networkId}`, read: readNetworkDetails });

  return (
    <details className="mb-6 rounded-lg border border-stone-300 bg-white p-4">
      <summary className="cursor-pointer font-semibold text-brand-800">{t('networks.home.edit')}</summary>
      <form onSubmit={save.onSubmit} noValidate className="mt-3" aria-label={t('networks.home.edit')}>
        <FormError message={save.errorMessage} />
        {save.result ? <Alert tone="success">{t('common.saved')}</Alert> : null}
        <NetworkFields initial={initial} errors={save.fieldErrors} />
        <Button type="submit" busy={save.busy}>
          {save.busy ? t('common.saving') : t('common.save')}
        </Button>
      </form>
    </details>
  );
}
