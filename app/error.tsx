'use client';

import { ErrorPage } from './_components/error-page';

/** An unexpected error in any page outside a network: in the person's language, with "Try again". */
export default function RootError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPage error={error} reset={reset} />;
}
