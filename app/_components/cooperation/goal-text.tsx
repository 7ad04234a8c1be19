'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import * as Y from 'yjs';
import { CollabEditor } from '@/app/_components/collab/collab-editor';
import { CollabStatusLine } from '@/app/_components/collab/collab-status';
import { PresenceList } from '@/app/_components/collab/presence-list';
import { DocumentLockBar, useDocumentLock } from '@/app/_components/collab/document-lock';
import { useCollabDoc } from '@/app/_components/collab/use-collab-doc';
import { Alert, Button } from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';
import { errorText, request } from '@/app/_lib/api-client';
import { coopKey } from './live';
import { fragmentToDoc } from '@/lib/goals/description-doc';
import { GOALS_ROOT, fragmentText } from './goal-text-doc';

export function GoalText({
  networkId,
  goalId,
  realtimeUrl,
  canWrite,
  self,
}: {
  networkId: string;
  goalId: string;
  realtimeUrl: string;
  canWrite: boolean;
  self: { id: string; name: string; organisation: string | null };
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const helpId = useId();
  const collab = useCollabDoc(`commons.${networkId}`, {
    realtimeUrl,
    initialAccess: canWrite ? 'write' : 'read',
    storageScope: self.id,
  });
  const [frag, setFrag] = useState<Y.XmlFragment | null>(null);
  const [saveState, setSaveState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<string | null>(null);
  const lastSaved = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // Find (or, once synced and allowed, create) this goal's fragment; follow it if a concurrent creation wins.
  const synced = collab?.synced ?? false;
  const access = collab?.access ?? null;
  const ydoc = collab?.doc ?? null;
  useEffect(() => {
    if (!ydoc) return;
    const goals = ydoc.getMap<Y.XmlFragment>(GOALS_ROOT);
    const pick = () => {
      const existing = goals.get(goalId);
      if (existing instanceof Y.XmlFragment) setFrag(existing);
      else if (synced && access === 'write') {
        // Observers registered below do not see this local change yet: take the new fragment directly.
        goals.set(goalId, new Y.XmlFragment());
        const created = goals.get(goalId);
        if (created instanceof Y.XmlFragment) setFrag(created);
      }
    };
    pick();
    const onChange = (ev: Y.YMapEvent<Y.XmlFragment>) => {
      if (ev.keysChanged.has(goalId)) pick();
    };
    goals.observe(onChange);
    return () => goals.unobserve(onChange);
  }, [ydoc, synced, access, goalId]);

  // Restoring an earlier version is the server's command (restore-version.tsx): it writes the shared document itself.
  const save = useCallback(async () => {
    if (!frag) return;
    // The plain text (for search and the side-by-side view) and the structure (so a restore keeps formatting).
    const description = fragmentText(frag);
    const descriptionDoc = fragmentToDoc(frag);
    const saved = JSON.stringify(descriptionDoc);
    if (saved === lastSaved.current) return;
    setSaveState('saving');
    try {
      await request('PUT', `/api/networks/${networkId}/goals/${goalId}/text`, {
        description,
        descriptionDoc,
      });
      lastSaved.current = saved;
      setSaveState('saved');
      setError(null);
      void qc.invalidateQueries({ queryKey: coopKey(networkId, 'goal', goalId) });
    } catch (err) {
      setSaveState('idle');
      setError(errorText(err, t));
    }
  }, [frag, networkId, goalId, qc, t]);

  // Keep a version a few seconds after this person's own edits pause.
  useEffect(() => {
    if (!frag || !canWrite) return;
    const onDeep = (_: unknown, tr: Y.Transaction) => {
      if (!tr.local) return;
      setSaveState('idle');
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), 4000);
    };
    frag.observeDeep(onDeep);
    return () => {
      frag.unobserveDeep(onDeep);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [frag, canWrite, save]);

  const lockState = useDocumentLock(networkId, `commons.${networkId}`, `goals/${goalId}`);
  const readOnly =
    !collab ||
    !canWrite ||
    collab.access === 'read' ||
    collab.status === 'noAccess' ||
    collab.status === 'signedOut' ||
    !!lockState.lock;
  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_14rem]">
      <div className="min-w-0">
        <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
          <CollabStatusLine status={collab?.status ?? 'connecting'} onReconnect={collab?.reconnect} />
          {canWrite ? (
            <div className="flex items-center gap-2">
              <span role="status" className="text-sm text-stone-700">
                {saveState === 'saving'
                  ? t('common.saving')
                  : saveState === 'saved'
                    ? t('cooperation.text.versionKept')
                    : ''}
              </span>
              <Button variant="secondary" size="sm" onClick={() => void save()} disabled={!frag}>
                {t('cooperation.text.keepVersion')}
              </Button>
            </div>
          ) : null}
        </div>
        <DocumentLockBar
          networkId={networkId}
          doc={`commons.${networkId}`}
          part={`goals/${goalId}`}
          state={lockState}
        />
        {error ? <Alert tone="error">{error}</Alert> : null}
        <p id={helpId} className="mb-2 text-sm text-stone-700">
          {readOnly ? t('cooperation.text.readOnlyHint') : t('cooperation.text.help')}
        </p>
        {collab && frag ? (
          <CollabEditor
            key={frag._item?.id ? `${frag._item.id.client}:${frag._item.id.clock}` : 'root'}
            fragment={frag}
            awareness={collab.awareness}
            readOnly={readOnly}
            label={t('cooperation.text.editorLabel')}
            describedBy={helpId}
          />
        ) : (
          <div className="min-h-32 rounded-md border border-stone-400 bg-white p-3 text-stone-600" aria-busy="true">
            {t('common.loading')}
          </div>
        )}
      </div>
      <aside className="rounded-lg border border-stone-300 bg-white p-3">
        <PresenceList awareness={collab?.awareness ?? null} self={self} />
      </aside>
    </div>
  );
}
