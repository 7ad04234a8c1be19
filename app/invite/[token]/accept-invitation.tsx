'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { Button, FormError } from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';
import { request } from '@/app/_lib/api-client';

/** Accepts the invitation as the signed-in person, then opens the network. */
export function AcceptInvitation({ token }: { token: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const accept = useMutation({
    mutationFn: () =>
      request<{ membership: { networkId: string } }>('POST', `/api/invitations/${encodeURIComponent(token)}/accept`),
    onSuccess: ({ membership }) => {
      router.push(`/networks/${membership.networkId}`);
      router.refresh();
    },
  });
  return (
    <div>
      <FormError message={accept.error?.message} />
      <Button busy={accept.isPending || accept.isSuccess} onClick={() => accept.mutate()}>
        {accept.isPending ? t('common.saving') : t('networks.accept.submit')}
      </Button>
    </div>
  );
}
