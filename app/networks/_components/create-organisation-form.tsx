'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useRef, useState, type FormEvent } from 'react';
import { Alert, Button, FormError, SelectField, TextAreaField, TextField } from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';
import { ORG_KINDS } from '@/lib/networks/constants';
import { api, ApiError } from './api';

/** Adds a member organisation (network managers). */
export function CreateOrganisationForm({ networkId }: { networkId: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [added, setAdded] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (body: Record<string, string>) =>
      api<{ organisation: { name: string } }>(
        'POST',
        `/api/networks/${networkId}/organisations`,
        body,
        t('errors.network'),
      ),
    onSuccess: ({ organisation }) => {
      setAdded(organisation.name);
      formRef.current?.reset();
      router.refresh();
    },
  });
  const fields = create.error instanceof ApiError ? create.error.fields : {};

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setAdded(null);
    const form = new FormData(e.currentTarget);
    create.mutate({
      name: String(form.get('name') ?? ''),
      kind: String(form.get('kind') ?? 'ngo'),
      website: String(form.get('website') ?? ''),
      description: String(form.get('description') ?? ''),
    });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={t('networks.org.addTitle')}>
      <FormError message={create.error?.message} />
      {added ? <Alert tone="success">{t('networks.org.added', { name: added })}</Alert> : null}
      <TextField label={t('networks.org.name')} name="name" required maxLength={120} error={fields.name} />
      <SelectField
        label={t('networks.org.kind')}
        name="kind"
        defaultValue="ngo"
        options={ORG_KINDS.map((k) => ({ value: k, label: t(`networks.kind.${k}`) }))}
        error={fields.kind}
      />
      <TextField
        label={t('networks.org.website')}
        name="website"
        type="url"
        placeholder="https://"
        optionalLabel={t('common.optional')}
        error={fields.website}
      />
      <TextAreaField
        label={t('networks.org.description')}
        name="description"
        rows={2}
        optionalLabel={t('common.optional')}
        error={fields.description}
      />
      <Button type="submit" busy={create.isPending}>
        {create.isPending ? t('common.saving') : t('networks.org.add')}
      </Button>
    </form>
  );
}
