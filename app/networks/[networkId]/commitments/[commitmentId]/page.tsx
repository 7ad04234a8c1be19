import type { Metadata } from 'next';
import Link from '@/app/_components/ui/link';
import { Badge, Card, PageHeader } from '@/app/_components/ui';
import { Comments } from '@/app/_components/comments/comments';
import { loadCommitment, presentCommitment } from '@/lib/commitments/records';
import { requireMember } from '@/lib/policies';
import { formatter, translator } from '@/lib/i18n';
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
  const f = formatter(locale);
  const due = f.date(c.dueOn, 'long');
  const amount = c.unit.startsWith('custom:')
    ? t('cooperation.amount.custom', { amount: c.amount, unit: c.unit.slice('custom:'.length) })
    : t(`cooperation.amount.${c.unit}`, { amount: c.amount });
  const committedBy = row.committed_by
    ? await db.get<{ name: string }>('SELECT name FROM users WHERE id = ?', [row.committed_by])
    : undefined;
  return (
    <>
      <PageHeader
        title={t('followUp.commitment.title', { organisation: extra?.name ?? '' })}
        description={t('followUp.commitment.summary', { amount, goal: extra?.title ?? '' })}
      />
      <Card className="mb-6">
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium">{t('followUp.commitment.goal')}</dt>
          <dd>
            <Link href={`/networks/${networkId}/goals/${c.goalId}`} className="text-brand-800 underline">
              {extra?.title ?? ''}
            </Link>
          </dd>
          <dt className="font-medium">{t('followUp.commitment.amount')}</dt>
          <dd>{amount}</dd>
          <dt className="font-medium">{t('followUp.commitment.due')}</dt>
          <dd>{due}</dd>
          <dt className="font-medium">{t('followUp.commitment.status')}</dt>
          <dd>
            <Badge tone={c.isOverdue ? 'danger' : c.status === 'delivered' ? 'success' : 'neutral'}>
              {t(`cooperation.commitmentStatus.${c.status}`)}
            </Badge>
            {c.deliveredAt ? (
              <span className="ml-2 text-stone-700">
                {t('followUp.commitment.deliveredOn', {
                  date: f.day(c.deliveredAt, 'long'),
                  partly: c.deliveredPartly ? 'yes' : 'no',
                })}
              </span>
            ) : null}
            {c.status === 'withdrawn' && c.withdrawReason ? (
              <span className="ml-2 text-stone-700">{c.withdrawReason}</span>
            ) : null}
          </dd>
          {committedBy ? (
            <>
              <dt className="font-medium">{t('followUp.commitment.by')}</dt>
              <dd>{committedBy.name}</dd>
            </>
          ) : null}
          {c.note ? (
            <>
              <dt className="font-medium">{t('followUp.commitment.note')}</dt>
              <dd className="whitespace-pre-line">{c.note}</dd>
            </>
          ) : null}
        </dl>
      </Card>
      <Comments networkId={networkId} subjectType="commitment" subjectId={c.id} />
    </>
  );
}
