'use client';

import { Alert, Button, Form, useForm } from '@/app/_components/ui';
import { api } from '@/app/_lib/api-client';
import { useI18n } from '@/app/_components/providers';
import { OrganisationFields, readOrganisationDetails, type OrganisationDetails } from './fields';

/**
 * Adds a member organisation (network managers). With `onCreated` (in a
 * dialog) the caller confirms; without, a success line stays above the
 * emptied form.
 */
export function CreateOrganisationForm({
  networkId,
  onCreated,
}: {
  networkId: string;
  onCreated?: (name: string) => void;
}) {
  const { t } = useI18n();
  const create = useForm({
    read: readOrganisationDetails,
    submit: (body: OrganisationDetails) =>
      api.post<{ organisation: { name: string } }>(`/api/networks/${networkId}/organisations`, body),
    onSuccess: (res, { form }) => {
      form?.reset();
      onCreated?.(res.organisation.name);
    },
    refresh: true,
  });

  return (
    <Form form={create} aria-label={t('networks.org.addTitle')}>
      {create.result && !onCreated ? (
        <Alert tone="success">{t('networks.org.added', { name: create.result.organisation.name })}</Alert>
      ) : null}
      <OrganisationFields descriptionRows={2} />
      <Button type="submit" busy={create.busy}>
        {create.busy ? t('common.saving') : t('networks.org.add')}
      </Button>
    </Form>
  );
}
