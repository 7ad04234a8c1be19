import type { Metadata } from 'next';
import { Alert, Card, PageHeader } from '@/app/_components/ui';
import { ArchivePanel } from '@/app/_components/exports/archive-panel';
import { translator } from '@/lib/i18n';
import { getNetworkHome } from '@/lib/networks';
import { exportPolicy } from '@/lib/policies';
import { requestLocale } from '@/app/_lib/locale';
import { NetworkSettingsDialog } from '../../_components/network-settings-form';
import { networkPageContext, orNotFound } from '../../_lib/load';

type Params = Promise<{ networkId: string }>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await requestLocale())('exports.settings.title') };
}

/**
 * The network's settings, for its managers: name and purpose, and the network
 * archive (every record and shared document in one zip, made in the
 * background). Members who do not manage the network are told so.
 */
export default async function NetworkSettingsPage({ params }: { params: Params }) {
  const { networkId } = await params;
  const { db, actor, t } = await networkPageContext(networkId, `/networks/${networkId}/settings`);
  const home = await orNotFound(getNetworkHome(db, actor, networkId));
  const manages = home.abilities.update;
  const mayArchive = exportPolicy.can(actor, 'archiveNetwork', { networkId });
  return (
    <>
      <PageHeader title={t('exports.settings.title')} description={t('exports.settings.intro')} />
      {!manages && !mayArchive ? <Alert tone="info">{t('exports.settings.managersOnly')}</Alert> : null}
      <div className="grid gap-6">
        {manages ? (
          <Card
            title={t('exports.settings.general')}
            id="general"
            actions={
              <NetworkSettingsDialog
                networkId={networkId}
                initial={{ name: home.network.name, purpose: home.network.purpose }}
              />
            }
          >
            <p>{t('exports.settings.generalIntro', { name: home.network.name })}</p>
            {home.network.purpose ? <p className="mt-2 text-stone-700">{home.network.purpose}</p> : null}
          </Card>
        ) : null}
        {mayArchive ? (
          <Card title={t('exports.archive.networkTitle')} id="archive">
            <p className="mb-4 max-w-prose">{t('exports.archive.networkIntro')}</p>
            <ArchivePanel networkId={networkId} scope="network" startLabel={t('exports.archive.start')} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
