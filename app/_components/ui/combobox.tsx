'use client';

import type { Key, ReactNode } from 'react';
import {
  Button as AriaButton,
  ComboBox as AriaComboBox,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
} from 'react-aria-components';
import { cx } from './cx';
import { inputClasses } from './text-field';

export interface ComboBoxOption {
  id: string;
  label: string;
  /** A second line (e.g. the organisation of a person). */
  description?: string;
}

/**
 * A text field with a list of suggestions (React Aria): type to filter, arrow
 * keys to move, Enter to choose, the choice is announced. With `name`, the
 * chosen option's id is sent with the form.
 */
export function ComboBox({
  label,
  hint,
  error,
  options,
  selected,
  defaultSelected,
  onSelectionChange,
  name,
  emptyText,
  className,
  allowsCustomValue,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  options: ComboBoxOption[];
  selected?: string | null;
  defaultSelected?: string | null;
  onSelectionChange?: (id: string | null) => void;
  name?: string;
  /** Said when nothing matches. */
  emptyText: string;
  className?: string;
  allowsCustomValue?: boolean;
}) {
  return (
    <AriaComboBox
      className={cx('mb-stack min-w-0', className)}
      defaultItems={options}
      selectedKey={selected}
      defaultSelectedKey={defaultSelected ?? undefined}
      onSelectionChange={(k: Key | null) => onSelectionChange?.(k === null ? null : String(k))}
      formValue="key"
      name={name}
      isInvalid={!!error}
      allowsCustomValue={allowsCustomValue}
      menuTrigger="focus"
    >
      <Label className="block font-medium text-stone-900">{label}</Label>
      {hint ? (
        <Text slot="description" className="mt-0.5 block text-sm text-stone-600">
          {hint}
        </Text>
      ) : null}
      <div className="relative">
        <Input className={cx(inputClasses(!!error), 'pr-10')} />
        <AriaButton className="absolute inset-y-0 right-0 mt-1 flex w-10 items-center justify-center text-stone-700">
          <span aria-hidden="true">▾</span>
        </AriaButton>
      </div>
      <FieldError className="mt-1 block text-sm font-medium text-red-800">{error}</FieldError>
      <Popover className="w-(--trigger-width) rounded-control border border-stone-300 bg-white shadow-lg outline-none">
        <ListBox
          className="max-h-72 overflow-y-auto py-1 outline-none"
          renderEmptyState={() => <p className="px-3 py-2 text-sm text-stone-700">{emptyText}</p>}
        >
          {(o: ComboBoxOption) => (
            <ListBoxItem
              id={o.id}
              textValue={o.label}
              className={({ isFocused, isSelected }) =>
                cx('cursor-default px-3 py-2 outline-none', isFocused && 'bg-brand-50', isSelected && 'font-semibold')
              }
            >
              <span className="block">{o.label}</span>
              {o.description ? <span className="block text-sm text-stone-600">{o.description}</span> : null}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </AriaComboBox>
  );
}
