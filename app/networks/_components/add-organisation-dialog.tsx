'use client';

import { useI18n } from '@/app/_components/providers';
import { Button, Dialog, useToast } from '@/app/_components/ui';
import { CreateOrganisationForm } from './create-organisation-form';

/** "Add organisation" behind a button: the form in a dialog that closes after saving, with a toast. */
export function AddOrganisationDialog({ networkId }: { networkId: string }) {
  const { t } = useI18n();
  const toast = useToast();
  return (
    <Dialog title={t('networks.org.addTitle')} trigger={<Button>{t('networks.org.add')}</Button>}>
      {(close) => (
        <CreateOrganisationForm
          networkId={networkId}
          onCreated={(name) => {
            close();
            toast(t('networks.org.added', { name }));
          }}
        />
      )}
    </Dialog>
  );
}
