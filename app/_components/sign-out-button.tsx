'use client';

import { useState } from 'react';
import { Button } from './ui';
import { useI18n } from './providers';
import { signOutAndForget, useGuardedSignOut } from './collab/sign-out';

/**
 * Signs this browser out (next-auth), deletes its offline copies (warning
 * first when some changes were not sent yet) and goes to the landing page.
 */
export function SignOutButton() {
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState(false);
  const { guard, dialog } = useGuardedSignOut();
  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        busy={busy}
        onClick={() =>
          guard(async () => {
            setBusy(true);
            await signOutAndForget({ callbackUrl: '/', locale });
          })
        }
      >
        {busy ? t('auth.signOut.busy') : t('nav.signOut')}
      </Button>
      {dialog}
    </>
  );
}
