import type { Translate } from '@/lib/i18n';
import type { OrgStatus } from '@/lib/policies';

const tones: Record<OrgStatus, string> = {
  active: 'border-green-700 bg-green-50 text-green-900',
  paused: 'border-amber-700 bg-amber-50 text-amber-950',
  left: 'border-stone-500 bg-stone-100 text-stone-800',
};

/** An organisation's status as a small labelled badge (text, not colour alone). */
export function StatusBadge({ status, t }: { status: OrgStatus; t: Translate }) {
  return (
    <span
      className={`inline-block rounded-full border px-2 py-0.5 text-xs font-semibold ${tones[status]}`}
      data-status={status}
    >
      {t(`networks.status.${status}`)}
    </span>
  );
}
