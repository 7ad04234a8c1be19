import { Badge, Card, EmptyState } from '@/app/_components/ui';
import { CapacityForm } from './capacity-form';
import { amountText, unitText, type SectionProps } from './types';

/** Per unit, this month or quarter: what we promised against what home can invest, and what our mandates have left. */
export function PromisedSection({ networkId, orgId, view, t, f }: SectionProps) {
  return (
    <Card
      title={t('mandates.promised.title')}
      id="home-promised"
      actions={
        view.abilities.setCapacity ? (
          <CapacityForm
            networkId={networkId}
            organisationId={orgId}
            current={view.promised
              .filter((p) => p.capacity !== null)
              .map((p) => ({ unit: p.unit, period: p.period, amount: p.capacity as number, note: p.capacityNote }))}
          />
        ) : null
      }
    >
      {view.promised.length === 0 ? (
        <EmptyState
          title={t('mandates.promised.none')}
          description={t(view.abilities.setCapacity ? 'mandates.promised.noneHome' : 'mandates.promised.noneRep')}
        />
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2" data-testid="home-promised-units">
          {view.promised.map((p) => (
            <li key={p.unit} className="min-w-0 rounded border border-stone-300 p-3" data-unit={p.unit}>
              <h3 className="font-semibold">
                {unitText(t, p.unit)}{' '}
                <span className="text-sm font-normal text-stone-700">
                  {t('mandates.promised.period', {
                    period: p.period,
                    from: f.date(p.periodStart),
                    to: f.date(p.periodEnd),
                  })}
                </span>
              </h3>
              <p>
                {t('mandates.promised.promised', {
                  promised: amountText(t, p.promised, p.unit),
                  open: amountText(t, p.open, p.unit),
                  delivered: amountText(t, p.delivered, p.unit),
                })}
              </p>
              {p.capacity !== null ? (
                <p>
                  {t('mandates.promised.capacity', { capacity: amountText(t, p.capacity, p.unit) })}{' '}
                  {p.capacityLeft !== null && p.capacityLeft < 0 ? (
                    <Badge tone="danger">
                      {t('mandates.promised.over', { over: amountText(t, -p.capacityLeft, p.unit) })}
                    </Badge>
                  ) : (
                    <span className="text-stone-700">
                      {t('mandates.promised.capacityLeft', { left: amountText(t, p.capacityLeft ?? 0, p.unit) })}
                    </span>
                  )}
                  {p.capacityNote ? <span className="block text-sm text-stone-700">{p.capacityNote}</span> : null}
                </p>
              ) : (
                <p className="text-stone-700">{t('mandates.promised.noCapacity')}</p>
              )}
              {p.mandates.map((m) => (
                <p key={m.mandateId} className="text-sm" data-testid="mandate-standing">
                  {t('mandates.promised.mandate', {
                    who: m.representativeName ?? t('mandates.forAll'),
                    used: amountText(t, m.used, p.unit),
                    limit: m.perPeriod === null ? '—' : amountText(t, m.perPeriod, p.unit),
                    left: m.left === null ? '—' : amountText(t, m.left, p.unit),
                    period: m.period,
                  })}
                </p>
              ))}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
