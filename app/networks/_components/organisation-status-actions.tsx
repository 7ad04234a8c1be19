'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { Button, FormError } from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';
import type { OrgStatus } from '@/lib/policies';
import { request, errorText } from '@/app/_lib/api-client';

type Target = Exclude<OrgStatus, never>;

/**
 * Pause, resume or leave, each behind a confirmation that says what it means.
 * Leaving is final, so it is stated plainly.
 */
export function OrganisationStatusActions({
  networkId,
  organisationId,
  organisationName,
  status,
}: {
  networkId: string;
  organisationId: string;
  organisationName: string;
  status: OrgStatus;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const [confirming, setConfirming] = useState<Target | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const change = useMutation({
    mutationFn: (next: Target) =>
      request('PATCH', `/api/networks/${networkId}/organisations/${organisationId}`, { status: next }),
    onSuccess: () => {
      setConfirming(null);
      router.refresh();
    },
  });

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const options: Target[] = status === 'active' ? ['paused', 'left'] : status === 'paused' ? ['active', 'left'] : [];
  if (options.length === 0) return null;
  const actionLabel = (s: Target) =>
    t(s === 'active' ? 'networks.org.resume' : s === 'paused' ? 'networks.org.pause' : 'networks.org.leave');

  return (
    <div>
      <h3 className="mb-2 font-semibold">{t('networks.org.membership')}</h3>
      <FormError message={change.error ? errorText(change.error, t) : null} />
      {confirming ? (
        <div
          role="group"
          aria-labelledby="confirm-status-text"
          className="rounded-md border border-stone-400 bg-stone-50 p-3"
        >
          <p id="confirm-status-text" className="mb-3">
            {t(`networks.org.confirm.${confirming}`, { name: organisationName })}
          </p>
          <div className="flex flex-wrap gap-2">
            <Button
              ref={confirmRef}
              variant={confirming === 'left' ? 'danger' : 'primary'}
              busy={change.isPending}
              onClick={() => change.mutate(confirming)}
            >
              {t('networks.org.confirmYes', { action: actionLabel(confirming) })}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(null)}>
              {t('common.cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <div className="flex flex-wrap gap-2">
          {options.map((s) => (
            <Button key={s} variant={s === 'left' ? 'danger' : 'secondary'} onClick={() => setConfirming(s)}>
              {actionLabel(s)}
            </Button>
          ))}
        </div>
      )}
    </div>
  );
}
