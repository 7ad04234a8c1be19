import { Card, EmptyState, Table } from '@/app/_components/ui';
import { amountText, type SectionProps } from './types';

/** What we gave and got, confirmed, per unit and per partner, in the period. */
export function ExchangeSection({ view, t, f }: SectionProps) {
  const { units, partners } = view.exchange;
  return (
    <Card title={t('mandates.exchange.title')} id="home-exchange">
      <p className="mb-3 text-stone-700">
        {t('mandates.exchange.period', { from: f.date(view.from), to: f.date(view.to) })}
      </p>
      {units.length === 0 ? (
        <EmptyState title={t('mandates.exchange.none')} description={t('mandates.exchange.noneHint')} />
      ) : (
        <>
          <ul className="mb-4 flex flex-wrap gap-x-6 gap-y-1" data-testid="home-exchange-units">
            {units.map((u) => (
              <li key={u.unit}>
                {t('mandates.exchange.unit', {
                  gave: amountText(t, u.gave, u.unit),
                  got: amountText(t, u.got, u.unit),
                })}
              </li>
            ))}
          </ul>
          <Table
            caption={t('mandates.exchange.partners')}
            rows={partners.slice(0, 50)}
            rowKey={(p) => `${p.partnerId ?? 'network'}|${p.unit}`}
            columns={[
              {
                key: 'partner',
                header: t('mandates.exchange.partner'),
                cell: (p) => p.partnerName ?? t('mandates.exchange.network'),
                primary: true,
              },
              {
                key: 'gave',
                header: t('mandates.exchange.gave'),
                cell: (p) => amountText(t, p.gave, p.unit),
                numeric: true,
              },
              {
                key: 'got',
                header: t('mandates.exchange.got'),
                cell: (p) => amountText(t, p.got, p.unit),
                numeric: true,
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
