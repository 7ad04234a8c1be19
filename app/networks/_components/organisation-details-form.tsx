'use client';

import { Alert, Button, Form, useForm } from '@/app/_components/ui';
import { api } from '@/app/_lib/api-client';
import { useI18n } from '@/app/_components/providers';
import { OrganisationFields, readOrganisationDetails, type OrganisationDetails } from './fields';

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
  const save = useForm({
    read: readOrganisationDetails,
    submit: (body: OrganisationDetails) =>
      api.patch(`/api/networks/${networkId}/organisations/${organisationId}`, body),
    refresh: true,
  });

  return (
    <details className="mt-6 border-t border-stone-200 pt-4">
      <summary className="cursor-pointer font-semibold text-brand-800">{t('networks.org.edit')}</summary>
      <Form form={save} className="mt-3" aria-label={t('networks.org.edit')}>
        {save.result ? <Alert tone="success">{t('common.saved')}</Alert> : null}
        <OrganisationFields initial={initial} descriptionRows={3} />
        <Button type="submit" busy={save.busy}>
          {save.busy ? t('common.saving') : t('common.save')}
        </Button>
      </Form>
    </details>
  );
}
