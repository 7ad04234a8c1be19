import type { Metadata } from 'next';
import { Card, LinkButton, PageHeader } from '@/app/_components/ui';
import { getNetworkHome, type Person } from '@/lib/networks';
import { getNetworkOverview } from '@/lib/networks/get-network-overview';
import { listUnits } from '@/lib/ledger/list-units';
import { listFeed } from '@/lib/activity/list-feed';
import { formatter } from '@/lib/i18n';
import { currentManagementMandate } from '@/lib/management/get-management-mandate';
import { networkPageContext, orNotFound } from '../../_lib/load';
import { OrganisationList } from '../../_components/organisation-list';
import { AddOrganisationDialog } from '../../_components/add-organisation-dialog';
import { NetworkSettingsDialog } from '../../_components/network-settings-form';
import { NetworkOverviewCards } from '../../_components/network-overview';
import { ManagementMandateCard } from '../../_components/mandate-warning';
import { visitView } from '@/lib/for-me/visit';
import { LookRecorder } from '@/app/_components/for-me/look';

type Params = Promise<{ networkId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { networkId } = await params;
  const { db, actor, t } = await networkPageContext(networkId, `/networks/${networkId}`);
  const home = await getNetworkHome(db, actor, networkId).catch(() => null);
  return { title: home?.network.name ?? t('networks.home.title') };
}

/**
 * The network home as an overview: what waits for this person, what is due and
 * overdue, the goals at a glance, then the organisations and people. Changing
 * the network's name and adding an organisation sit behind buttons. Members only.
 * Opening it counts as a look: recent changes since the previous visit are marked new.
 */
export default async function NetworkHomePage({ params }: { params: Params }) {
  const { networkId } = await params;
  const { db, actor, t, locale } = await networkPageContext(networkId, `/networks/${networkId}`);
  const home = await orNotFound(getNetworkHome(db, actor, networkId));
  const [overview, units, recent, mandate, visit] = await Promise.all([
    getNetworkOverview(db, actor, networkId),
    listUnits(db, actor, networkId),
    listFeed(db, actor, networkId, { limit: 8 }),
    currentManagementMandate(db, networkId),
    visitView(db, actor.userId, networkId, Date.now()),
  ]);
  const unitLabels = Object.fromEntries(units.filter((u) => u.label !== null).map((u) => [u.key, u.label as string]));
  const { network, organisations, people, abilities } = home;
  const byOrg = new Map<string | null, Person[]>();
  for (const p of people) byOrg.set(p.organisationId, [...(byOrg.get(p.organisationId) ?? []), p]);
  const unaffiliated = byOrg.get(null) ?? [];

  return (
    <>
      <PageHeader
        title={network.name}
        description={network.purpose || undefined}
        actions={
          abilities.update ? (
            <>
              <NetworkSettingsDialog networkId={networkId} initial={{ name: network.name, purpose: network.purpose }} />
              <LinkButton href={`/networks/${networkId}/settings`} variant="secondary">
                {t('exports.settings.link')}
              </LinkButton>
            </>
          ) : undefined
        }
      />
      <p className="mb-6 text-sm text-stone-700">
        {t('networks.home.yourRole', { role: t(`networks.role.${home.me.role}`) })}
      </p>
      <NetworkOverviewCards
        networkId={networkId}
        overview={overview}
        orgs={organisations.map((o) => ({ id: o.id, name: o.name }))}
        unitLabels={unitLabels}
        recent={recent}
        isNew={Object.fromEntries(recent.map((a) => [a.id, a.id > visit.sinceId && a.actorId !== actor.userId]))}
      />
      {/* Opening the overview is a look, as opening "for me" is (lib/for-me/visit.ts). */}
      <LookRecorder networkId={networkId} upToId={visit.latestId} />
      <ManagementMandateCard networkId={networkId} mandate={mandate} t={t} f={formatter(locale)} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card
          title={t('networks.home.organisations')}
          id="organisations"
          actions={abilities.createOrganisation ? <AddOrganisationDialog networkId={networkId} /> : undefined}
        >
          <OrganisationList
            networkId={networkId}
            organisations={organisations}
            canCreate={abilities.createOrganisation}
            t={t}
          />
        </Card>
        <Card title={t('networks.home.people')} id="people">
          {organisations
            .filter((o) => o.status !== 'left' && (byOrg.get(o.id)?.length ?? 0) > 0)
            .map((o) => (
              <section key={o.id} aria-label={o.name} className="mb-4">
                <h3 className="font-semibold">{o.name}</h3>
                <PeopleList people={byOrg.get(o.id)!} t={t} />
              </section>
            ))}
          {unaffiliated.length > 0 ? (
            <section aria-label={t('networks.home.noOrganisation')} className="mb-4">
              <h3 className="font-semibold">{t('networks.home.noOrganisation')}</h3>
              <PeopleList people={unaffiliated} t={t} />
            </section>
          ) : null}
        </Card>
      </div>
    </>
  );
}

function PeopleList({ people, t }: { people: Person[]; t: (k: string) => string }) {
  return (
    <ul className="mt-1 space-y-1">
      {people.map((p) => (
        <li key={p.userId} className="flex flex-wrap justify-between gap-2 text-stone-900" data-testid="person">
          <span>{p.name}</span>
          <span className="text-sm text-stone-700">{t(`networks.role.${p.role}`)}</span>
        </li>
      ))}
    </ul>
  );
}
