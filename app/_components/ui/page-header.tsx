import type { ReactNode } from 'react';

/**
 * The id of a page's one `<h1>`. On a full page load the network shell holds the first paint until it has
 * arrived (`<link rel="expect" href="#page-title" blocking="render">`), so the page shows with its content
 * instead of a skeleton first; in-app navigation still shows the `loading.tsx` skeletons at once.
 */
export const PAGE_TITLE_ID = 'page-title';

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
        <h1 id={PAGE_TITLE_ID} className="text-2xl font-semibold text-stone-900 sm:text-3xl">
          {title}
        </h1>
        {description ? <p className="mt-1 max-w-prose text-stone-700">{description}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}
