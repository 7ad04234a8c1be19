import { z } from 'zod';
import type { Queryable } from '../db/types';
import { AppError } from '../errors';

/**
 * Units and amounts of the give-and-take ledger, also used by commitments
 * (an organisation commits an amount of a unit and delivers it with ledger
 * entries). Amounts are stored as thousandths (`amount_milli`).
 */

export const BUILTIN_UNITS = ['hours', 'expertise_days', 'contacts', 'space', 'equipment', 'money_eur'] as const;
export type BuiltinUnit = (typeof BUILTIN_UNITS)[number];

/** The largest amount one entry or commitment may carry, per unit: anything above is a typo, not a contribution. */
export const MAX_AMOUNT: Record<BuiltinUnit | 'custom', number> = {
  hours: 10_000,
  expertise_days: 1_000,
  contacts: 10_000,
  space: 10_000,
  equipment: 10_000,
  money_eur: 10_000_000,
  custom: 1_000_000,
};

/** A built-in unit or a network's own (`custom:<slug>`, see define-unit.ts). */
export const ZUnit = z.string().trim().min(1).max(80);

/** A positive amount with at most three decimals (stored as thousandths). */
export const ZAmount = z
  .number()
  .finite()
  .positive()
  .refine((n) => Math.abs(Math.round(n * 1000) - n * 1000) < 1e-6, { message: 'max. 3 decimals' });

/** An amount as stored (thousandths), and back. */
export const toMilli = (n: number) => Math.round(n * 1000);
export const fromMilli = (n: number | string | null | undefined) => Number(n ?? 0) / 1000;

/** Checks that a unit exists for the network and the amount is sensible for it. */
/** The largest amount one entry or limit may carry in this unit (a network's own units: the custom maximum). */
export const unitMax = (unit: string): number =>
  (BUILTIN_UNITS as readonly string[]).includes(unit) ? MAX_AMOUNT[unit as BuiltinUnit] : MAX_AMOUNT.custom;

export async function checkUnitAmount(q: Queryable, networkId: string, unit: string, amount: number): Promise<void> {
  let max: number;
  if ((BUILTIN_UNITS as readonly string[]).includes(unit)) {
    max = MAX_AMOUNT[unit as BuiltinUnit];
  } else {
    const row = await q.get('SELECT unit_key FROM network_units WHERE network_id = ? AND unit_key = ?', [
      networkId,
      unit,
    ]);
    if (!row) throw new AppError(400, 'cooperation.errors.unknownUnit', { unit });
    max = MAX_AMOUNT.custom;
  }
  if (!(amount > 0)) throw new AppError(400, 'cooperation.errors.amountPositive');
  if (amount > max) throw new AppError(400, 'cooperation.errors.amountTooLarge', { max });
}
