'use client';

import { useEffect } from 'react';
import { clearLocalCopies } from './local-copies';

/**
 * Rendered on pages only a signed-out person sees (sign-in, sign-up): whoever
 * is here has no session, so the offline copies this browser may still hold
 * from an ended or expired session are deleted (shared computers).
 */
export function ForgetLocalCopies() {
  useEffect(() => {
    void clearLocalCopies();
  }, []);
  return null;
}
