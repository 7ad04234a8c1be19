'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Alert, Button, FormError, SelectField, TextAreaField, TextField } from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';
import { ORG_KINDS } from '@/lib/networks/constants';
import { api, ApiError } from './api';

interface Details {
  name: string;
  kind: string;
  website: string;
  description: string;
}

/** Changes an organisation's details (network managers and its own representatives). */
export function OrganisationDetailsForm({
  networkId,
  organisationId,
  initial,
}: {
  networkId: string;
  organisationId: string;
  initial: Details;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (body: Details) =>
      api('PATCH', `/api/networks/${networkId}/organisations/${organisationId}`, body, t('errors.network')),
    onSuccess: () => {
      setSaved(true);
      router.refresh();
    },
  });
  const fields = save.error instanceof ApiError ? save.error.fields : {};

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setSaved(false);
    const form = new FormData(e.currentTarget);
    save.mutate({
      name: String(form.get('name') ?? ''),
      kind: String(form.get('kind') ?? ''),
      website: String(form.get('website') ?? ''),
      description: String(form.get('description') ?? ''),
    });
  }

  return (
    <details className="mt-6 border-t border-stone-200 pt-4">
      <summary className="cursor-pointer font-semibold text-brand-800">{t('networks.org.edit')}</summary>
      <form onSubmit={onSubmit} noValidate className="mt-3" aria-label={t('networks.org.edit')}>
        <FormError message={save.error?.message} />
        {saved ? <Alert tone="success">{t('common.saved')}</Alert> : null}
        <TextField
          label={t('networks.org.name')}
          name="name"
          defaultValue={initial.name}
          required
          maxLength={120}
          error={fields.name}
        />
        <SelectField
          label={t('networks.org.kind')}
          name="kind"
          defaultValue={initial.kind}
          options={ORG_KINDS.map((k) => ({ value: k, label: t(`networks.kind.${k}`) }))}
          error={fields.kind}
        />
        <TextField
          label={t('networks.org.website')}
          name="website"
          type="url"
          defaultValue={initial.website}
          optionalLabel={t('common.optional')}
          error={fields.website}
        />
        <TextAreaField
          label={t('networks.org.description')}
          name="description"
          rows={3}
          defaultValue={initial.description}
          optionalLabel={t('common.optional')}
          error={fields.description}
        />
        <Button type="submit" busy={save.isPending}>
          {save.isPending ? t('common.saving') : t('common.save')}
        </Button>
      </form>
    </details>
  );
}
