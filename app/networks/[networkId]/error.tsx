'use client';

import { ErrorPage } from '@/app/_components/error-page';

/** An unexpected error in a network page: the navigation stays, the page offers to try again. */
export default function NetworkError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPage error={error} reset={reset} />;
}
