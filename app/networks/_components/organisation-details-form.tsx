'use client';

import { Alert, Button, FormError } from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';
import { OrganisationFields, readOrganisationDetails, type OrganisationDetails } from './fields';
import { useFormSave } from './use-form-save';

/** Changes an organisation's details (network managers and its own representatives). */
export function OrganisationDetailsForm({
  networkId,
  organisationId,
  initial,
}: {
  networkId: string;
  organisationId: string;
  initial: OrganisationDetails;
}) {
  const { t } = useI18n();
  const save = useFormSave({
    method: 'PATCH',
    url: `/api/networks/${networkId}/organisations/${organisationId}`,
    read: readOrganisationDetails,
  });

  return (
    <details className="mt-6 border-t border-stone-200 pt-4">
      <summary className="cursor-pointer font-semibold text-brand-800">{t('networks.org.edit')}</summary>
      <form onSubmit={save.onSubmit} noValidate className="mt-3" aria-label={t('networks.org.edit')}>
        <FormError message={save.errorMessage} />
        {save.result ? <Alert tone="success">{t('common.saved')}</Alert> : null}
        <OrganisationFields initial={initial} errors={save.fieldErrors} descriptionRows={3} />
        <Button type="submit" busy={save.busy}>
          {save.busy ? t('common.saving') : t('common.save')}
        </Button>
      </form>
    </details>
  );
}
