import type { ReactNode } from 'react';
import { cx } from './cx';

export interface Column<Row> {
  key: string;
  /** The column's heading; on a phone it labels the value inside each card. */
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Right-aligned numbers. */
  numeric?: boolean;
  /** The card's title on a phone (shown large, without a label). One column should have it. */
  primary?: boolean;
  className?: string;
}

/**
 * A table on a laptop, a list of cards on a phone (below 640 px), from one
 * markup: the table's rows restyle into cards and every value gets its
 * column's heading as a visible label. Explicit ARIA table roles keep the
 * table semantics when the display changes. Long words break inside cells.
 *
 *   <Table caption={t('…')} rows={entries} rowKey={(e) => e.id} columns={[
 *     { key: 'who', header: t('…'), cell: (e) => e.giverName, primary: true },
 *     { key: 'amount', header: t('…'), cell: (e) => f.amount(e.amount, e.unit), numeric: true },
 *   ]} />
 */
export function Table<Row>({
  caption,
  captionHidden = true,
  columns,
  rows,
  rowKey,
  rowProps,
  className,
  testId,
}: {
  /** What the table shows (read by screen readers; visible with captionHidden={false}). */
  caption: ReactNode;
  captionHidden?: boolean;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  /** Extra attributes per row (data-* for tests, e.g. data-status). */
  rowProps?: (row: Row) => Record<string, string | undefined>;
  className?: string;
  testId?: string;
}) {
  return (
    <table role="table" className={cx('w-full border-collapse text-left', className)} data-testid={testId}>
      <caption className={captionHidden ? 'sr-only' : 'mb-2 text-left font-semibold'}>{caption}</caption>
      <thead role="rowgroup" className="sr-only sm:not-sr-only">
        <tr role="row" className="border-b border-stone-300 text-sm text-stone-700">
          {columns.map((c) => (
            <th
              role="columnheader"
              key={c.key}
              scope="col"
              className={cx('px-2 py-2 font-semibold', c.numeric && 'text-right')}
            >
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody role="rowgroup" className="block space-y-3 sm:table-row-group sm:space-y-0">
        {rows.map((row) => (
          <tr
            role="row"
            key={rowKey(row)}
            {...rowProps?.(row)}
            className="block rounded-card border border-stone-300 bg-white p-3 sm:table-row sm:rounded-none sm:border-0 sm:border-b sm:border-stone-200 sm:p-0"
          >
            {columns.map((c) => (
              <td
                role="cell"
                key={c.key}
                className={cx(
                  'block py-0.5 sm:table-cell sm:px-2 sm:py-2 sm:align-top',
                  c.primary ? 'font-semibold sm:font-normal' : 'grid grid-cols-[minmax(6rem,40%)_1fr] gap-2 sm:block',
                  c.numeric && 'sm:text-right sm:whitespace-nowrap',
                  c.className,
                )}
              >
                {c.primary ? null : (
                  <span aria-hidden="true" className="text-sm text-stone-600 sm:hidden">
                    {c.header}
                  </span>
                )}
                <span className="min-w-0">{c.cell(row)}</span>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
