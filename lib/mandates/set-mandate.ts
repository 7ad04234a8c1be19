import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { record } from '../activity/record';
import { today } from '../core/dates';
import { validate } from '../core/validate';
import type { Db, Queryable } from '../db/types';
import { AppError } from '../errors';
import { checkUnitAmount, unitMax } from '../ledger/units';
import { loadOrganisation } from '../networks/load-organisation';
import { mandatePolicy, requireMember, type Actor } from '../policies';
import {
  goalIdsOf,
  limitsOf,
  loadMandate,
  presentMandate,
  ZMandateChange,
  ZMandateFields,
  type Limit,
  type MandateRow,
} from './records';

export const ZCreateMandate = ZMandateFields.extend({
  organisationId: z.uuid(),
  /** One representative; null: all of the organisation's representatives. */
  representativeId: z.uuid().nullable().default(null),
});
export type CreateMandate = z.input<typeof ZCreateMandate>;

export const ZUpdateMandate = ZMandateChange.partial().extend({
  /** The version the change was made on: a change on an older one is a 409 (someone changed it meanwhile). */
  expectedVersion: z.number().int().min(1),
});
export type UpdateMandate = z.input<typeof ZUpdateMandate>;

/** The rules zod cannot see: dates in order, limits that make sense, goals of this network, no overlap. */
async function check(
  q: Queryable,
  networkId: string,
  m: {
    id: string | null;
    organisationId: string;
    representativeId: string | null;
    validFrom: string;
    validUntil: string | null;
    limits: Limit[];
    goalIds: string[];
  },
) {
  if (m.validFrom < '2000-01-01' || m.validFrom > '2100-12-31')
    throw new AppError(400, 'mandates.errors.dateRange', { field: 'validFrom' }, 'validFrom');
  if (m.validUntil !== null && m.validUntil < m.validFrom)
    throw new AppError(400, 'mandates.errors.endsBeforeStart', {}, 'validUntil');
  if (m.validUntil !== null && m.validUntil > '2100-12-31')
    throw new AppError(400, 'mandates.errors.dateRange', { field: 'validUntil' }, 'validUntil');
  const units = new Set<string>();
  for (const [i, l] of m.limits.entries()) {
    if (units.has(l.unit)) throw new AppError(400, 'mandates.errors.unitTwice', { unit: l.unit }, `limits.${i}.unit`);
    units.add(l.unit);
    for (const field of ['perCommitment', 'perPeriod'] as const) {
      const v = l[field];
      if (v === null) continue;
      try {
        await checkUnitAmount(q, networkId, l.unit, v);
      } catch (err) {
        if (err instanceof AppError && err.key === 'cooperation.errors.unknownUnit')
          throw new AppError(400, err.key, err.vars, `limits.${i}.unit`);
        if (err instanceof AppError)
          throw new AppError(
            err.status,
            'mandates.errors.limitAbsurd',
            { max: unitMax(l.unit), ...err.vars, which: field },
            `limits.${i}.${field}`,
          );
        throw err;
      }
    }
    if (l.perCommitment !== null && l.perPeriod !== null && l.perCommitment > l.perPeriod)
      throw new AppError(400, 'mandates.errors.perCommitmentOverPeriod', {}, `limits.${i}.perCommitment`);
  }
  for (const goalId of new Set(m.goalIds)) {
    const g = await q.get('SELECT id FROM goals WHERE id = ? AND network_id = ?', [goalId, networkId]);
    if (!g) throw new AppError(400, 'mandates.errors.unknownGoal', {}, 'goalIds');
  }
  if (m.representativeId) {
    const rep = await q.get(
      `SELECT id FROM memberships WHERE network_id = ? AND user_id = ? AND organisation_id = ?
          AND role = 'representative' AND removed_at IS NULL`,
      [networkId, m.representativeId, m.organisationId],
    );
    if (!rep) throw new AppError(400, 'mandates.errors.notRepresentative', {}, 'representativeId');
  }
  // Two mandates for the same people may not be valid on the same day.
  const others = await q.all<MandateRow>(
    `SELECT * FROM mandates WHERE network_id = ? AND organisation_id = ? AND ${
      m.representativeId ? 'representative_id = ?' : 'representative_id IS NULL'
    }`,
    m.representativeId ? [networkId, m.organisationId, m.representativeId] : [networkId, m.organisationId],
  );
  const end = m.validUntil ?? '9999-12-31';
  const clash = others.find(
    (o) => o.id !== m.id && o.valid_from <= end && (o.valid_until ?? '9999-12-31') >= m.validFrom,
  );
  if (clash)
    throw new AppError(
      409,
      'mandates.errors.overlap',
      { from: clash.valid_from, until: clash.valid_until ?? '–' },
      'validFrom',
    );
}

async function keepVersion(q: Queryable, row: MandateRow, changed: string[], actorId: string, now: number) {
  await q.run(
    'INSERT INTO mandate_versions (mandate_id, version, snapshot, changed, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?)',
    [row.id, row.version, JSON.stringify(presentMandate(row, today(now))), JSON.stringify(changed), actorId, now],
  );
}

/**
 * A home member gives the organisation's representatives (all, or one of
 * them) a mandate. Only home members of that organisation may; a
 * representative cannot widen their own. Refusals write nothing.
 */
