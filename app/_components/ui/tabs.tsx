'use client';

import type { Key, ReactNode } from 'react';
import { Tab, TabList, TabPanel, Tabs as AriaTabs } from 'react-aria-components';
import { cx } from './cx';

export interface TabItem {
  id: string;
  label: ReactNode;
  content: ReactNode;
}

/**
 * Tabs (React Aria): one tab stop, arrow keys move between tabs, the panel is
 * labelled by its tab. For views of one thing (entries / balances), not for
 * navigation between pages (that is the network navigation).
 */
export function Tabs({
  label,
  items,
  selected,
  onSelectionChange,
  defaultSelected,
}: {
  /** What the tabs choose between, for screen readers. */
  label: string;
  items: TabItem[];
  selected?: string;
  defaultSelected?: string;
  onSelectionChange?: (id: string) => void;
}) {
  return (
    <AriaTabs
      selectedKey={selected}
      defaultSelectedKey={defaultSelected}
      onSelectionChange={(k: Key) => onSelectionChange?.(String(k))}
    >
      <TabList aria-label={label} className="mb-4 flex gap-1 overflow-x-auto border-b border-stone-300">
        {items.map((item) => (
          <Tab
            key={item.id}
            id={item.id}
            className={({ isSelected, isFocusVisible }) =>
              cx(
                '-mb-px shrink-0 cursor-default border-b-2 px-3 py-2 font-medium outline-none',
                isSelected
                  ? 'border-brand-700 text-brand-800'
                  : 'border-transparent text-stone-700 hover:text-stone-900',
                isFocusVisible && 'outline-3 outline-brand-600',
              )
            }
          >
            {item.label}
          </Tab>
        ))}
      </TabList>
      {items.map((item) => (
        <TabPanel key={item.id} id={item.id} className="outline-none focus-visible:outline-3">
          {item.content}
        </TabPanel>
      ))}
    </AriaTabs>
  );
}
