import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/app/_components/ui';
import { CollabNotes } from '@/app/_components/collab/collab-notes';
import { docName } from '@/lib/docs/names';
import { env } from '@/lib/env';
import { getNetworkHome } from '@/lib/networks';
import { can } from '@/lib/policies';
import { networkPageContext, orNotFound } from '../../_lib/load';

type Params = Promise<{ networkId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { networkId } = await params;
  const { db, actor, t } = await networkPageContext(networkId, `/networks/${networkId}/notes`);
  const home = await getNetworkHome(db, actor, networkId).catch(() => null);
  return { title: home ? t('collab.notes.pageTitle', { network: home.network.name }) : t('collab.notes.title') };
}

/**
 * The network's shared notes: the `commons.<networkId>` document, written live
 * by every member organisation; observers and advisers read along.
 */
export default async function NetworkNotesPage({ params }: { params: Params }) {
  const { networkId } = await params;
  const { db, actor, user, t } = await networkPageContext(networkId, `/networks/${networkId}/notes`);
  const doc = { kind: 'commons', networkId } as const;
  if (!can(actor, 'doc.read', { type: 'doc', doc })) notFound();
  const home = await orNotFound(getNetworkHome(db, actor, networkId));
  const myOrg = home.organisations.find((o) => o.id === home.me.organisationId);
  const access = can(actor, 'doc.write', { type: 'doc', doc }) ? 'write' : 'read';
  const network = home.network.name;

  return (
    <>
      <PageHeader title={t('collab.notes.title')} description={t('collab.notes.intro', { network })} />
      <CollabNotes
        docName={docName(doc)}
        root="notes"
        realtimeUrl={env().realtimeUrl}
        initialAccess={access}
        label={t('collab.notes.editorLabel', { network })}
        self={{ id: user.id, name: user.name, organisation: myOrg?.name ?? null }}
        lock={{ networkId }}
      />
    </>
  );
}
