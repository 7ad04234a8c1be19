import Link from '@/app/_components/ui/link';
import { EmptyState } from '@/app/_components/ui';
import type { Translate } from '@/lib/i18n';
import type { OrganisationSummary } from '@/lib/networks';
import { StatusBadge } from './status-badge';

/** The network's organisations with kind, people and status, each a link to its page (or an honest empty state). */
export function OrganisationList({
  networkId,
  organisations,
  canCreate,
  t,
}: {
  networkId: string;
  organisations: Pick<OrganisationSummary, 'id' | 'name' | 'kind' | 'people' | 'status'>[];
  canCreate: boolean;
  t: Translate;
}) {
  if (organisations.length === 0)
    return (
      <EmptyState
        title={t('networks.home.noOrganisations')}
        description={t(canCreate ? 'networks.home.noOrganisationsManager' : 'networks.home.noOrganisationsMember')}
      />
    );
  return (
    <ul className="divide-y divide-stone-200">
      {organisations.map((o) => (
        <li key={o.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
          <div className="min-w-0">
            <Link
              href={`/networks/${networkId}/organisations/${o.id}`}
              className="font-semibold text-brand-800 underline-offset-4 hover:underline"
            >
              {o.name}
            </Link>
            <p className="text-sm text-stone-700">
              {t(`networks.kind.${o.kind}`)} · {t('networks.home.peopleCount', { count: o.people })}
            </p>
          </div>
          <StatusBadge status={o.status} t={t} />
        </li>
      ))}
    </ul>
  );
}
