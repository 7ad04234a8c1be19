'use client';

import { useRouter } from 'next/navigation';
import { Button, Form, useForm } from '@/app/_components/ui';
import { api } from '@/app/_lib/api-client';
import { useI18n } from '@/app/_components/providers';
import { NetworkFields, readNetworkDetails, type NetworkDetails } from './fields';

/** Starts a network; its creator becomes the network manager and lands on its home. */
export function CreateNetworkForm() {
  const { t } = useI18n();
  const router = useRouter();
  const create = useForm({
    read: readNetworkDetails,
    submit: (body: NetworkDetails) => api.post<{ network: { id: string } }>('/api/networks', body),
    onSuccess: ({ network }) => router.push(`/networks/${network.id}`),
  });

  return (
    <Form form={create}>
      <NetworkFields />
      {/* Stays busy after success: the browser is on its way to the new network. */}
      <Button type="submit" busy={create.busy || create.result !== null}>
        {create.busy ? t('common.saving') : t('networks.create.submit')}
      </Button>
    </Form>
  );
}
