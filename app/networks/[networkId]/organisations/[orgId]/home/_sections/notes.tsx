import { Card } from '@/app/_components/ui';
import { CollabNotes } from '@/app/_components/collab/collab-notes';
import { docName } from '@/lib/docs/names';
import { env } from '@/lib/env';
import type { Translate } from '@/lib/i18n';

/** The organisation's private home notes (`home.<networkId>.<orgId>`), written together live. */
export function HomeNotesSection({
  networkId,
  orgId,
  organisation,
  access,
  self,
  t,
}: {
  networkId: string;
  orgId: string;
  organisation: string;
  access: 'read' | 'write';
  self: { id: string; name: string };
  t: Translate;
}) {
  return (
    <Card title={t('collab.home.title')} id="home-notes">
      <p className="mb-4 rounded-md border-l-4 border-sky-700 bg-sky-50 px-4 py-3 text-sky-950">
        {t('collab.home.privacy')}
      </p>
      <CollabNotes
        docName={docName({ kind: 'home', networkId, orgId })}
        root="notes"
        realtimeUrl={env().realtimeUrl}
        initialAccess={access}
        label={t('collab.home.editorLabel', { organisation })}
        self={{ ...self, organisation }}
      />
    </Card>
  );
}
