import type { Metadata } from 'next';
import { PageHeader } from '@/app/_components/ui';
import { CommitmentsOverview } from '@/app/_components/cooperation/commitments';
import { getCooperationPageContext } from '@/lib/networks/get-cooperation-page-context';
import { translator } from '@/lib/i18n';
import { requestLocale } from '@/app/_lib/locale';
import { networkPageContext, orNotFound } from '../../_lib/load';

type Params = Promise<{ networkId: string }>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await requestLocale())('cooperation.commitments.title') };
}

/** Commitments of a network: open ones first, overdue leading; made here too. Members only. */
export default async function CommitmentsPage({ params }: { params: Params }) {
  const { networkId } = await params;
  const { db, actor, t } = await networkPageContext(networkId, `/networks/${networkId}/commitments`);
  const ctx = await orNotFound(getCooperationPageContext(db, actor, networkId));
  const orgs = ctx.organisations.map(({ id, name }) => ({ id, name }));
  return (
    <>
      <PageHeader title={t('cooperation.commitments.title')} description={t('cooperation.commitments.intro')} />
      <CommitmentsOverview
        networkId={networkId}
        orgs={orgs}
        myOrgId={ctx.abilities.commit ? ctx.abilities.organisationId : null}
      />
    </>
  );
}
