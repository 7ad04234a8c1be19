import { Badge, Card, EmptyState } from '@/app/_components/ui';
import { MandateForm } from './mandate-form';
import { MandateHistory } from './mandate-history';
import { amountText, unitText, type SectionProps } from './types';

/**
 * Our mandates: for whom, how long, per unit the maxima, the goals, the note
 * on their scope and what others see. Home members give and change them;
 * representatives see the room they have.
 */
export function MandatesSection({ networkId, orgId, view, t, f }: SectionProps) {
  const mandates = view.mandates;
  const goalTitle = new Map(view.goals.map((g) => [g.id, g.title]));
  const tone = { valid: 'success', upcoming: 'info', expired: 'neutral' } as const;
  return (
    <Card
      title={t('mandates.section.title')}
      id="home-mandates"
      actions={
        view.abilities.set ? (
          <MandateForm
            networkId={networkId}
            organisationId={orgId}
            representatives={view.representatives}
            goals={view.goals}
            today={view.today}
          />
        ) : null
      }
    >
      <p className="mb-3 text-stone-700">
        {t(view.abilities.set ? 'mandates.section.introHome' : 'mandates.section.introRep')}
      </p>
      {mandates.length === 0 ? (
        <EmptyState
          title={t('mandates.section.none')}
          description={t(view.abilities.set ? 'mandates.section.noneHome' : 'mandates.section.noneRep')}
        />
      ) : (
        <ul className="grid gap-3" data-testid="mandates">
          {mandates.map((m) => (
            <li key={m.id} className="min-w-0 rounded border border-stone-300 p-3" data-state={m.state}>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h3 className="font-semibold">
                  {m.representativeName
                    ? t('mandates.section.forOne', { name: m.representativeName })
                    : t('mandates.forAll')}
                </h3>
                <Badge tone={tone[m.state as keyof typeof tone]}>{t(`mandates.state.${m.state}`)}</Badge>
              </div>
              <p className="text-sm text-stone-700">
                {m.validUntil
                  ? t('mandates.section.validRange', { from: f.date(m.validFrom), until: f.date(m.validUntil) })
                  : t('mandates.section.validOpen', { from: f.date(m.validFrom) })}
              </p>
              <ul className="my-2 list-disc pl-5">
                {m.limits.map((l) => (
                  <li key={l.unit}>
                    <span className="font-medium">{unitText(t, l.unit)}:</span>{' '}
                    {[
                      l.perCommitment !== null
                        ? t('mandates.section.perCommitment', { max: amountText(t, l.perCommitment, l.unit) })
                        : null,
                      l.perPeriod !== null
                        ? t('mandates.section.perPeriod', { max: amountText(t, l.perPeriod, l.unit), period: l.period })
                        : null,
                    ]
                      .filter(Boolean)
                      .join(', ')}
                  </li>
                ))}
              </ul>
              <p className="text-sm">
                {m.goalIds.length
                  ? t('mandates.section.goals', { goals: m.goalIds.map((g) => goalTitle.get(g) ?? '—').join(', ') })
                  : t('mandates.section.allGoals')}
              </p>
              {m.coversGifts ? (
                <p className="text-sm" data-testid="mandate-covers-gifts">
                  {t('mandates.coversGifts')}
                </p>
              ) : null}
              {m.scopeNote ? <p className="mt-1 whitespace-pre-line">{m.scopeNote}</p> : null}
              <p className="mt-1 text-sm text-stone-700">
                {t(m.disclosure === 'limits' ? 'mandates.section.disclosedLimits' : 'mandates.section.disclosedExists')}{' '}
                {t('mandates.section.version', {
                  version: m.version,
                  name: m.updatedByName ?? '—',
                  when: f.dateTime(m.updatedAt),
                })}
              </p>
              <div className="mt-2 flex flex-wrap items-start gap-2">
                {view.abilities.set ? (
                  <MandateForm
                    networkId={networkId}
                    organisationId={orgId}
                    representatives={view.representatives}
                    goals={view.goals}
                    today={view.today}
                    initial={{
                      id: m.id,
                      version: m.version,
                      representativeId: m.representativeId,
                      validFrom: m.validFrom,
                      validUntil: m.validUntil,
                      limits: m.limits,
                      goalIds: m.goalIds,
                      scopeNote: m.scopeNote,
                      disclosure: m.disclosure,
                      coversGifts: m.coversGifts,
                    }}
                  />
                ) : null}
                <MandateHistory networkId={networkId} mandateId={m.id} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
