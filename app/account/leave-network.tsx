'use client';

import { useRouter } from 'next/navigation';
import { useId, useRef, useState } from 'react';
import { Button, FormError } from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';

/**
 * "Leave this network" behind a confirmation dialog (a native modal
 * `<dialog>`: focus moves into it and stays there, Escape cancels, focus
 * returns to the button). Cancel has the focus first, so Enter never leaves
 * by accident. The server decides (the last network manager gets its 409
 * message inside the dialog); afterwards `onLeft` runs, or the page goes to
 * the list of networks.
 */
export function LeaveNetworkButton({
  networkId,
  networkName,
  label,
  afterLeave = 'list',
}: {
  networkId: string;
  networkName: string;
  /** The button's text (defaults to "Leave this network"). */
  label?: string;
  /** 'list': go to /networks; 'refresh': stay and re-render the page (account page). */
  afterLeave?: 'list' | 'refresh';
}) {
  const { t } = useI18n();
  const router = useRouter();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const textId = useId();

  function open() {
    setError(null);
    dialogRef.current?.showModal();
  }

  async function leave() {
    setBusy(true);
    setError(null);
    let res: Response | null = null;
    try {
      res = await fetch(`/api/networks/${networkId}/membership`, {
        method: 'DELETE',
        headers: { accept: 'application/json' },
      });
    } catch {
      res = null;
    }
    if (!res) {
      setBusy(false);
      setError(t('errors.network'));
      return;
    }
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      setBusy(false);
      setError(body?.error?.message ?? t('errors.generic'));
      return;
    }
    dialogRef.current?.close();
    if (afterLeave === 'list') {
      router.replace('/networks');
    } else {
      setBusy(false);
      router.replace(`/account?left=${encodeURIComponent(networkName)}`);
    }
    router.refresh();
  }

  return (
    <>
      <Button variant="danger" onClick={open} aria-haspopup="dialog">
        {label ?? t('networks.leave.button')}
      </Button>
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        aria-describedby={textId}
        onClose={() => setError(null)}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-stone-300 bg-white p-6 text-stone-900 shadow-xl backdrop:bg-stone-900/50"
      >
        <h2 id={titleId} className="mb-2 text-lg font-semibold">
          {t('networks.leave.confirmTitle', { network: networkName })}
        </h2>
        <p id={textId} className="mb-4 text-stone-700">
          {t('networks.leave.confirmText')}
        </p>
        <FormError message={error} />
        <div className="flex flex-wrap justify-end gap-2">
          {/* Cancel first and focused first: Enter on an opened dialog never leaves by accident. */}
          <Button variant="secondary" autoFocus onClick={() => dialogRef.current?.close()}>
            {t('common.cancel')}
          </Button>
          <Button variant="danger" busy={busy} onClick={() => void leave()}>
            {t('networks.leave.confirmYes')}
          </Button>
        </div>
      </dialog>
    </>
  );
}
