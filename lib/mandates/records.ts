import { z } from 'zod';
import { ZDate } from '../core/dates';
import type { Queryable } from '../db/types';
import { AppError } from '../errors';
import { ZAmount, ZUnit, fromMilli } from '../ledger/units';
import { mandatePolicy, type Actor } from '../policies';

/**
 * A mandate (Handlungsspielraum): what the home side of an organisation lets
 * its representatives commit without asking — per unit a maximum per
 * commitment and per month or quarter, the goals it covers (none listed: all),
 * valid from/until, a note on its scope. `representative_id` NULL: it holds
 * for all of the organisation's representatives; a personal mandate of one
 * representative takes precedence over that. The row is the current version;
 * every version is kept whole in `mandate_versions`.
 */

export const PERIODS = ['month', 'quarter'] as const;
export type Period = (typeof PERIODS)[number];
export const DISCLOSURES = ['exists', 'limits'] as const;

export const ZLimit = z
  .object({
    unit: ZUnit,
    /** The most one commitment may carry without asking home (null: no such limit). */
    perCommitment: ZAmount.nullable().default(null),
    /** The most all commitments of one month or quarter may carry together (null: no such limit). */
    perPeriod: ZAmount.nullable().default(null),
    period: z.enum(PERIODS).default('month'),
  })
  .refine((l) => l.perCommitment !== null || l.perPeriod !== null, {
    message: 'mandates.errors.limitNeedsMaximum',
    path: ['perCommitment'],
  });
export type Limit = z.output<typeof ZLimit>;

/** A mandate's fields as a change names them (nothing defaulted: what is not named stays). */
export const ZMandateChange = z.object({
  validFrom: ZDate,
  /** null: until the home side ends it. */
  validUntil: ZDate.nullable(),
  limits: z.array(ZLimit).min(1).max(20),
  /** The goals it covers; empty: every goal of the network. */
  goalIds: z.array(z.uuid()).max(200),
  scopeNote: z.string().trim().max(2000),
  /** What other organisations see: `exists` (that it exists and until when) or `limits` (its limits and goals too). */
  disclosure: z.enum(DISCLOSURES),
  /**
   * The ledger gifts the representatives record for the organisation are held to it too (per entry the maximum
   * per commitment, per period the same maximum for the gifts of that period). Off for every mandate given before.
   */
  coversGifts: z.boolean(),
});

/** A new mandate's fields, with their defaults. */
export const ZMandateFields = ZMandateChange.extend({
  validUntil: ZMandateChange.shape.validUntil.default(null),
  goalIds: ZMandateChange.shape.goalIds.default([]),
  scopeNote: ZMandateChange.shape.scopeNote.default(''),
  disclosure: ZMandateChange.shape.disclosure.default('exists'),
  coversGifts: ZMandateChange.shape.coversGifts.default(false),
});

export interface MandateRow {
  id: string;
  network_id: string;
  organisation_id: string;
  representative_id: string | null;
  version: number;
  valid_from: string;
  valid_until: string | null;
  limits: string;
  goal_ids: string;
  scope_note: string;
  disclosure: string;
  /** 1: ledger gifts are held to it too. */
  covers_gifts: number | string | boolean;
  created_by: string;
  created_at: number | string;
  updated_by: string;
  updated_at: number | string;
  representative_name?: string | null;
  updated_by_name?: string | null;
}

const ZStoredLimits = z.array(
  z.object({
    unit: z.string(),
    perCommitment: z.number().nullable(),
    perPeriod: z.number().nullable(),
    period: z.enum(PERIODS),
  }),
);

export const limitsOf = (r: MandateRow): Limit[] => ZStoredLimits.parse(JSON.parse(r.limits));
export const goalIdsOf = (r: MandateRow): string[] => z.array(z.string()).parse(JSON.parse(r.goal_ids));

/** Are the ledger gifts held to this mandate too? */
export const coversGifts = (r: Pick<MandateRow, 'covers_gifts'>) =>
  Number(r.covers_gifts ?? 0) === 1 || r.covers_gifts === true;

/** Valid on this calendar day? */
export const validOn = (r: Pick<MandateRow, 'valid_from' | 'valid_until'>, day: string) =>
  r.valid_from <= day && (r.valid_until === null || r.valid_until >= day);

/** The whole mandate, as its organisation's people (and, when disclosed, everyone) see it. */
export function presentMandate(r: MandateRow, day: string) {
  return {
    id: r.id,
    networkId: r.network_id,
    organisationId: r.organisation_id,
    /** null: all of the organisation's representatives. */
    representativeId: r.representative_id,
    representativeName: r.representative_name ?? null,
    version: Number(r.version),
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    state: validOn(r, day) ? 'valid' : r.valid_from > day ? 'upcoming' : 'expired',
    limits: limitsOf(r),
    goalIds: goalIdsOf(r),
    scopeNote: r.scope_note,
    disclosure: r.disclosure as (typeof DISCLOSURES)[number],
    coversGifts: coversGifts(r),
    updatedBy: r.updated_by,
    updatedByName: r.updated_by_name ?? null,
    updatedAt: Number(r.updated_at),
    createdAt: Number(r.created_at),
  };
}
export type Mandate = ReturnType<typeof presentMandate>;

/**
 * The mandate as the actor may see it: whole for the organisation's own people
 * (or when the home side disclosed its limits), otherwise only that it exists,
 * for whom and until when. Withheld fields are left out, not emptied.
 */
export function presentMandateFor(actor: Actor, r: MandateRow, day: string) {
  const whole = presentMandate(r, day);
  const record = { networkId: r.network_id, organisationId: r.organisation_id, disclosure: r.disclosure };
  const abilities = mandatePolicy.abilities(actor, record);
  if (mandatePolicy.can(actor, 'readHome', record)) return { ...whole, abilities };
  const seen = {
    id: whole.id,
    networkId: whole.networkId,
    organisationId: whole.organisationId,
    forAll: whole.representativeId === null,
    validFrom: whole.validFrom,
    validUntil: whole.validUntil,
    state: whole.state,
    disclosure: whole.disclosure,
    abilities,
  };
  if (!abilities.readLimits) return seen;
  return { ...seen, limits: whole.limits, goalIds: whole.goalIds, coversGifts: whole.coversGifts };
}
export type VisibleMandate = ReturnType<typeof presentMandateFor>;

export const MANDATE_SELECT = `SELECT m.*, r.name AS representative_name, ub.name AS updated_by_name
  FROM mandates m LEFT JOIN users r ON r.id = m.representative_id LEFT JOIN users ub ON ub.id = m.updated_by`;

/** The mandate in this network, or 404. */
export async function loadMandate(q: Queryable, networkId: string, id: string): Promise<MandateRow> {
  const row = z.uuid().safeParse(id).success
    ? await q.get<MandateRow>(`${MANDATE_SELECT} WHERE m.id = ? AND m.network_id = ?`, [id, networkId])
    : undefined;
  if (!row) throw new AppError(404, 'mandates.errors.notFound');
  return row;
}

/** Every mandate of one organisation (current versions), newest first. */
export async function mandatesOf(q: Queryable, networkId: string, organisationId: string): Promise<MandateRow[]> {
  return q.all<MandateRow>(
    `${MANDATE_SELECT} WHERE m.network_id = ? AND m.organisation_id = ? ORDER BY m.valid_from DESC, m.created_at DESC`,
    [networkId, organisationId],
  );
}

/** An amount as the API shows it. */
export const amountOf = (milli: number | string | null | undefined) => fromMilli(milli);
