import type { Metadata } from 'next';
import Link from '@/app/_components/ui/link';
import { Badge, Card, PageHeader } from '@/app/_components/ui';
import { Comments } from '@/app/_components/comments/comments';
import { loadEntry, presentEntry } from '@/lib/ledger/records';
import { ledgerEntryPolicy, requireMember } from '@/lib/policies';
import { EntryAnswer } from './entry-answer';
import { formatter, translator } from '@/lib/i18n';
import { requestLocale } from '@/app/_lib/locale';
import { networkPageContext, orNotFound } from '../../../_lib/load';

type Params = Promise<{ networkId: string; entryId: string }>;

const BUILTIN = new Set(['hours', 'expertise_days', 'contacts', 'space', 'equipment', 'money_eur']);

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await requestLocale())('followUp.entry.title') };
}

/** One ledger entry with its comments (where "for me" and mentions link to). Members only. */
export default async function LedgerEntryPage({ params }: { params: Params }) {
  const { networkId, entryId } = await params;
  const { db, actor, t, locale } = await networkPageContext(networkId, `/networks/${networkId}/ledger/${entryId}`);
  const f = formatter(locale);
  const entry = await orNotFound(
    (async () => {
      requireMember(actor, networkId);
      return presentEntry(await loadEntry(db, networkId, entryId));
    })(),
  );
  const names = new Map(
    (
      await db.all<{ id: string; name: string }>('SELECT id, name FROM organisations WHERE network_id = ?', [networkId])
    ).map((o) => [o.id, o.name]),
  );
  const abilities = ledgerEntryPolicy.abilities(actor, {
    networkId,
    recorderOrgId: entry.recorderOrgId,
    counterpartyOrgId: entry.counterpartyOrgId,
    status: entry.status,
    reversesId: entry.reversesId,
    reversedById: entry.reversedById,
  });
  const recorder = await db.get<{ name: string }>('SELECT name FROM users WHERE id = ?', [entry.recordedBy]);
  const org = (id: string | null) => (id ? (names.get(id) ?? '') : t('followUp.entry.network'));
  const amount = BUILTIN.has(entry.unit)
    ? t(`cooperation.amount.${entry.unit}`, { amount: entry.amount })
    : t('cooperation.amount.custom', { amount: entry.amount, unit: entry.unit.replace(/^custom:/, '') });
  return (
    <>
      <PageHeader
        title={t('followUp.entry.summary', {
          giver: org(entry.giverOrgId),
          receiver: org(entry.receiverOrgId),
          amount,
        })}
        description={t('followUp.entry.title')}
      />
      <Card className="mb-6">
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium">{t('followUp.entry.status')}</dt>
          <dd>
            <Badge tone={entry.status === 'confirmed' ? 'success' : entry.status === 'pending' ? 'warning' : 'neutral'}>
              {t(`cooperation.entryStatus.${entry.status}`)}
            </Badge>
          </dd>
          <dt className="font-medium">{t('followUp.entry.date')}</dt>
          <dd>{f.date(entry.date, 'long')}</dd>
          <dt className="font-medium">{t('followUp.entry.description')}</dt>
          <dd className="[overflow-wrap:anywhere]">{entry.description || '—'}</dd>
          {recorder ? (
            <>
              <dt className="font-medium">{t('followUp.entry.recordedBy')}</dt>
              <dd>{recorder.name}</dd>
            </>
          ) : null}
          {entry.responseComment ? (
            <>
              <dt className="font-medium">{t('followUp.entry.answer')}</dt>
              <dd className="[overflow-wrap:anywhere]">{entry.responseComment}</dd>
            </>
          ) : null}
        </dl>
        {abilities.confirm ? <EntryAnswer networkId={networkId} entryId={entry.id} /> : null}
        <p className="mt-4">
          <Link href={`/networks/${networkId}/ledger`} className="text-brand-800 underline">
            {t('followUp.entry.back')}
          </Link>
        </p>
      </Card>
      <Comments networkId={networkId} subjectType="ledger_entry" subjectId={entry.id} />
    </>
  );
}
