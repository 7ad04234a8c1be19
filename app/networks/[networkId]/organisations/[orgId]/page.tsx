import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Card, EmptyState, LinkButton, PageHeader } from '@/app/_components/ui';
import { getOrganisationPage } from '@/lib/networks';
import { boardReportPolicy } from '@/lib/policies/board-report';
import { readinessPolicy } from '@/lib/policies/readiness';
import { latestReadinessSummary } from '@/lib/readiness';
import { ReadinessSummaryBlock } from '@/app/_components/readiness/readiness-summary';
import { exportPolicy } from '@/lib/policies';
import { ExportMenu } from '@/app/_components/exports/export-menu';
import { ArchivePanel } from '@/app/_components/exports/archive-panel';
import { isId, networkPageContext, orNotFound } from '../../../_lib/load';
import { StatusBadge } from '../../../_components/status-badge';
import { OrganisationStatusActions } from '../../../_components/organisation-status-actions';
import { OrganisationDetailsForm } from '../../../_components/organisation-details-form';
import { DecisionPaths } from '../../../_components/decision-paths';

type Params = Promise<{ networkId: string; orgId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { networkId, orgId } = await params;
  const { db, actor, t } = await networkPageContext(networkId, `/networks/${networkId}/organisations/${orgId}`);
  const page = isId(orgId) ? await getOrganisationPage(db, actor, networkId, orgId).catch(() => null) : null;
  return { title: page?.organisation.name ?? t('networks.org.title') };
}

/** One member organisation: details, its people, and pause / resume / leave for those allowed. */
export default async function OrganisationPage({ params }: { params: Params }) {
  const { networkId, orgId } = await params;
  if (!isId(orgId)) notFound();
  const { db, actor, t, locale } = await networkPageContext(networkId, `/networks/${networkId}/organisations/${orgId}`);
  const { organisation: o, people, abilities } = await orNotFound(getOrganisationPage(db, actor, networkId, orgId));
  const readiness = await latestReadinessSummary(db, { networkId, organisationId: orgId, viewer: actor });
  const since = new Date(o.statusChangedAt).toLocaleDateString(locale === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'UTC',
  });
  const ownData = exportPolicy.can(actor, 'archiveOrganisation', { networkId, organisationId: orgId });

  return (
    <>
      <PageHeader
        title={o.name}
        description={o.description || undefined}
        actions={
          <>
            <LinkButton href={`/networks/${networkId}/organisations/${orgId}/cooperation`} variant="secondary">
              {t('networks.org.cooperation')}
            </LinkButton>
            <ExportMenu
              label={t('exports.menu.organisationLabel', { name: o.name })}
              choices={[
                ...(['csv', 'xlsx'] as const).map((format) => ({
                  id: format,
                  label: t(format === 'csv' ? 'exports.menu.orgLedgerCsv' : 'exports.menu.orgLedgerXlsx'),
                  href: `/api/networks/${networkId}/ledger/export?organisationId=${orgId}&format=${format}`,
                })),
                ...(ownData ? [{ id: 'archive', label: t('exports.menu.ownData'), href: '#export' }] : []),
              ]}
            />
            {abilities.readHome ? (
              <LinkButton href={`/networks/${networkId}/organisations/${orgId}/home`} variant="secondary">
                {t('networks.org.homeSpace')}
              </LinkButton>
            ) : null}
            {readinessPolicy.can(actor, 'read', { networkId, organisationId: orgId }) ? (
              <LinkButton href={`/networks/${networkId}/organisations/${orgId}/readiness`} variant="secondary">
                {t('readiness.link')}
              </LinkButton>
            ) : null}
            {boardReportPolicy.can(actor, 'read', { networkId, organisationId: orgId }) ? (
              <LinkButton href={`/networks/${networkId}/organisations/${orgId}/report`} variant="secondary">
                {t('report.link')}
              </LinkButton>
            ) : null}
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t('networks.org.details')} id="details">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
            <dt className="font-medium">{t('networks.org.status')}</dt>
            <dd>
              <StatusBadge status={o.status} t={t} />{' '}
              <span className="text-sm text-stone-700">{t('networks.org.since', { date: since })}</span>
            </dd>
            <dt className="font-medium">{t('networks.org.kind')}</dt>
            <dd>{t(`networks.kind.${o.kind}`)}</dd>
            {o.website ? (
              <>
                <dt className="font-medium">{t('networks.org.website')}</dt>
                <dd>
                  <a
                    href={o.website}
                    rel="noopener noreferrer nofollow"
                    target="_blank"
                    className="break-all text-brand-800 underline underline-offset-4"
                  >
                    {o.website}
                  </a>
                </dd>
              </>
            ) : null}
          </dl>
          {o.status === 'left' ? <p className="mt-4 text-stone-700">{t('networks.org.leftNote')}</p> : null}
          {abilities.update ? (
            <OrganisationDetailsForm
              networkId={networkId}
              organisationId={orgId}
              initial={{ name: o.name, kind: o.kind, website: o.website, description: o.description }}
            />
          ) : null}
          {abilities.setStatus ? (
            <div className="mt-6 border-t border-stone-200 pt-4">
              <OrganisationStatusActions
                networkId={networkId}
                organisationId={orgId}
                organisationName={o.name}
                status={o.status}
              />
            </div>
          ) : null}
        </Card>
        <Card title={t('networks.org.people')} id="org-people">
          {people.length === 0 ? (
            <EmptyState title={t('networks.org.noPeople')} />
          ) : (
            <ul className="space-y-1">
              {people.map((p) => (
                <li key={p.userId} className="flex flex-wrap justify-between gap-2" data-testid="person">
                  <span>{p.name}</span>
                  <span className="text-sm text-stone-700">{t(`networks.role.${p.role}`)}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        {readiness ? (
          <Card title={readiness.shared ? t('readiness.sharedSummary.title') : t('readiness.title')} id="org-readiness">
            <ReadinessSummaryBlock
              summary={readiness}
              t={t}
              locale={locale}
              href={
                readinessPolicy.can(actor, 'read', { networkId, organisationId: orgId })
                  ? `/networks/${networkId}/organisations/${orgId}/readiness`
                  : undefined
              }
            />
          </Card>
        ) : null}
        {o.status !== 'left' ? (
          <DecisionPaths db={db} actor={actor} networkId={networkId} orgId={orgId} t={t} locale={locale} />
        ) : null}
        {ownData ? (
          <Card title={t('exports.archive.organisationTitle')} id="export" className="lg:col-span-2">
            <p className="mb-4 max-w-prose">{t('exports.archive.organisationIntro', { name: o.name })}</p>
            <ArchivePanel
              networkId={networkId}
              scope="organisation"
              organisationId={orgId}
              startLabel={t('exports.archive.startOrganisation')}
            />
          </Card>
        ) : null}
      </div>
    </>
  );
}
