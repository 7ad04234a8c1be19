import type { Metadata } from 'next';
import Link from '@/app/_components/ui/link';
import { Card, EmptyState, PageHeader } from '@/app/_components/ui';
import { translator } from '@/lib/i18n';
import { listMyNetworks } from '@/lib/networks';
import { requestLocale } from '@/app/_lib/locale';
import { pageContext } from './_lib/load';
import { CreateNetworkForm } from './_components/create-network-form';
import { ForMeAcross } from '@/app/_components/for-me/for-me-across';
import { getForMeAcross } from '@/lib/for-me/get-for-me';

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await requestLocale())('networks.list.title') };
}

/** My networks, and a form to start a new one. */
export default async function NetworksPage() {
  const { user, db, t } = await pageContext('/networks');
  const networks = await listMyNetworks(db, user.id);
  const forMe = await getForMeAcross(db, user.id);
  return (
    <>
      <PageHeader title={t('networks.list.title')} description={t('networks.list.description')} />
      <ForMeAcross rows={forMe} t={t} />
      <div className="grid gap-6 md:grid-cols-[2fr_1fr]">
        <section aria-labelledby="my-networks">
          <h2 id="my-networks" className="mb-3 text-lg font-semibold">
            {t('networks.list.mine')}
          </h2>
          {networks.length === 0 ? (
            <EmptyState title={t('networks.list.emptyTitle')} description={t('networks.list.emptyText')} />
          ) : (
            <ul className="space-y-3">
              {networks.map((n) => (
                <li key={n.id} className="rounded-lg border border-stone-300 bg-white p-4 shadow-sm">
                  <Link
                    href={`/networks/${n.id}`}
                    className="text-lg font-semibold text-brand-800 underline-offset-4 hover:underline"
                  >
                    {n.name}
                  </Link>
                  {n.purpose ? <p className="mt-1 text-stone-700">{n.purpose}</p> : null}
                  <p className="mt-2 text-sm text-stone-700">
                    {t(`networks.role.${n.role}`)}
                    {n.organisationName ? ` · ${n.organisationName}` : ''} ·{' '}
                    {t('networks.list.counts', { organisations: n.organisations, people: n.people })}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
        <Card title={t('networks.create.title')} id="create-network">
          <CreateNetworkForm />
        </Card>
      </div>
    </>
  );
}
