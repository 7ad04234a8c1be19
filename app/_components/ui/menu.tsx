'use client';

import { useEffect, useState, type ReactNode } from 'react';
import { Button as AriaButton, Menu as AriaMenu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import { buttonClasses, type ButtonVariant } from './button';
import { cx } from './cx';

export interface MenuAction {
  id: string;
  label: ReactNode;
  /** Runs when chosen (by click, Enter or Space). */
  onAction: () => void;
  /** Red text for a destructive action (it should still ask for confirmation). */
  danger?: boolean;
  disabled?: boolean;
}

/**
 * A menu button (React Aria): actions of a row or a page behind one button
 * instead of a row of buttons. Arrow keys move, Enter chooses, Escape closes,
 * focus returns to the button. Give it a label that names the thing
 * ("Actions for Lena Bauer").
 */
export function Menu({
  label,
  children,
  actions,
  variant = 'secondary',
  size = 'sm',
}: {
  /** The accessible name of the button (also visible unless `children` is given). */
  label: string;
  /** What the button shows (default: the label and a chevron). */
  children?: ReactNode;
  actions: MenuAction[];
  variant?: ButtonVariant;
  size?: 'sm' | 'md';
}) {
  // React Aria renders a menu's hidden collection with inline styles, which the strict CSP blocks when they come
  // with the server's HTML: the menu is made in the browser, after a plain button of the same look on the server.
  const [inBrowser, setInBrowser] = useState(false);
  useEffect(() => setInBrowser(true), []);
  if (!inBrowser)
    return (
      <button type="button" disabled aria-label={children ? label : undefined} className={buttonClasses(variant, size)}>
        {children ?? (
          <>
            {label}
            <span aria-hidden="true">▾</span>
          </>
        )}
      </button>
    );
  return (
    <MenuTrigger>
      <AriaButton aria-label={children ? label : undefined} className={buttonClasses(variant, size)}>
        {children ?? (
          <>
            {label}
            <span aria-hidden="true">▾</span>
          </>
        )}
      </AriaButton>
      <Popover
        placement="bottom end"
        className="min-w-48 rounded-control border border-stone-300 bg-white py-1 shadow-lg outline-none"
      >
        <AriaMenu
          className="outline-none"
          disabledKeys={actions.filter((a) => a.disabled).map((a) => a.id)}
          onAction={(key) => actions.find((a) => a.id === key)?.onAction()}
        >
          {actions.map((a) => (
            <MenuItem
              key={a.id}
              id={a.id}
              className={({ isFocused, isDisabled }) =>
                cx(
                  'cursor-default px-3 py-2 text-sm outline-none',
                  a.danger ? 'text-red-800' : 'text-stone-900',
                  isFocused && 'bg-brand-50',
                  isDisabled && 'opacity-50',
                )
              }
            >
              {a.label}
            </MenuItem>
          ))}
        </AriaMenu>
      </Popover>
    </MenuTrigger>
  );
}
