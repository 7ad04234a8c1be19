'use client';

import { usePathname } from 'next/navigation';
import { authHref } from './auth-href';
import { LinkButton } from './ui';

/**
 * "Sign in" and "Create account" in the header, signed out. They keep the
 * page the person is on as the place to come back to, so "Create account"
 * on an invitation leads back to that invitation (not to an empty start).
 */
export function AuthLinks({ signIn, signUp }: { signIn: string; signUp: string }) {
  const pathname = usePathname() ?? '/';
  return (
    <>
      <LinkButton href={authHref('/signin', pathname)} variant="secondary" size="sm">
        {signIn}
      </LinkButton>
      <LinkButton href={authHref('/signup', pathname)} size="sm">
        {signUp}
      </LinkButton>
    </>
  );
}
