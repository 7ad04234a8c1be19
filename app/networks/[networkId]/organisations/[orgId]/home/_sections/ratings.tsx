import Link from '@/app/_components/ui/link';
import { Card, EmptyState, Table } from '@/app/_components/ui';
import type { SectionProps } from './types';

/** Our ratings of each goal against the other organisations' average: where we differ most first. */
export function RatingsSection({ networkId, view, t, f }: SectionProps) {
  const scale = (r: { attractive: number; concrete: number; flexible: number }) =>
    `${f.number(r.attractive)} · ${f.number(r.concrete)} · ${f.number(r.flexible)}`;
  return (
    <Card title={t('mandates.ratings.title')} id="home-ratings">
      <p className="mb-3 text-stone-700">{t('mandates.ratings.intro')}</p>
      {view.ratings.length === 0 ? (
        <EmptyState title={t('mandates.ratings.none')} description={t('mandates.ratings.noneHint')} />
      ) : (
        <Table
          caption={t('mandates.ratings.title')}
          rows={view.ratings.slice(0, 30)}
          rowKey={(r) => r.goalId}
          columns={[
            {
              key: 'goal',
              header: t('mandates.ratings.goal'),
              primary: true,
              cell: (r) => (
                <Link
                  href={`/networks/${networkId}/goals/${r.goalId}`}
                  className="text-brand-800 underline underline-offset-4"
                >
                  {r.goalTitle}
                </Link>
              ),
            },
            { key: 'ours', header: t('mandates.ratings.ours'), cell: (r) => scale(r.ours) },
            {
              key: 'network',
              header: t('mandates.ratings.network'),
              cell: (r) => (r.network ? scale(r.network) : t('mandates.ratings.noOthers')),
            },
            {
              key: 'difference',
              header: t('mandates.ratings.difference'),
              numeric: true,
              cell: (r) => (r.difference === null ? '—' : f.number(r.difference)),
            },
          ]}
        />
      )}
    </Card>
  );
}
