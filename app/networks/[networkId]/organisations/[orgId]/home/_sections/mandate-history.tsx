'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert, Button } from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';
import { api, errorText } from '@/app/_lib/api-client';
import { coopKey } from '@/app/_components/cooperation/live';

interface Version {
  version: number;
  changed: string[];
  changedByName: string | null;
  changedAt: number;
}

/** Every version of a mandate: who changed what, when (loaded when opened). */
export function MandateHistory({ networkId, mandateId }: { networkId: string; mandateId: string }) {
  const { t, f } = useI18n();
  const [open, setOpen] = useState(false);
  const list = useQuery({
    enabled: open,
    queryKey: coopKey(networkId, 'mandate-versions', mandateId),
    queryFn: () => api.get<{ versions: Version[] }>(`/api/networks/${networkId}/mandates/${mandateId}/versions`),
  });
  return (
    <div>
      <Button size="sm" variant="ghost" onClick={() => setOpen(!open)} aria-expanded={open}>
        {t('mandates.history.show')}
      </Button>
      {open ? (
        list.isError ? (
          <Alert tone="error">{errorText(list.error, t)}</Alert>
        ) : !list.data ? (
          <p aria-busy="true">{t('common.loading')}</p>
        ) : (
          <ol className="mt-2 grid gap-1 text-sm" data-testid="mandate-history">
            {list.data.versions.map((v) => (
              <li key={v.version}>
                {t('mandates.history.line', {
                  version: v.version,
                  name: v.changedByName ?? '—',
                  when: f.dateTime(v.changedAt),
                  what: v.changed.map((c) => t(`mandates.field.${c}`)).join(', '),
                })}
              </li>
            ))}
          </ol>
        )
      ) : null}
    </div>
  );
}
