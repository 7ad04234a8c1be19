'use client';

import { useRouter } from 'next/navigation';
import { Button, FormError } from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';
import { NetworkFields, readNetworkDetails, type NetworkDetails } from './fields';
import { useFormSave } from './use-form-save';

/** Starts a network; its creator becomes the network manager and lands on its home. */
export function CreateNetworkForm() {
  const { t } = useI18n();
  const router = useRouter();
  const create = useFormSave<NetworkDetails, { network: { id: string } }>({
    method: 'POST',
    url: '/api/networks',
    read: readNetworkDetails,
    refresh: false,
    onSaved: ({ network }) => router.push(`/networks/${network.id}`),
  });

  return (
    <form onSubmit={create.onSubmit} noValidate>
      <FormError message={create.errorMessage} />
      <NetworkFields errors={create.fieldErrors} />
      {/* Stays busy after success: the browser is on its way to the new network. */}
      <Button type="submit" busy={create.busy || create.result !== null}>
        {create.busy ? t('common.saving') : t('networks.create.submit')}
      </Button>
    </form>
  );
}
