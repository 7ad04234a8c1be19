'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import type { FormEvent } from 'react';
import { Button, FormError, TextAreaField, TextField } from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';
import { api, ApiError } from './api';

/** Starts a network; its creator becomes the network manager and lands on its home. */
export function CreateNetworkForm() {
  const { t } = useI18n();
  const router = useRouter();
  const create = useMutation({
    mutationFn: (body: { name: string; purpose: string }) =>
      api<{ network: { id: string } }>('POST', '/api/networks', body, t('errors.network')),
    onSuccess: ({ network }) => router.push(`/networks/${network.id}`),
  });
  const fields = create.error instanceof ApiError ? create.error.fields : {};

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    create.mutate({ name: String(form.get('name') ?? ''), purpose: String(form.get('purpose') ?? '') });
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={create.error?.message} />
      <TextField
        label={t('networks.create.name')}
        name="name"
        required
        minLength={2}
        maxLength={120}
        error={fields.name}
      />
      <TextAreaField
        label={t('networks.create.purpose')}
        hint={t('networks.create.purposeHint')}
        name="purpose"
        maxLength={2000}
        optionalLabel={t('common.optional')}
        error={fields.purpose}
      />
      <Button type="submit" busy={create.isPending || create.isSuccess}>
        {create.isPending ? t('common.saving') : t('networks.create.submit')}
      </Button>
    </form>
  );
}
