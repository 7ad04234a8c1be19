import type { Format, Translate } from '@/lib/i18n';
import type { HomeView } from '@/lib/mandates/get-home-view';

/** What every section of "Home and network" is given: the view's data and the person's language. */
export interface SectionProps {
  networkId: string;
  orgId: string;
  view: HomeView;
  t: Translate;
  f: Format;
}

const BUILTIN = new Set(['hours', 'expertise_days', 'contacts', 'space', 'equipment', 'money_eur']);

/** An amount with its unit in the person's language ("7,5 Stunden"). */
export function amountText(t: Translate, n: number, unit: string): string {
  return BUILTIN.has(unit)
    ? t(`cooperation.amount.${unit}`, { amount: n })
    : t('cooperation.amount.custom', { amount: n, unit: unit.replace(/^custom:/, '') });
}

/** A unit's name in the person's language. */
export function unitText(t: Translate, unit: string): string {
  return BUILTIN.has(unit) ? t(`cooperation.unit.${unit}`) : unit.replace(/^custom:/, '');
}
