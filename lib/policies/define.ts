import { liveMembership, type Actor, type ActorMembership } from './actor';

/**
 * How a subject's policy is written: one entry per action, each rule once.
 * The same entry answers the server's check (`can`, `authorize`), the
 * per-record abilities sent to the client, and the permission matrix in
 * docs/permissions.md (`npm run docs:permissions`).
 */
export interface ActionRule<R> {
  /** Who may, in one sentence (English; it is written into docs/permissions.md). */
  who: string;
  /** The rule, given the actor's live membership in the record's network (never called without one). */
  allow: (m: ActorMembership, record: R, actor: Actor) => boolean;
  /**
   * Whether the record's state still offers the action at all (a pending
   * entry can be confirmed, a confirmed one not). Only the abilities ask it:
   * the command answers a state that does not allow the move with 409.
   */
  when?: (record: R) => boolean;
  /**
   * How a member who may not is answered: 403 (default); 404 when the record
   * is not theirs to know of; `hidden` when the API leaves it (or a field of
   * it) out of what it returns; `read-only` when a document opens for reading
   * only. A function when it depends on the record.
   */
  refusal?: Refusal | ((record: R) => Refusal);
}

export type Refusal = 403 | 404 | 'hidden' | 'read-only';

/** The refusal a member gets for this action on this record. */
export function refusalOf<R>(rule: ActionRule<R>, record: R): Refusal {
  const r = rule.refusal ?? 403;
  return typeof r === 'function' ? r(record) : r;
}

export interface PolicyDefinition<R, A extends string> {
  /** The subject's name in the matrix, e.g. `ledgerEntry`. */
  subject: string;
  /** What a record of this subject is, in one line (docs). */
  describe: string;
  /** The network a record belongs to (membership there is what counts). */
  networkOf: (record: R) => string;
  actions: Record<A, ActionRule<R>>;
}

/** Thrown by `authorize`; route handlers answer 404 (not a member, or a 404-refusal) or 403. */
export class ForbiddenError extends Error {
  constructor(
    readonly action: string,
    /** True when the actor is no member of the network at all: answer as if it did not exist. */
    readonly notFound: boolean,
  ) {
    super(notFound ? 'not_found' : 'forbidden');
  }
}

export interface Policy<R, A extends string> extends PolicyDefinition<R, A> {
  /** The action names, in the order they are written. */
  actionNames: readonly A[];
  /** May the actor do `action` to `record`? (The rule only; the record's state is the command's business.) */
  can(actor: Actor | null, action: A, record: R): boolean;
  /** Like `can`, but throws ForbiddenError (404 for non-members and 404-refusals, else 403). */
  authorize(actor: Actor | null, action: A, record: R): void;
  /** Every action, asked for this record and its state: what the client may offer. */
  abilities(actor: Actor | null, record: R): Record<A, boolean>;
  /** The record with its abilities, as the API returns it. */
  present<T extends R>(actor: Actor | null, record: T): T & { abilities: Record<A, boolean> };
}

export function definePolicy<R, A extends string>(def: PolicyDefinition<R, A>): Policy<R, A> {
  const actionNames = Object.keys(def.actions) as A[];
  const can = (actor: Actor | null, action: A, record: R): boolean => {
    const m = liveMembership(actor, def.networkOf(record));
    return !!m && !!actor && def.actions[action].allow(m, record, actor);
  };
  const abilities = (actor: Actor | null, record: R) =>
    Object.fromEntries(
      actionNames.map((a) => [a, can(actor, a, record) && (def.actions[a].when?.(record) ?? true)]),
    ) as Record<A, boolean>;
  return {
    ...def,
    actionNames,
    can,
    authorize(actor, action, record) {
      if (can(actor, action, record)) return;
      const member = liveMembership(actor, def.networkOf(record)) !== null;
      throw new ForbiddenError(`${def.subject}.${action}`, !member || refusalOf(def.actions[action], record) === 404);
    },
    abilities,
    present: (actor, record) => ({ ...record, abilities: abilities(actor, record) }),
  };
}

/** The abilities a policy sends with each record. */
export type AbilitiesOf<P> = P extends Policy<infer _R, infer A> ? Record<A, boolean> : never;
