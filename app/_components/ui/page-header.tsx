import type { ReactNode } from 'react';

/**
 * The top of a page: its one `<h1>`, an optional line below and actions.
 * Every page renders exactly one (see app/layout.tsx for the page structure).
 */
export function PageHeader({
  title,
  description,
  actions,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold text-stone-900 sm:text-3xl">{title}</h1>
        {description ? <p className="mt-1 max-w-prose text-stone-700">{description}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}
