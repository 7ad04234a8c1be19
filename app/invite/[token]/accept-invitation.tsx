'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { Button, FormError } from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';
import { api } from '@/app/networks/_components/api';

/** Accepts the invitation as the signed-in person, then opens the network. */
export function AcceptInvitation({ token }: { token: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const accept = useMutation({
    mutationFn: () =>
      api<{ membership: { networkId: string } }>(
        'POST',
        `/api/invitations/${encodeURIComponent(token)}/accept`,
        undefined,
        t('errors.network'),
      ),
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
