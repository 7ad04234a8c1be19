'use client';

import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, FormError, useForm } from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';
import { api } from '@/app/_lib/api-client';
import { coopKey } from './live';

/**
 * Restores an earlier version of a goal on the server: its title, "why" and
 * text (the server writes the text into the shared document, so every open
 * editor shows it at once) as a new version that says which one it restores.
 * Shown to those whose goal abilities include `restoreVersion`.
 */
export function RestoreVersion({ networkId, goalId, version }: { networkId: string; goalId: string; version: number }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const restore = useForm<Record<string, never>, unknown>({
    submit: () => api.post(`/api/networks/${networkId}/goals/${goalId}/revisions/${version}/restore`, {}),
    onSuccess: () => void qc.invalidateQueries({ queryKey: coopKey(networkId) }),
  });
  return (
    <div className="mt-3 grid gap-2">
      <div>
        <Button variant="secondary" size="sm" busy={restore.busy} onClick={() => restore.send({})}>
          {t('cooperation.revisions.restoreText', { version })}
        </Button>
      </div>
      <FormError message={restore.error} />
      {restore.result ? <Alert tone="success">{t('cooperation.revisions.restored', { version })}</Alert> : null}
    </div>
  );
}
