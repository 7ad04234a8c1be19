import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge, Card, PageHeader } from '@/app/_components/ui';
import { Comments } from '@/app/_components/comments/comments';
import { loadCommitment, presentCommitment } from '@/lib/commitments/records';
import { requireMember } from '@/lib/policies';
import { translator } from '@/lib/i18n';
import { requestLocale } from '@/app/_lib/locale';
import { networkPageContext, orNotFound } from '../../../_lib/load';

type Params = Promise<{ networkId: string; commitmentId: string }>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await requestLocale())('ui.nav.commitments') };
}

/** One commitment with its comments. Members only. */
export default async function CommitmentPage({ params }: { params: Params }) {
  const { networkId, commitmentId } = await params;
  const { db, actor, t, locale } = await networkPageContext(
    networkId,
    `/networks/${networkId}/commitments/${commitmentId}`,
  );
  const row = await orNotFound(
    (async () => {
      requireMember(actor, networkId);
      return loadCommitment(db, networkId, commitmentId);
    })(),
  );
  const extra = await db.get<{ title: string; name: string }>(
    'SELECT g.title, o.name FROM goals g, organisations o WHERE g.id = ? AND o.id = ?',
    [row.goal_id, row.organisation_id],
  );
  const c = presentCommitment(row);
  const due = new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${c.dueOn}T00:00:00Z`));
  return (
    <>
      <PageHeader title={t('followUp.commitment.title', { organisation: extra?.name ?? '' })} />
      <Card className="mb-6">
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium">{t('followUp.commitment.goal')}</dt>
          <dd>
            <Link href={`/networks/${networkId}/goals/${c.goalId}`} className="text-brand-800 underline">
              {extra?.title ?? ''}
            </Link>
          </dd>
          <dt className="font-medium">{t('followUp.commitment.due')}</dt>
          <dd>{due}</dd>
          <dt className="font-medium">{t('followUp.commitment.status')}</dt>
          <dd>
            <Badge tone={c.isOverdue ? 'danger' : 'neutral'}>{t(`cooperation.commitmentStatus.${c.status}`)}</Badge>
          </dd>
        </dl>
      </Card>
      <Comments networkId={networkId} subjectType="commitment" subjectId={c.id} />
    </>
  );
}
