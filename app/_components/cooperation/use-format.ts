'use client';

import { useI18n } from '@/app/_components/providers';

export interface OrgName {
  id: string;
  name: string;
  /** active, paused or left (left: kept for names in history, never offered as a choice). */
  status?: string;
}

const BUILTIN = new Set(['hours', 'expertise_days', 'contacts', 'space', 'equipment', 'money_eur']);

/**
 * Amounts with their unit, dates and numbers in the person's language:
 * `amount(1, 'hours')` is "1 hour" / "1 Stunde", `amount(7.5, 'hours')`
 * "7.5 hours" / "7,5 Stunden" (ICU plurals in `cooperation.amount.*`).
 */
export function useFormat() {
  const { t, f } = useI18n();
  const unitLabel = (unit: string, labels?: Record<string, string>) =>
    unit.startsWith('custom:') ? (labels?.[unit] ?? unit.slice(7)) : t(`cooperation.unit.${unit}`);
  return {
    amount: (n: number, unit: string, labels?: Record<string, string>) =>
      BUILTIN.has(unit)
        ? t(`cooperation.amount.${unit}`, { amount: n })
        : t('cooperation.amount.custom', { amount: n, unit: unitLabel(unit, labels) }),
    number: f.number,
    unitLabel,
    date: (d: string | null) => f.date(d),
    time: (ms: number) => f.dateTime(ms),
  };
}
