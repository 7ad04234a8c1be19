'use client';

import { useId } from 'react';
import type { Access } from '@/lib/realtime/protocol';
import { useI18n } from '@/app/_components/providers';
import { CollabEditor } from './collab-editor';
import { CollabStatusLine } from './collab-status';
import { DocumentLockBar, useDocumentLock } from './document-lock';
import { PresenceList } from './presence-list';
import { useCollabDoc } from './use-collab-doc';

/**
 * A live notes document: connection state, the editor bound to root `root`
 * (an XmlFragment, see lib/realtime/doc-schema.ts) and who is here.
 */
export function CollabNotes({
  docName,
  root,
  realtimeUrl,
  initialAccess,
  label,
  self,
  lock,
}: {
  docName: string;
  root: string;
  realtimeUrl: string;
  initialAccess: Access;
  label: string;
  self: { id: string; name: string; organisation: string | null };
  /** Managers may lock this root of the document (lib/documents); everyone sees the lock. */
  lock?: { networkId: string };
}) {
  const { t } = useI18n();
  const helpId = useId();
  const collab = useCollabDoc(docName, { realtimeUrl, initialAccess, storageScope: self.id });
  const lockState = useDocumentLock(lock?.networkId ?? '', docName, root, !!lock);
  const readOnly =
    !collab ||
    collab.access === 'read' ||
    collab.status === 'noAccess' ||
    collab.status === 'signedOut' ||
    !!lockState.lock;

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_16rem]">
      <div className="min-w-0">
        <div className="mb-3">
          <CollabStatusLine status={collab?.status ?? 'connecting'} onReconnect={collab?.reconnect} />
        </div>
        {lock ? <DocumentLockBar networkId={lock.networkId} doc={docName} part={root} state={lockState} /> : null}
        <p id={helpId} className="mb-2 text-sm text-stone-700">
          {(collab?.access ?? initialAccess) === 'read' ? t('collab.editor.readOnlyHint') : t('collab.editor.help')}
        </p>
        {collab ? (
          <CollabEditor
            fragment={collab.doc.getXmlFragment(root)}
            awareness={collab.awareness}
            readOnly={readOnly}
            label={label}
            describedBy={helpId}
          />
        ) : (
          <div className="min-h-64 rounded-md border border-stone-400 bg-white" aria-hidden="true" />
        )}
      </div>
      <aside className="rounded-lg border border-stone-300 bg-white p-4">
        <PresenceList awareness={collab?.awareness ?? null} self={self} />
      </aside>
    </div>
  );
}
