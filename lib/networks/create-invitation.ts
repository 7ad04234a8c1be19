import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { record } from '../activity/record';
import { newToken } from '../core/tokens';
import { validate } from '../core/validate';
import type { Db } from '../db/types';
import { AppError } from '../errors';
import { translator, type Locale } from '../i18n';
import { enqueueMail } from '../mail/queue';
import { authorizeWith, ORG_ROLES, requireMember, ROLES, type Actor, type Role } from '../policies';

/** How long an invitation link works unless the manager chooses otherwise. */
export const INVITATION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

export const ZCreateInvitation = z.object({
  role: z.enum(ROLES),
  organisationId: z.uuid().nullish(),
  /** When given, the invitation is sent there and only that address may accept it. */
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)).nullish(),
  /** Language of the invitation mail; defaults to the inviter's. */
  locale: z.enum(['en', 'de']).optional(),
  /** Days until it expires (default 14). */
  expiresInDays: z.number().int().min(1).max(90).optional(),
});
export type CreateInvitation = z.input<typeof ZCreateInvitation>;

export interface InvitationOptions {
  /** Base address of the app, for the link (e.g. `http://localhost:3000`). */
  appUrl: string;
  /** For tests of expiry: the current time. */
  now?: number;
}

/** The address a person opens to accept. */
export function invitationLink(appUrl: string, token: string): string {
  return `${appUrl.replace(/\/+$/, '')}/invite/${token}`;
}

/**
 * Invites a person into a role. Network managers invite into any role;
 * representatives of an active organisation invite colleagues of their own
 * organisation (representative or home member) and nobody else (403).
 * Organisation roles need an active organisation of this network; the other
 * roles must not name one (400).
 *
 * Only the token's sha256 is stored; the token comes back once, in `link`.
 * With `email`, the mail with the link is put into the outbox in the same
 * transaction and sent by the job runner (docs/jobs.md): `mailed` is true when
 * it is queued, and it goes out even if this process dies right after the
 * commit. The link works either way.
 */
export async function createInvitation(
  db: Db,
  actor: Actor,
  networkId: string,
  input: CreateInvitation,
  opts: InvitationOptions,
) {
  requireMember(actor, networkId);
  const data = validate(ZCreateInvitation, input);
  const role: Role = data.role;
  const organisationId = data.organisationId ?? null;
  const needsOrg = ORG_ROLES.includes(role);
  if (needsOrg && !organisationId) throw new AppError(400, 'networks.errors.roleNeedsOrganisation');
  if (!needsOrg && organisationId) throw new AppError(400, 'networks.errors.roleWithoutOrganisation');
  authorizeWith(
    actor,
    'invitation.create',
    { type: 'invitation', networkId, role, organisationId },
    'networks.errors.cannotInviteRole',
  );

  const now = opts.now ?? Date.now();
  const expiresAt = now + (data.expiresInDays ? data.expiresInDays * 24 * 60 * 60 * 1000 : INVITATION_TTL_MS);
  const { token, hash } = newToken();
  const id = randomUUID();

  const link = invitationLink(opts.appUrl, token);
  await db.tx(async (q) => {
    const net = await q.get<{ name: string }>('SELECT name FROM networks WHERE id = ?', [networkId]);
    if (!net) throw new AppError(404, 'errors.notFound');
    let orgName: string | null = null;
    if (organisationId) {
      const org = await q.get<{ name: string; status: string }>(
        'SELECT name, status FROM organisations WHERE id = ? AND network_id = ?',
        [organisationId, networkId],
      );
      if (!org) throw new AppError(400, 'networks.errors.unknownOrganisation');
      if (org.status !== 'active') throw new AppError(409, 'networks.errors.organisationNotActive');
      orgName = org.name;
    }
    const inviter = await q.get<{ name: string; locale: string }>('SELECT name, locale FROM users WHERE id = ?', [
      actor.userId,
    ]);
    await q.run(
      `INSERT INTO invitations (id, network_id, token_hash, email, role, organisation_id, created_by, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, networkId, hash, data.email ?? null, role, organisationId, actor.userId, now, expiresAt],
    );
    await record(q, {
      networkId,
      actorId: actor.userId,
      kind: 'invitation.created',
      subjectId: id,
      data: { role, organisationId, byEmail: Boolean(data.email) },
      at: now,
    });
    if (data.email) {
      const locale: Locale = data.locale ?? (inviter?.locale === 'de' ? 'de' : 'en');
      const t = translator(locale);
      const vars = {
        inviter: inviter?.name ?? '',
        network: net.name,
        role: t(`networks.role.${role}`),
        organisation: orgName ?? '',
        link,
        date: new Date(expiresAt).toISOString().slice(0, 10),
      };
      await enqueueMail(
        q,
        {
          to: data.email,
          subject: t('networks.mail.subject', vars),
          text: t(orgName ? 'networks.mail.bodyOrg' : 'networks.mail.body', vars),
        },
        { key: `invitation:${id}`, networkId, now },
      );
    }
  });

  return {
    invitation: { id, networkId, role, organisationId, email: data.email ?? null, createdAt: now, expiresAt },
    token,
    link,
    mailed: Boolean(data.email),
  };
}
