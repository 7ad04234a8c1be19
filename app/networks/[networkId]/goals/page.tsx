import type { Metadata } from 'next';
import { PageHeader } from '@/app/_components/ui';
import { GoalBoard } from '@/app/_components/cooperation/goal-board';
import { listGoals } from '@/lib/goals/list-goals';
import { getCooperationPageContext } from '@/lib/networks/get-cooperation-page-context';
import { translator } from '@/lib/i18n';
import { requestLocale } from '@/app/_lib/locale';
import { networkPageContext, orNotFound } from '../../_lib/load';

type Params = Promise<{ networkId: string }>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await requestLocale())('cooperation.board.title') };
}

/** The shared goals board of a network. Members only. */
export default async function GoalsPage({ params }: { params: Params }) {
  const { networkId } = await params;
  const { db, actor, t } = await networkPageContext(networkId, `/networks/${networkId}/goals`);
  const ctx = await orNotFound(getCooperationPageContext(db, actor, networkId));
  const initial = { ...(await listGoals(db, actor, networkId, { limit: 20 })), abilities: ctx.abilities };
  const orgs = ctx.organisations.filter((o) => o.status !== 'left').map(({ id, name }) => ({ id, name }));
  return (
    <>
      <PageHeader title={t('cooperation.board.title')} description={t('cooperation.board.intro')} />
      <GoalBoard networkId={networkId} orgs={orgs} initial={initial} />
    </>
  );
}
