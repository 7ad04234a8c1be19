'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { Button, ConfirmDialog, type ButtonVariant } from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';
import { api, errorText } from '@/app/_lib/api-client';

/**
 * "Leave this network" behind a confirmation dialog: focus moves into it with
 * Cancel first (Enter never leaves by accident), Escape cancels, focus returns
 * to the button. The server decides (the last network manager gets its 409
 * message inside the dialog); afterwards the page goes to the list of
 * networks, or (account page) re-renders with a note.
 */
export function LeaveNetworkButton({
  networkId,
  networkName,
  label,
  afterLeave = 'list',
  variant = 'danger',
}: {
  networkId: string;
  networkName: string;
  /** The button's text (defaults to "Leave this network"). */
  label?: string;
  /** 'list': go to /networks; 'refresh': stay and re-render the page (account page). */
  afterLeave?: 'list' | 'refresh';
  /** The look of the button that opens the confirmation (the confirming button is always "danger"). */
  variant?: ButtonVariant;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const leave = useMutation({
    mutationFn: () => api.delete(`/api/networks/${networkId}/membership`),
    onSuccess: () => {
      router.replace(afterLeave === 'list' ? '/networks' : `/account?left=${encodeURIComponent(networkName)}`);
      router.refresh();
    },
  });

  return (
    <ConfirmDialog
      title={t('networks.leave.confirmTitle', { network: networkName })}
      trigger={<Button variant={variant}>{label ?? t('networks.leave.button')}</Button>}
      confirmLabel={t('networks.leave.confirmYes')}
      variant="danger"
      busy={leave.isPending}
      error={leave.error ? errorText(leave.error, t) : null}
      onOpenChange={(open) => {
        if (!open) leave.reset();
      }}
      onConfirm={(close) => leave.mutate(undefined, { onSuccess: close })}
    >
      {t('networks.leave.confirmText')}
    </ConfirmDialog>
  );
}
