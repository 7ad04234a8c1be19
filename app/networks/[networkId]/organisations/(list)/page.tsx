import type { Metadata } from 'next';
import { Card, PageHeader } from '@/app/_components/ui';
import { getI18n } from '@/app/_lib/locale';
import { getNetworkHome } from '@/lib/networks';
import { networkPageContext, orNotFound } from '../../../_lib/load';
import { AddOrganisationDialog } from '../../../_components/add-organisation-dialog';
import { OrganisationList } from '../../../_components/organisation-list';
import { NetworkDecisionPaths } from '../../../_components/decision-paths';

type Params = Promise<{ networkId: string }>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).t('ui.organisations.title') };
}

/** The network's organisations, each leading to its page; managers add one in a dialog. Members only. */
export default async function OrganisationsPage({ params }: { params: Params }) {
  const { networkId } = await params;
  const { db, actor, t } = await networkPageContext(networkId, `/networks/${networkId}/organisations`);
  const { organisations, abilities } = await orNotFound(getNetworkHome(db, actor, networkId));
  return (
    <>
      <PageHeader
        title={t('ui.organisations.title')}
        description={t('ui.organisations.intro')}
        actions={abilities.createOrganisation ? <AddOrganisationDialog networkId={networkId} /> : null}
      />
      <Card>
        <OrganisationList
          networkId={networkId}
          organisations={organisations}
          canCreate={abilities.createOrganisation}
          t={t}
        />
      </Card>
      <div className="mt-section">
        <NetworkDecisionPaths db={db} networkId={networkId} t={t} canSet={abilities.update} />
      </div>
    </>
  );
}
