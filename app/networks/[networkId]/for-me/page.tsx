import type { Metadata } from 'next';
import { PageHeader } from '@/app/_components/ui';
import { ForMeView } from '@/app/_components/for-me/for-me-view';
import { getForMe } from '@/lib/for-me/get-for-me';
import { translator } from '@/lib/i18n';
import { requestLocale } from '@/app/_lib/locale';
import { networkPageContext, orNotFound } from '../../_lib/load';

type Params = Promise<{ networkId: string }>;
export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await requestLocale())('followUp.forMe.title') };
}

/** "For me" in this network. Members only. */
export default async function ForMePage({ params }: { params: Params }) {
  const { networkId } = await params;
  const { db, actor, t } = await networkPageContext(networkId, `/networks/${networkId}/for-me`);
  const initial = await orNotFound(getForMe(db, actor, networkId));
  return (
    <>
      <PageHeader title={t('followUp.forMe.title')} description={t('followUp.forMe.intro')} />
      <ForMeView networkId={networkId} initial={initial} />
    </>
  );
}
