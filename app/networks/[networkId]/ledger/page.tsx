import type { Metadata } from 'next';
import { PageHeader } from '@/app/_components/ui';
import { LedgerView } from '@/app/_components/cooperation/ledger-view';
import { listEntries } from '@/lib/ledger/list-entries';
import { getBalances } from '@/lib/ledger/get-balances';
import { getCooperationPageContext } from '@/lib/networks/get-cooperation-page-context';
import { translator } from '@/lib/i18n';
import { requestLocale } from '@/app/_lib/locale';
import { networkPageContext, orNotFound } from '../../_lib/load';

type Params = Promise<{ networkId: string }>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await requestLocale())('cooperation.ledger.title') };
}

/** The give/take ledger of a network. Members only. */
export default async function LedgerPage({ params }: { params: Params }) {
  const { networkId } = await params;
  const { db, actor, t } = await networkPageContext(networkId, `/networks/${networkId}/ledger`);
  const ctx = await orNotFound(getCooperationPageContext(db, actor, networkId));
  // The first page of entries and the balances (an aggregate over the whole ledger, ~80 ms on 20,000 entries)
  // come with the HTML in one section: React reveals a second streamed section no sooner than 300 ms after the
  // first, which made the balances show ~300 ms after the entries (docs/pages.md, "Speed").
  const [page, balances] = await Promise.all([
    listEntries(db, actor, networkId, { limit: 25 }),
    getBalances(db, actor, networkId, {}),
  ]);
  const initial = { page: { ...page, abilities: ctx.abilities }, balances };
  const orgs = ctx.organisations.map(({ id, name, status }) => ({ id, name, status }));
  return (
    <>
      <PageHeader title={t('cooperation.ledger.title')} description={t('cooperation.ledger.intro')} />
      <LedgerView networkId={networkId} orgs={orgs} initial={initial} />
    </>
  );
}
