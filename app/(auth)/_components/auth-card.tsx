import type { ReactNode } from 'react';

/** The narrow column of the sign-in, sign-up and password pages, with the page's h1. */
export function AuthCard({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <div className="mx-auto w-full max-w-md">
      <h1 className="text-2xl font-semibold text-stone-900 sm:text-3xl">{title}</h1>
      {intro ? <p className="mt-2 text-stone-700">{intro}</p> : null}
      <div className="mt-6 rounded-lg border border-stone-300 bg-white p-4 shadow-sm sm:p-6">{children}</div>
    </div>
  );
}