export async function createMandate(db: Db, actor: Actor, networkId: string, input: CreateMandate) {
  requireMember(actor, networkId);
  const data = validate(ZCreateMandate, input);
  mandatePolicy.authorize(actor, 'set', { networkId, organisationId: data.organisationId });
  const now = Date.now();
  return db.tx(async (q) => {
    await loadOrganisation(q, networkId, data.organisationId);
    await check(q, networkId, { id: null, ...data });
    const row: MandateRow = {
      id: randomUUID(),
      network_id: networkId,
      organisation_id: data.organisationId,
      representative_id: data.representativeId,
      version: 1,
      valid_from: data.validFrom,
      valid_until: data.validUntil,
      limits: JSON.stringify(data.limits),
      goal_ids: JSON.stringify([...new Set(data.goalIds)]),
      scope_note: data.scopeNote,
      disclosure: data.disclosure,
      covers_gifts: data.coversGifts ? 1 : 0,
      created_by: actor.userId,
      created_at: now,
      updated_by: actor.userId,
      updated_at: now,
    };
    await q.run(
      `INSERT INTO mandates (id, network_id, organisation_id, representative_id, version, valid_from, valid_until, limits,
         goal_ids, scope_note, disclosure, covers_gifts, created_by, created_at, updated_by, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        row.id,
        networkId,
        row.organisation_id,
        row.representative_id,
        1,
        row.valid_from,
        row.valid_until,
        row.limits,
        row.goal_ids,
        row.scope_note,
        row.disclosure,
        row.covers_gifts,
        actor.userId,
        now,
        actor.userId,
        now,
      ],
    );
    await keepVersion(q, row, ['created'], actor.userId, now);
    await record(q, {
      networkId,
      actorId: actor.userId,
      kind: 'mandate.set',
      subjectId: row.id,
      data: {
        organisationId: row.organisation_id,
        version: 1,
        validUntil: row.valid_until,
        forAll: row.representative_id === null,
      },
      at: now,
    });
    return loadMandate(q, networkId, row.id);
  });
}

/** A field as compared for "what changed" (a flag may come back from the database as 1, '1' or true). */
const shown = (k: string, v: unknown) => (k === 'coversGifts' ? String(Number(v)) : String(v));

const FIELDS = {
  validFrom: 'valid_from',
  validUntil: 'valid_until',
  limits: 'limits',
  goalIds: 'goal_ids',
  scopeNote: 'scope_note',
  disclosure: 'disclosure',
  coversGifts: 'covers_gifts',
} as const;

/**
 * A home member changes a mandate (its limits, goals, dates, note,
 * disclosure); ending it early is setting `validUntil`. Every change is a new
 * version; the old one stays in the history with who changed what.
 */
export async function updateMandate(db: Db, actor: Actor, networkId: string, mandateId: string, input: UpdateMandate) {
  requireMember(actor, networkId);
  const data = validate(ZUpdateMandate, input);
  const now = Date.now();
  return db.tx(async (q) => {
    const cur = await loadMandate(q, networkId, mandateId);
    mandatePolicy.authorize(actor, 'set', { networkId, organisationId: cur.organisation_id });
    if (Number(cur.version) !== data.expectedVersion)
      throw new AppError(409, 'mandates.errors.staleVersion', { version: Number(cur.version) });
    const next: MandateRow = {
      ...cur,
      valid_from: data.validFrom ?? cur.valid_from,
      valid_until: data.validUntil === undefined ? cur.valid_until : data.validUntil,
      limits: data.limits ? JSON.stringify(data.limits) : cur.limits,
      goal_ids: data.goalIds ? JSON.stringify([...new Set(data.goalIds)]) : cur.goal_ids,
      scope_note: data.scopeNote ?? cur.scope_note,
      disclosure: data.disclosure ?? cur.disclosure,
      covers_gifts: data.coversGifts === undefined ? Number(cur.covers_gifts) : data.coversGifts ? 1 : 0,
      version: Number(cur.version) + 1,
      updated_by: actor.userId,
      updated_at: now,
    };
    const changed = (Object.keys(FIELDS) as (keyof typeof FIELDS)[]).filter(
      (k) => shown(k, next[FIELDS[k]]) !== shown(k, cur[FIELDS[k]]),
    );
    if (!changed.length) throw new AppError(400, 'mandates.errors.nothingChanged');
    await check(q, networkId, {
      id: cur.id,
      organisationId: cur.organisation_id,
      representativeId: cur.representative_id,
      validFrom: next.valid_from,
      validUntil: next.valid_until,
      limits: limitsOf(next),
      goalIds: goalIdsOf(next),
    });
    const r = await q.run(
      `UPDATE mandates SET valid_from = ?, valid_until = ?, limits = ?, goal_ids = ?, scope_note = ?,
         disclosure = ?, covers_gifts = ?, version = ?, updated_by = ?, updated_at = ? WHERE id = ? AND version = ?`,
      [
        next.valid_from,
        next.valid_until,
        next.limits,
        next.goal_ids,
        next.scope_note,
        next.disclosure,
        next.covers_gifts,
        next.version,
        actor.userId,
        now,
        cur.id,
        cur.version,
      ],
    );
    if (r.changes !== 1) throw new AppError(409, 'mandates.errors.staleVersion', { version: Number(cur.version) });
    await keepVersion(q, next, changed, actor.userId, now);
    await record(q, {
      networkId,
      actorId: actor.userId,
      kind: 'mandate.set',
      subjectId: cur.id,
      data: {
        organisationId: cur.organisation_id,
        version: next.version,
        validUntil: next.valid_until,
        forAll: cur.representative_id === null,
      },
      at: now,
    });
    return loadMandate(q, networkId, cur.id);
  });
}
