import Link from '@/app/_components/ui/link';
import { Badge, Card, EmptyState } from '@/app/_components/ui';
import { HomeDecision } from '@/app/_components/cooperation/home-approval';
import { durationParts } from '@/lib/mandates/duration';
import { amountText, type SectionProps } from './types';

/** The commitments and gifts waiting for our home decision, oldest first, with how long they wait and why they went beyond the mandate. */
export function ApprovalsSection({ networkId, view, t }: SectionProps) {
  const d = view.decisions;
  const duration = (ms: number) => t('mandates.duration', durationParts(ms));
  return (
    <Card title={t('mandates.approvals.title')} id="home-approvals">
      <p className="mb-3 text-stone-700" data-testid="home-decision-times">
        {d.decided
          ? t('mandates.approvals.times', {
              median: duration(d.medianMs ?? 0),
              longest: duration(d.longestMs ?? 0),
              count: d.decided,
            })
          : t('mandates.approvals.noneDecided')}{' '}
        {t('mandates.approvals.agreed', { days: d.agreedDays })}
      </p>
      {view.approvals.length === 0 ? (
        <EmptyState title={t('mandates.approvals.none')} description={t('mandates.approvals.noneHint')} />
      ) : (
        <ul className="grid gap-3" data-testid="open-approvals">
          {view.approvals.map((a) => (
            <li key={a.id} className="rounded border border-stone-300 p-3" data-late={String(a.late)}>
              <p className="font-medium">
                {a.entryId ? (
                  <>
                    <Badge tone="info">{t('mandates.gift.badge')}</Badge>{' '}
                    {a.receiverName ? t('mandates.gift.to', { name: a.receiverName }) + ' · ' : null}
                  </>
                ) : null}
                {a.amount !== null && a.unit ? amountText(t, a.amount, a.unit) : '—'}
                {a.goalId ? (
                  <>
                    {' · '}
                    <Link
                      href={`/networks/${networkId}/goals/${a.goalId}`}
                      className="text-brand-800 underline underline-offset-4"
                    >
                      {a.goalTitle}
                    </Link>
                  </>
                ) : null}
              </p>
              <p className="text-sm text-stone-700">
                {t('mandates.approvals.asked', { name: a.requestedByName ?? '—', waited: duration(a.ageMs) })}{' '}
                {a.late ? <Badge tone="warning">{t('mandates.approvals.late')}</Badge> : null}
              </p>
              {a.reasons.length ? (
                <p className="text-sm text-stone-700">
                  {t('mandates.approvals.why', {
                    why: a.reasons.map((r) => t(`mandates.reason.${r}`)).join('; '),
                  })}
                </p>
              ) : null}
              {view.abilities.set && (a.commitmentId || a.entryId) ? (
                <HomeDecision networkId={networkId} commitmentId={a.commitmentId} entryId={a.entryId} />
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
