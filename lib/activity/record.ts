import type { Queryable } from '../db/types';
import { CATALOG, type ActivityKind, type ActivityPayload } from './catalog';
import { activityWake, type ActivitySignal } from './wake';

/**
 * The activity log's one writer. Every command calls `record()` inside its
 * transaction, so the change and its row commit together or not at all. The
 * payload is checked against the kind's schema in the catalog
 * (`catalog.ts`); once the transaction has committed, listeners are woken
 * (`wake.ts`): the live feed of every open tab and the realtime server's
 * permission watcher. Nothing secret ever goes into `data`.
 */

/** One activity row as a command hands it over. */
export type ActivityEntry = {
  [K in ActivityKind]: {
    kind: K;
    /** null for rows about a person's own account (no network). */
    networkId: string | null;
    /** null only for rows no person caused (the demo seed). */
    actorId: string | null;
    /** The record the change is about (goal, entry, commitment, organisation, member …). */
    subjectId: string;
    data: ActivityPayload<K>;
    /** When it happened (ms); the command's own clock, so the row and the record agree. Default: now. */
    at?: number;
  };
}[ActivityKind];

export type { ActivityKind } from './catalog';

/** Appends one row to the activity log (inside the command's transaction) and wakes listeners after the commit. */
export async function record(q: Queryable, entry: ActivityEntry): Promise<number> {
  const spec = CATALOG[entry.kind];
  const parsed = spec.payload.safeParse(entry.data);
  if (!parsed.success) {
    // A programming error (the command and its catalog entry disagree), not the person's input.
    throw new Error(`activity ${entry.kind}: payload does not match the catalog: ${parsed.error.message}`);
  }
  const row = await q.get<{ id: number | string }>(
    'INSERT INTO activity (network_id, actor_id, kind, subject_id, data, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id',
    [entry.networkId, entry.actorId, entry.kind, entry.subjectId, JSON.stringify(parsed.data), entry.at ?? Date.now()],
  );
  const signal: ActivitySignal = {
    id: Number(row?.id ?? 0),
    networkId: entry.networkId,
    kind: entry.kind,
    subjectId: entry.subjectId,
    access: spec.access,
  };
  const wake = activityWake();
  if (q.afterCommit) q.afterCommit(() => wake.publish(signal));
  else wake.publish(signal);
  return signal.id;
}
