import type { Metadata } from 'next';
import { Card, PageHeader } from '@/app/_components/ui';
import { LeaveNetworkButton } from '@/app/account/leave-network';
import { getNetworkHome, listInvitations } from '@/lib/networks';
import { networkPageContext, orNotFound } from '../../_lib/load';
import { PeopleManager } from '../../_components/people-manager';

type Params = Promise<{ networkId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { networkId } = await params;
  const { db, actor, t } = await networkPageContext(networkId, `/networks/${networkId}/people`);
  const home = await getNetworkHome(db, actor, networkId).catch(() => null);
  const manages = home && (home.abilities.manageInvitations || home.abilities.inviteRoles.length > 0);
  return { title: t(manages || !home ? 'networks.people.title' : 'networks.leave.title') };
}

/**
 * People and invitations: managers invite into every role, change roles and
 * remove people; representatives invite colleagues of their organisation and
 * see their own invitations. Every member (any role) finds their own
 * membership here and can leave the network; non-members get 404.
 */
export default async function PeoplePage({ params }: { params: Params }) {
  const { networkId } = await params;
  const { db, actor, t, locale } = await networkPageContext(networkId, `/networks/${networkId}/people`);
  const home = await orNotFound(getNetworkHome(db, actor, networkId));
  const { abilities } = home;
  const manages = abilities.manageInvitations || abilities.inviteRoles.length > 0;
  const invitations = manages ? await listInvitations(db, actor, networkId) : [];
  const organisations = home.organisations
    .filter((o) => o.status === 'active')
    .filter((o) => abilities.manageInvitations || o.id === home.me.organisationId)
    .map((o) => ({ id: o.id, name: o.name }));
  const orgNames = Object.fromEntries(home.organisations.map((o) => [o.id, o.name]));

  return (
    <>
      {manages ? (
        <>
          <PageHeader title={t('networks.people.title')} description={t('networks.people.description')} />
          <PeopleManager
            networkId={networkId}
            meId={actor.userId}
            locale={locale}
            abilities={abilities}
            organisations={organisations}
            orgNames={orgNames}
            initialMembers={home.people}
            initialInvitations={invitations}
          />
        </>
      ) : (
        <PageHeader title={t('networks.leave.title')} />
      )}
      <Card title={manages ? t('networks.leave.title') : undefined} id="membership" className={manages ? 'mt-6' : ''}>
        <p className="mb-4 text-stone-700">{t('networks.leave.intro', { role: t(`networks.role.${home.me.role}`) })}</p>
        <LeaveNetworkButton networkId={networkId} networkName={home.network.name} />
      </Card>
    </>
  );
}
