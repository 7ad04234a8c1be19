import crypto from 'node:crypto';
import type { Db, Queryable } from '../db/types';
import { parseDocName, docName as canonicalDocName } from '../docs/names';
import { currentSessionVersion } from '../auth/session-version';
import { AppError } from '../errors';
import { documentAccess } from '../meetings/doc-access';
import { authorize } from '../policies';
import { loadActor } from '../policies/load-actor';
import { TICKET_TTL_MS, type Access } from './protocol';

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

export interface MintedTicket {
  ticket: string;
  doc: string;
  access: Access;
  expiresAt: number;
}

/**
 * Mints a single-use websocket ticket for `userId` and document `input.doc`.
 *
 * Who may call it: any signed-in person; they get a ticket only for a document
 * they may read (`doc.read`), and `access` says whether they may also write.
 * Unknown document names and documents of networks the person is no member of
 * answer 404; members without read access 403. Only the ticket's sha256 is
 * stored; it lives TICKET_TTL_MS and is consumed by the first connect.
 */
export async function mintTicket(
  db: Db,
  userId: string,
  input: { doc: string; now?: number; sessionVersion?: number },
): Promise<MintedTicket> {
  const parsed = parseDocName(input.doc);
  if (!parsed) throw new AppError(404, 'errors.notFound');
  const actor = await loadActor(db, userId, parsed.networkId);
  const decided = await documentAccess(db, actor, parsed);
  // Meeting documents exist only for meetings that exist.
  if (decided === 'unknown') throw new AppError(404, 'errors.notFound');
  if (!decided) authorize(actor, 'doc.read', { type: 'doc', doc: parsed });
  if (!decided) throw new AppError(403, 'errors.forbidden');
  const access: Access = decided;
  const now = input.now ?? Date.now();
  const ticket = crypto.randomBytes(32).toString('base64url');
  const doc = canonicalDocName(parsed);
  const expiresAt = now + TICKET_TTL_MS;
  await db.tx(async (q) => {
    await q.run('DELETE FROM realtime_tickets WHERE expires_at < ?', [now - TICKET_TTL_MS]);
    // The session's version (or, without one, the current): a later sign-out everywhere or password change voids it.
    const sv = input.sessionVersion ?? (await currentSessionVersion(q, userId)) ?? 0;
    await q.run(
      'INSERT INTO realtime_tickets (token_hash, user_id, doc, created_at, expires_at, session_version) VALUES (?, ?, ?, ?, ?, ?)',
      [sha256(ticket), userId, doc, now, expiresAt, sv],
    );
  });
  return { ticket, doc, access, expiresAt };
}

/**
 * Consumes a ticket for document `doc`: returns the user and the session
 * version when the ticket exists, is bound to that document, has not expired,
 * was never used and was minted under the person's current session version;
 * marks it used in the same statement (so two connects cannot both use it).
 * Returns null otherwise. Called by the realtime server at the websocket upgrade.
 */
export async function consumeTicket(
  db: Queryable,
  ticket: string,
  doc: string,
  now = Date.now(),
): Promise<{ userId: string; sessionVersion: number } | null> {
  if (typeof ticket !== 'string' || ticket.length < 16 || ticket.length > 200) return null;
  const row = await db.get<{ user_id: string; session_version: number | string }>(
    `UPDATE realtime_tickets SET used_at = ?
      WHERE token_hash = ? AND doc = ? AND used_at IS NULL AND expires_at > ?
        AND session_version = (SELECT u.session_version FROM users u WHERE u.id = realtime_tickets.user_id)
      RETURNING user_id, session_version`,
    [now, sha256(ticket), doc, now],
  );
  return row ? { userId: row.user_id, sessionVersion: Number(row.session_version) } : null;
}

/** Removes tickets that expired more than a minute ago (housekeeping). */
export async function purgeTickets(db: Queryable, now = Date.now()): Promise<number> {
  const r = await db.run('DELETE FROM realtime_tickets WHERE expires_at < ?', [now - TICKET_TTL_MS]);
  return r.changes;
}
