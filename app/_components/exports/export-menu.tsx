'use client';

import { Menu } from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';

export interface ExportChoice {
  id: string;
  /** What the item says ("PDF document (.pdf)"). */
  label: string;
  /** The download address (a route that answers with an attachment) or, for `onAction`, nothing. */
  href?: string;
  onAction?: () => void;
}

/**
 * The "Export" menu of a page: each item downloads one file (the route answers
 * with an attachment, so the page stays where it is) or starts an action.
 * Keyboard: Enter or Space opens it, arrow keys move, Enter chooses, Escape closes.
 */
export function ExportMenu({ label, choices }: { label: string; choices: ExportChoice[] }) {
  const { t } = useI18n();
  return (
    <Menu
      label={label}
      actions={choices.map((c) => ({
        id: c.id,
        label: c.label,
        onAction: () => {
          if (c.onAction) c.onAction();
          else if (c.href) window.location.assign(c.href);
        },
      }))}
    >
      {t('exports.menu.label')}
      <span aria-hidden="true">▾</span>
    </Menu>
  );
}
