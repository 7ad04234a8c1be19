import type { ReactNode } from 'react';
import { cx } from './cx';

/**
 * A bordered panel. With `title`, it is a `<section>` labelled by its heading
 * (a landmark screen-reader users can jump to); pick `headingLevel` so the
 * page's heading order stays correct (default h2).
 */
export function Card({
  title,
  headingLevel = 2,
  actions,
  children,
  className,
  id,
}: {
  title?: ReactNode;
  headingLevel?: 2 | 3 | 4;
  actions?: ReactNode;
  children?: ReactNode;
  className?: string;
  id?: string;
}) {
  const Heading = `h${headingLevel}` as 'h2' | 'h3' | 'h4';
  const headingId = id ? `${id}-title` : undefined;
  const body = (
    <>
      {title || actions ? (
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          {title ? (
            <Heading id={headingId} className="text-lg font-semibold text-stone-900">
              {title}
            </Heading>
          ) : (
            <span />
          )}
          {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
        </div>
      ) : null}
      {children}
    </>
  );
  const classes = cx('min-w-0 rounded-card border border-stone-300 bg-white p-4 shadow-sm sm:p-card', className);
  return title ? (
    <section id={id} aria-labelledby={headingId} className={classes}>
      {body}
    </section>
  ) : (
    <div id={id} className={classes}>
      {body}
    </div>
  );
}
