'use client';

import { cloneElement, useState, type ReactElement, type ReactNode } from 'react';
import { Dialog as AriaDialog, Heading, Modal, ModalOverlay, type DialogProps } from 'react-aria-components';
import { useI18n } from '@/app/_components/providers';
import { Button, type ButtonVariant } from './button';
import { cx } from './cx';

/**
 * A modal dialog (React Aria): focus moves into it (to the first control)
 * and back to the trigger, Escape and the close button close it, the page
 * behind is inert. `trigger` is a `<Button>` (it gets the onClick that opens
 * the dialog); or control it with `isOpen`/`onOpenChange`. The content is a
 * function of `close`, so a form can close it after saving.
 *
 *   <Dialog title={t('networks.org.addTitle')} trigger={<Button>{t('networks.org.add')}</Button>}>
 *     {(close) => <CreateOrganisationForm networkId={id} onDone={close} />}
 *   </Dialog>
 */
export function Dialog({
  title,
  description,
  trigger,
  children,
  isOpen,
  onOpenChange,
  size = 'md',
  role,
  showClose = true,
}: {
  title: ReactNode;
  description?: ReactNode;
  /** The element that opens the dialog (omit when `isOpen` controls it). */
  trigger?: ReactElement;
  children: (close: () => void) => ReactNode;
  isOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  size?: 'md' | 'lg';
  /** `alertdialog` for a confirmation that interrupts. */
  role?: DialogProps['role'];
  /** The × button in the corner (off for confirmations, whose Cancel is the way out). */
  showClose?: boolean;
}) {
  const { t } = useI18n();
  const [ownOpen, setOwnOpen] = useState(false);
  const open = isOpen ?? ownOpen;
  const setOpen = (next: boolean) => {
    setOwnOpen(next);
    onOpenChange?.(next);
  };
  const modal = (
    <ModalOverlay
      isDismissable
      isOpen={open}
      onOpenChange={setOpen}
      className="fixed inset-0 z-50 flex items-end justify-center bg-stone-950/40 p-0 sm:items-center sm:p-4"
    >
      <Modal
        className={cx(
          'max-h-[100dvh] w-full overflow-y-auto rounded-t-card bg-white shadow-xl sm:max-h-[90dvh] sm:rounded-card',
          size === 'lg' ? 'sm:max-w-2xl' : 'sm:max-w-lg',
        )}
      >
        <AriaDialog role={role} className="p-card outline-none">
          {({ close }) => (
            <>
              <div className="mb-4 flex items-start justify-between gap-4">
                <div className="min-w-0">
                  <Heading slot="title" className="text-xl font-semibold text-stone-900">
                    {title}
                  </Heading>
                  {description ? <p className="mt-1 text-stone-700">{description}</p> : null}
                </div>
                {showClose ? (
                  <Button variant="ghost" size="sm" onClick={close} aria-label={t('common.close')}>
                    <span aria-hidden="true" className="text-xl leading-none no-underline">
                      ×
                    </span>
                  </Button>
                ) : null}
              </div>
              {children(close)}
            </>
          )}
        </AriaDialog>
      </Modal>
    </ModalOverlay>
  );
  if (!trigger) return modal;
  return (
    <>
      {cloneElement(trigger as ReactElement<{ onClick?: () => void; 'aria-haspopup'?: 'dialog' }>, {
        onClick: () => setOpen(true),
        'aria-haspopup': 'dialog',
      })}
      {modal}
    </>
  );
}

/**
 * "Are you sure?" for an action with consequences: says what happens, the
 * confirming button names the action (`confirmLabel`), Cancel is first in the
 * focus order and has the focus when it opens.
 */
export function ConfirmDialog({
  title,
  children,
  trigger,
  confirmLabel,
  variant = 'primary',
  busy,
  error,
  onConfirm,
  isOpen,
  onOpenChange,
}: {
  title: ReactNode;
  children?: ReactNode;
  trigger?: ReactElement;
  confirmLabel: ReactNode;
  variant?: ButtonVariant;
  busy?: boolean;
  error?: ReactNode;
  /** Runs the action; close the dialog yourself (`close`) when it succeeded. */
  onConfirm: (close: () => void) => void;
  isOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
}) {
  const { t } = useI18n();
  return (
    <Dialog title={title} trigger={trigger} isOpen={isOpen} onOpenChange={onOpenChange} showClose={false}>
      {(close) => (
        <>
          {children ? <div className="mb-4 text-stone-800">{children}</div> : null}
          {error ? (
            <p role="alert" className="mb-4 rounded-control border-l-4 border-red-700 bg-red-50 px-3 py-2 text-red-950">
              {error}
            </p>
          ) : null}
          <div className="flex flex-wrap justify-end gap-2">
            {/* Cancel first and focused: Enter on a freshly opened confirmation never does the action. */}
            <Button variant="secondary" onClick={close} autoFocus>
              {t('common.cancel')}
            </Button>
            <Button variant={variant} busy={busy} onClick={() => onConfirm(close)}>
              {confirmLabel}
            </Button>
          </div>
        </>
      )}
    </Dialog>
  );
}
