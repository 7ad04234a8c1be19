'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Alert, Button, FormError, TextAreaField, TextField } from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';
import { api, ApiError } from './api';

/** Renames the network or changes its purpose (network managers). */
export function NetworkSettingsForm({
  networkId,
  initial,
}: {
  networkId: string;
  initial: { name: string; purpose: string };
}) {
  const { t } = useI18n();
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (body: { name: string; purpose: string }) =>
      api('PATCH', `/api/networks/${networkId}`, body, t('errors.network')),
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
    save.mutate({ name: String(form.get('name') ?? ''), purpose: String(form.get('purpose') ?? '') });
  }

  return (
    <details className="mb-6 rounded-lg border border-stone-300 bg-white p-4">
      <summary className="cursor-pointer font-semibold text-brand-800">{t('networks.home.edit')}</summary>
      <form onSubmit={onSubmit} noValidate className="mt-3" aria-label={t('networks.home.edit')}>
        <FormError message={save.error?.message} />
        {saved ? <Alert tone="success">{t('common.saved')}</Alert> : null}
        <TextField
          label={t('networks.create.name')}
          name="name"
          defaultValue={initial.name}
          required
          maxLength={120}
          error={fields.name}
        />
        <TextAreaField
          label={t('networks.create.purpose')}
          hint={t('networks.create.purposeHint')}
          name="purpose"
          defaultValue={initial.purpose}
          maxLength={2000}
          optionalLabel={t('common.optional')}
          error={fields.purpose}
        />
        <Button type="submit" busy={save.isPending}>
          {save.isPending ? t('common.saving') : t('common.save')}
        </Button>
      </form>
    </details>
  );
}
