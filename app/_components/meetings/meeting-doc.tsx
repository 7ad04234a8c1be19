'use client';

import { useEffect, useId, useState } from 'react';
import { CollabEditor } from '@/app/_components/collab/collab-editor';
import { CollabStatusLine } from '@/app/_components/collab/collab-status';
import { PresenceList } from '@/app/_components/collab/presence-list';
import { useCollabDoc } from '@/app/_components/collab/use-collab-doc';
import { useI18n } from '@/app/_components/providers';
import { agendaBlocks } from '@/lib/meetings/agenda-items';
import type { Access } from '@/lib/realtime/protocol';

export type AgendaBlock = ReturnType<typeof agendaBlocks>[number];

/**
 * The meeting's one collaborative document: the agenda (co-edited before the
 * meeting) and the live minutes, with who is here. The realtime server
 * decides read or write from the meeting's state and the person's
 * invitation; once the minutes are published it refuses every write.
 */
export function MeetingDoc({
  docName,
  realtimeUrl,
  initialAccess,
  self,
  showMinutes,
  onAgenda,
}: {
  docName: string;
  realtimeUrl: string;
  initialAccess: Access;
  self: { id: string; name: string; organisation: string | null };
  showMinutes: boolean;
  /** The agenda's items as they are now (live), with their ids where they have one. */
  onAgenda?: (items: AgendaBlock[]) => void;
}) {
  const { t } = useI18n();
  const helpId = useId();
  const collab = useCollabDoc(docName, { realtimeUrl, initialAccess, storageScope: self.id });
  const readOnly = !collab || collab.access === 'read' || collab.status === 'noAccess' || collab.status === 'signedOut';
  const [, setTick] = useState(0);
  // The document, not the hook's result: that is a new object on every render, and an effect keyed on it would
  // report the agenda (and re-render the page) again and again.
  const doc = collab?.doc ?? null;
  useEffect(() => {
    if (!doc) return;
    const agenda = doc.getXmlFragment('agenda');
    let last = '';
    const changed = () => {
      const blocks = agendaBlocks(agenda);
      const key = JSON.stringify(blocks.map((b) => [b.id, b.title]));
      if (key !== last) {
        last = key;
        onAgenda?.(blocks);
      }
      setTick((n) => n + 1);
    };
    changed();
    agenda.observeDeep(changed);
    return () => agenda.unobserveDeep(changed);
  }, [doc, onAgenda]);

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_16rem]">
      <div className="grid min-w-0 gap-6">
        <div>
          <CollabStatusLine status={collab?.status ?? 'connecting'} onReconnect={collab?.reconnect} />
          <p id={helpId} className="mt-2 text-sm text-stone-700" data-testid="doc-access">
            {(collab?.access ?? initialAccess) === 'read' ? t('meetings.doc.readOnly') : t('collab.editor.help')}
          </p>
        </div>
        <section aria-labelledby={`${helpId}-agenda`}>
          <h3 id={`${helpId}-agenda`} className="mb-2 text-base font-semibold">
            {t('meetings.doc.agenda')}
          </h3>
          {collab ? (
            <CollabEditor
              fragment={collab.doc.getXmlFragment('agenda')}
              awareness={collab.awareness}
              readOnly={readOnly}
              label={t('meetings.doc.agendaLabel')}
              describedBy={helpId}
              itemIds
            />
          ) : (
            <div className="min-h-32 rounded-md border border-stone-400 bg-white" aria-hidden="true" />
          )}
        </section>
        {showMinutes ? (
          <section aria-labelledby={`${helpId}-minutes`}>
            <h3 id={`${helpId}-minutes`} className="mb-2 text-base font-semibold">
              {t('meetings.doc.minutes')}
            </h3>
            {collab ? (
              <CollabEditor
                fragment={collab.doc.getXmlFragment('minutes')}
                awareness={collab.awareness}
                readOnly={readOnly}
                label={t('meetings.doc.minutesLabel')}
                describedBy={helpId}
              />
            ) : (
              <div className="min-h-32 rounded-md border border-stone-400 bg-white" aria-hidden="true" />
            )}
          </section>
        ) : null}
        <section aria-labelledby={`${helpId}-decisions`}>
          <h3 id={`${helpId}-decisions`} className="mb-1 text-base font-semibold">
            {t('meetings.doc.decisions')}
          </h3>
          <p className="mb-2 text-sm text-stone-700">{t('meetings.doc.decisionsHint')}</p>
          {collab ? (
            <CollabEditor
              fragment={collab.doc.getXmlFragment('decisions')}
              awareness={collab.awareness}
              readOnly
              label={t('meetings.doc.decisionsLabel')}
            />
          ) : (
            <div className="min-h-16 rounded-md border border-stone-400 bg-white" aria-hidden="true" />
          )}
        </section>
      </div>
      <aside className="rounded-lg border border-stone-300 bg-white p-4 lg:self-start">
        <PresenceList awareness={collab?.awareness ?? null} self={self} />
      </aside>
    </div>
  );
}
