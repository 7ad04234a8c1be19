import type { Metadata } from 'next';
import { PageHeader } from '@/app/_components/ui';
import { ActivityView } from '@/app/_components/for-me/activity-view';
import { listActivityLog } from '@/lib/activity/activity-log';
import { listMembers } from '@/lib/networks/queries';
import { translator } from '@/lib/i18n';
import { requestLocale } from '@/app/_lib/locale';
import { networkPageContext, orNotFound } from '../../_lib/load';

type Params = Promise<{ networkId: string }>;
export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await requestLocale())('followUp.activity.title') };
}

/** The network's activity feed, also its audit log. Members only (each sees what they may). */
export default async function ActivityPage({ params }: { params: Params }) {
  const { networkId } = await params;
  const { db, actor, t } = await networkPageContext(networkId, `/networks/${networkId}/activity`);
  const initial = await orNotFound(listActivityLog(db, actor, networkId, { limit: 50 }));
  const organisations = await db.all<{ id: string; name: string }>(
    'SELECT id, name FROM organisations WHERE network_id = ? ORDER BY name',
    [networkId],
  );
  const people = (await listMembers(db, actor, networkId)).map((p) => ({ userId: p.userId, name: p.name }));
  return (
    <>
      <PageHeader title={t('followUp.activity.title')} description={t('followUp.activity.intro')} />
      <ActivityView networkId={networkId} organisations={organisations} people={people} initial={initial} />
    </>
  );
}
