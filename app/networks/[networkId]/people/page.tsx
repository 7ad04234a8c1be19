import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/app/_components/ui';
import { getNetworkHome, listInvitations } from '@/lib/networks';
import { networkPageContext, orNotFound } from '../../_lib/load';
import { PeopleManager } from '../../_components/people-manager';

type Params = Promise<{ networkId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { networkId } = await params;
  const { t } = await networkPageContext(networkId, `/networks/${networkId}/people`);
  return { title: t('networks.people.title') };
}

/**
 * People and invitations: managers invite into every role, change roles and
 * remove people; representatives invite colleagues of their organisation and
 * see their own invitations. Everyone else has nothing to do here (404).
 */
export default async function PeoplePage({ params }: { params: Params }) {
  const { networkId } = await params;
  const { db, actor, t, locale } = await networkPageContext(networkId, `/networks/${networkId}/people`);
  const home = await orNotFound(getNetworkHome(db, actor, networkId));
  const { abilities } = home;
  if (!abilities.manageInvitations && abilities.inviteRoles.length === 0) notFound();
  const invitations = await listInvitations(db, actor, networkId);
  const organisations = home.organisations
    .filter((o) => o.status === 'active')
    .filter((o) => abilities.manageInvitations || o.id === home.me.organisationId)
    .map((o) => ({ id: o.id, name: o.name }));
  const orgNames = Object.fromEntries(home.organisations.map((o) => [o.id, o.name]));

  return (
    <>
      <nav aria-label={t('networks.breadcrumb')} className="mb-2 text-sm">
        <Link href={`/networks/${networkId}`} className="text-brand-800 underline underline-offset-4">
          {home.network.name}
        </Link>
      </nav>
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
  );
}
