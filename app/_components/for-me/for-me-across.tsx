import Link from '@/app/_components/ui/link';
import { Card } from '@/app/_components/ui';
import type { Format, Translate } from '@/lib/i18n';
import type { getForMeAcross } from '@/lib/for-me/get-for-me';

type Across = Awaited<ReturnType<typeof getForMeAcross>>;

/** "For me" across networks (the start page after sign-in): per network, what needs me, what is due, what is new. */
export function ForMeAcross({ rows, t }: { rows: Across; t: Translate; f?: Format }) {
  if (rows.length === 0) return null;
  return (
    <Card title={t('followUp.across.title')} id="for-me-across" className="mb-6">
      <p className="mb-3 text-stone-700">{t('followUp.across.intro')}</p>
      <ul className="grid gap-3" data-testid="for-me-across">
        {rows.map((r) => (
          <li key={r.networkId} className="rounded-control border border-stone-300 p-3">
            <Link
              href={`/networks/${r.networkId}/for-me`}
              className="font-semibold text-brand-800 underline underline-offset-2"
            >
              {t('followUp.across.open', { network: r.networkName })}
            </Link>
            <p className="text-sm text-stone-700">
              {t('followUp.across.needs', { count: r.needsMeCount })} ·{' '}
              {t('followUp.across.due', { count: r.dueCount })}
              {r.overdueCount ? ` (${t('followUp.across.overdue', { count: r.overdueCount })})` : ''} ·{' '}
              {t('followUp.across.changes', { count: r.changesCount })}
            </p>
            {r.needsMe.length ? (
              <ul className="mt-2 list-disc pl-5">
                {r.needsMe.map((i) => (
                  <li key={`${i.source}:${i.id}`}>
                    <Link href={i.href} className="text-brand-800 underline underline-offset-2">
                      {t(i.key, i.values)}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}
