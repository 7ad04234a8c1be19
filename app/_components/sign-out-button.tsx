'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';
import { Button } from './ui';
import { useI18n } from './providers';

/** Signs this browser out (next-auth) and goes to the landing page. */
export function SignOutButton() {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant="secondary"
      size="sm"
      busy={busy}
      onClick={async () => {
        setBusy(true);
        await signOut({ callbackUrl: '/' });
      }}
    >
      {busy ? t('auth.signOut.busy') : t('nav.signOut')}
    </Button>
  );
}
