'use client';

import { Button, Dialog, Form, useForm, useToast } from '@/app/_components/ui';
import { api } from '@/app/_lib/api-client';
import { useI18n } from '@/app/_components/providers';
import { NetworkFields, readNetworkDetails, type NetworkDetails } from './fields';

/** "Edit name and purpose" behind a button (network managers): the form in a dialog that closes after saving. */
export function NetworkSettingsDialog({ networkId, initial }: { networkId: string; initial: NetworkDetails }) {
  const { t } = useI18n();
  return (
    <Dialog title={t('networks.home.edit')} trigger={<Button variant="secondary">{t('networks.home.edit')}</Button>}>
      {(close) => <NetworkSettingsForm networkId={networkId} initial={initial} onSaved={close} />}
    </Dialog>
  );
}

function NetworkSettingsForm({
  networkId,
  initial,
  onSaved,
}: {
  networkId: string;
  initial: NetworkDetails;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const toast = useToast();
  const save = useForm({
    read: readNetworkDetails,
    submit: (body: NetworkDetails) => api.patch(`/api/networks/${networkId}`, body),
    refresh: true,
    onSuccess: () => {
      onSaved();
      toast(t('common.saved'));
    },
  });

  return (
    <Form form={save}>
      <NetworkFields initial={initial} />
      <Button type="submit" busy={save.busy}>
        {save.busy ? t('common.saving') : t('common.save')}
      </Button>
    </Form>
  );
}
