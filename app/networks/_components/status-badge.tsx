import { Badge, type BadgeTone } from '@/app/_components/ui';
import type { Translate } from '@/lib/i18n';
import type { OrgStatus } from '@/lib/policies';

const tones: Record<OrgStatus, BadgeTone> = { active: 'success', paused: 'warning', left: 'neutral' };

/** An organisation's status as a small labelled badge (text, not colour alone). */
export function StatusBadge({ status, t }: { status: OrgStatus; t: Translate }) {
  return (
    <Badge tone={tones[status]} data-status={status}>
      {t(`networks.status.${status}`)}
    </Badge>
  );
}
