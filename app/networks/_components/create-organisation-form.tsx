'use client';

import { Alert, Button, FormError } from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';
import { OrganisationFields, readOrganisationDetails } from './fields';
import { useFormSave } from './use-form-save';

/** Adds a member organisation (network managers). */
export function CreateOrganisationForm({ networkId }: { networkId: string }) {
  const { t } = useI18n();
  const create = useFormSave<ReturnType<typeof readOrganisationDetails>, { organisation: { name: string } }>({
    method: 'POST',
    url: `/api/networks/${networkId}/organisations`,
    read: readOrganisationDetails,
    onSaved: (_res, form) => form.reset(),
  });

  return (
    <form onSubmit={create.onSubmit} noValidate aria-label={t('networks.org.addTitle')}>
      <FormError message={create.errorMessage} />
      {create.result ? (
        <Alert tone="success">{t('networks.org.added', { name: create.result.organisation.name })}</Alert>
      ) : null}
      <OrganisationFields errors={create.fieldErrors} descriptionRows={2} />
      <Button type="submit" busy={create.busy}>
        {create.busy ? t('common.saving') : t('networks.org.add')}
      </Button>
    </form>
  );
}
