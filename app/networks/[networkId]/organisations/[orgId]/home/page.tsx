import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/app/_components/ui';
import { CollabNotes } from '@/app/_components/collab/collab-notes';
import { docName } from '@/lib/docs/names';
import { env } from '@/lib/env';
import { getOrganisationPage } from '@/lib/networks';
import { can, type Actor } from '@/lib/policies';
import { isId, networkPageContext, orNotFound } from '../../../../_lib/load';

type Params = Promise<{ networkId: string; orgId: string }>;

const homeDoc = (networkId: string, orgId: string) => ({ kind: 'home', networkId, orgId }) as const;
const mayRead = (actor: Actor, networkId: string, orgId: string) =>
  can(actor, 'doc.read', { type: 'doc', doc: homeDoc(networkId, orgId) });

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { networkId, orgId } = await params;
  const { db, actor, t } = await networkPageContext(networkId, `/networks/${networkId}/organisations/${orgId}/home`);
  if (!isId(orgId) || !mayRead(actor, networkId, orgId)) return { title: t('collab.home.title') };
  const page = await getOrganisationPage(db, actor, networkId, orgId).catch(() => null);
  return {
    title: page ? t('collab.home.pageTitle', { organisation: page.organisation.name }) : t('collab.home.title'),
  };
}

/**
 * The organisation's private home notes (`home.<networkId>.<orgId>`): only
 * that organisation's people may open them; everyone else gets the 404 page,
 * as if the page did not exist.
 */
export default async function HomeNotesPage({ params }: { params: Params }) {
  const { networkId, orgId } = await params;
  if (!isId(orgId)) notFound();
  const { db, actor, user, t } = await networkPageContext(
    networkId,
    `/networks/${networkId}/organisations/${orgId}/home`,
  );
  const doc = homeDoc(networkId, orgId);
  if (!mayRead(actor, networkId, orgId)) notFound();
  const { organisation } = await orNotFound(getOrganisationPage(db, actor, networkId, orgId));
  const access = can(actor, 'doc.write', { type: 'doc', doc }) ? 'write' : 'read';
  const name = organisation.name;

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
      <PageHeader title={t('collab.home.title')} description={t('collab.home.intro', { organisation: name })} />
      <p className="mb-6 rounded-md border-l-4 border-sky-700 bg-sky-50 px-4 py-3 text-sky-950">
        {t('collab.home.privacy')}
      </p>
      <CollabNotes
        docName={docName(doc)}
        root="notes"
        realtimeUrl={env().realtimeUrl}
        initialAccess={access}
        label={t('collab.home.editorLabel', { organisation: name })}
        self={{ id: user.id, name: user.name, organisation: name }}
      />
    </>
  );
}
