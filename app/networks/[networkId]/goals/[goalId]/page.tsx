import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { GoalDetail } from '@/app/_components/cooperation/goal-detail';
import { ExportMenu } from '@/app/_components/exports/export-menu';
import { getGoal } from '@/lib/goals/get-goal';
import { getCooperationPageContext } from '@/lib/networks/get-cooperation-page-context';
import { env } from '@/lib/env';
import { isId, networkPageContext, orNotFound } from '../../../_lib/load';

type Params = Promise<{ networkId: string; goalId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { networkId, goalId } = await params;
  const { db, actor, t } = await networkPageContext(networkId, `/networks/${networkId}/goals/${goalId}`);
  const view = isId(goalId) ? await getGoal(db, actor, networkId, goalId).catch(() => null) : null;
  return { title: view?.goal.title ?? t('cooperation.board.title') };
}

/** One shared goal: live description, versions, ratings, commitments, comments. Members only. */
export default async function GoalPage({ params }: { params: Params }) {
  const { networkId, goalId } = await params;
  if (!isId(goalId)) notFound();
  const { db, actor, user, t } = await networkPageContext(networkId, `/networks/${networkId}/goals/${goalId}`);
  const ctx = await orNotFound(getCooperationPageContext(db, actor, networkId));
  await orNotFound(getGoal(db, actor, networkId, goalId));
  const orgs = ctx.organisations.map(({ id, name, status }) => ({ id, name, status }));
  const myOrg = orgs.find((o) => o.id === ctx.abilities.organisationId)?.name ?? null;
  return (
    <>
      <GoalDetail
        networkId={networkId}
        goalId={goalId}
        orgs={orgs}
        realtimeUrl={env().realtimeUrl}
        self={{ id: user.id, name: user.name, organisation: myOrg }}
        actions={
          <ExportMenu
            label={t('exports.menu.goalLabel')}
            choices={(['md', 'pdf'] as const).map((format) => ({
              id: format,
              label: t(format === 'md' ? 'exports.menu.markdown' : 'exports.menu.pdf'),
              href: `/api/networks/${networkId}/goals/${goalId}/export?format=${format}`,
            }))}
          />
        }
      />
    </>
  );
}
