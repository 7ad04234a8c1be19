import type { Metadata } from 'next';
import Link from '@/app/_components/ui/link';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/app/_components/ui';
import { formatter } from '@/lib/i18n';
import { getHomeView } from '@/lib/mandates/get-home-view';
import { latestReadinessSummary } from '@/lib/readiness';
import { can, mandatePolicy, type Actor } from '@/lib/policies';
import { isId, networkPageContext, orNotFound } from '../../../../_lib/load';
import { ApprovalsSection } from './_sections/approvals';
import { ExchangeSection } from './_sections/exchange';
import { LiveRefresh } from './_sections/live-refresh';
import { MandatesSection } from './_sections/mandates';
import { HomeNotesSection } from './_sections/notes';
import { PromisedSection } from './_sections/promised';
import { RatingsSection } from './_sections/ratings';
import { ReadinessSection } from './_sections/readiness';
import type { SectionProps } from './_sections/types';

type Params = Promise<{ networkId: string; orgId: string }>;

const mayRead = (actor: Actor, networkId: string, orgId: string) =>
  mandatePolicy.can(actor, 'readHome', { networkId, organisationId: orgId });

/** Live changes that alter what this page shows. */
const LIVE_KINDS = ['commitment', 'mandate', 'ledger', 'goal.rated', 'network.approval_days_set', 'readiness'];

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { networkId, orgId } = await params;
  const { db, actor, t } = await networkPageContext(networkId, `/networks/${networkId}/organisations/${orgId}/home`);
  if (!isId(orgId) || !mayRead(actor, networkId, orgId)) return { title: t('mandates.home.title') };
  const name = await db.get<{ name: string }>('SELECT name FROM organisations WHERE id = ? AND network_id = ?', [
    orgId,
    networkId,
  ]);
  return { title: name ? t('mandates.home.pageTitle', { organisation: name.name }) : t('mandates.home.title') };
}

/**
 * "Home and network" (Heimat und Netzwerk): the organisation's own view of its
 * two loyalties, one section per file in `_sections/` (add a section there and
 * one line below). Only the organisation's people may open it; everyone else
 * gets the 404 page, as if it did not exist, and no byte of it.
 */
export default async function HomeAndNetworkPage({ params }: { params: Params }) {
  const { networkId, orgId } = await params;
  if (!isId(orgId)) notFound();
  const { db, actor, user, t, locale } = await networkPageContext(
    networkId,
    `/networks/${networkId}/organisations/${orgId}/home`,
  );
  if (!mayRead(actor, networkId, orgId)) notFound();
  const view = await orNotFound(getHomeView(db, actor, networkId, orgId));
  const name = view.organisation.name;
  const access = can(actor, 'doc.write', { type: 'doc', doc: { kind: 'home', networkId, orgId } }) ? 'write' : 'read';
  const props: SectionProps = { networkId, orgId, view, t, f: formatter(locale) };
  const readiness = await latestReadinessSummary(db, { networkId, organisationId: orgId, viewer: actor });

  return (
    <>
      <nav aria-label={t('networks.breadcrumb')} className="mb-2 text-sm">
        <Link
          href={`/networks/${networkId}/organisations/${orgId}`}
          className="text-brand-800 underline underline-offset-4"
        >
          {t('collab.home.backToOrganisation', { organisation: name })}
        </Link>
      </nav>
      <PageHeader title={t('mandates.home.title')} description={t('mandates.home.intro', { organisation: name })} />
      <LiveRefresh kinds={LIVE_KINDS} />
      <div className="grid gap-section">
        <ApprovalsSection {...props} />
        <PromisedSection {...props} />
        <MandatesSection {...props} />
        <ExchangeSection {...props} />
        <RatingsSection {...props} />
        <ReadinessSection networkId={networkId} orgId={orgId} summary={readiness} t={t} locale={locale} />
        <HomeNotesSection
          networkId={networkId}
          orgId={orgId}
          organisation={name}
          access={access}
          self={{ id: user.id, name: user.name }}
          t={t}
        />
      </div>
    </>
  );
}
