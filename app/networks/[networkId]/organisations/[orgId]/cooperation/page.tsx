import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/app/_components/ui';
import { OrganisationCooperation } from '@/app/_components/cooperation/organisation-cooperation';
import { getCooperationPageContext } from '@/lib/networks/get-cooperation-page-context';
import { isId, networkPageContext, orNotFound } from '../../../../_lib/load';

type Params = Promise<{ networkId: string; orgId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { networkId, orgId } = await params;
  const { db, actor, t } = await networkPageContext(
    networkId,
    `/networks/${networkId}/organisations/${orgId}/cooperation`,
  );
  const ctx = await getCooperationPageContext(db, actor, networkId).catch(() => null);
  const name = ctx?.organisations.find((o) => o.id === orgId)?.name;
  return { title: name ? t('cooperation.org.title', { organisation: name }) : t('cooperation.ledger.title') };
}

/** An organisation's cooperation: ratings, given/received per partner, commitments, recent activity. Members only. */
export default async function OrganisationCooperationPage({ params }: { params: Params }) {
  const { networkId, orgId } = await params;
  if (!isId(orgId)) notFound();
  const { db, actor, t } = await networkPageContext(
    networkId,
    `/networks/${networkId}/organisations/${orgId}/cooperation`,
  );
  const ctx = await orNotFound(getCooperationPageContext(db, actor, networkId));
  const org = ctx.organisations.find((o) => o.id === orgId);
  if (!org) notFound();
  const orgs = ctx.organisations.map(({ id, name }) => ({ id, name }));
  return (
    <>
      <PageHeader
        title={t('cooperation.org.title', { organisation: org.name })}
        description={t('cooperation.org.intro')}
      />
      <OrganisationCooperation networkId={networkId} organisationId={orgId} orgs={orgs} />
    </>
  );
}
