import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/types';
import { AppError } from '../errors';
import { authorize, ForbiddenError, type Action, type Actor, type Subject } from '../policies';

/**
 * Pieces every networks command shares: the activity log, invitation tokens
 * and organisation name keys.
 */

/** Activity kinds written by the networks commands (the realtime server watches some of them). */
export type ActivityKind =
  | 'network.created'
  | 'network.updated'
  | 'organisation.created'
  | 'organisation.updated'
  | 'organisation.status_changed'
  | 'invitation.created'
  | 'invitation.revoked'
  | 'invitation.accepted'
  | 'member.joined'
  | 'member.removed'
  | 'member.role_changed';

/** Appends one row to the activity log (inside the command's transaction). */
export async function recordActivity(
  q: Queryable,
  a: {
    networkId: string;
    actorId: string;
    kind: ActivityKind;
    subjectId: string;
    data?: Record<string, unknown>;
    at?: number;
  },
): Promise<void> {
  await q.run(
    'INSERT INTO activity (network_id, actor_id, kind, subject_id, data, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    [a.networkId, a.actorId, a.kind, a.subjectId, JSON.stringify(a.data ?? {}), a.at ?? Date.now()],
  );
}

/** Case- and space-insensitive key that makes organisation names unique per network. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').trim().toLocaleLowerCase('de').replace(/\s+/g, ' ');
}

/** A fresh invitation token (shown once) and the hash we store. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Members of the network may learn that a thing exists; everyone else gets
 * "not found". Call before any check that would reveal something.
 */
export function requireMember(actor: Actor, networkId: string): void {
  authorize(actor, 'network.read', { type: 'network', networkId });
}

/** Like `authorize`, but a member who may not gets a specific message (403) instead of the generic one. */
export function authorizeWith(actor: Actor, action: Action, subject: Subject, key: string): void {
  try {
    authorize(actor, action, subject);
  } catch (err) {
    if (err instanceof ForbiddenError && !err.notFound) throw new AppError(403, key);
    throw err;
  }
}

export const INVITATION_TTL_MS = 14 * 24 * 60 * 60 * 1000;
