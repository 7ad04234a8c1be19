import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db';
import type { Mail } from '@/lib/mail';
import {
  acceptInvitation,
  changeMemberRole,
  createInvitation,
  createNetwork,
  createOrganisation,
  getNetworkHome,
  listInvitations,
  listMembers,
  listMyNetworks,
  previewInvitation,
  removeMember,
  revokeInvitation,
  setOrganisationStatus,
  updateOrganisation,
} from '@/lib/networks';
import { can } from '@/lib/policies';
import { loadActor } from '@/lib/policies/load-actor';
import { AppError } from '@/lib/errors';
import { ForbiddenError } from '@/lib/policies';
import { available, freshPostgres, freshSqlite } from '../helpers/services';

type Fresh = Db & { drop(): Promise<void> };
const APP = 'http://app.test';

/** Resolves to the AppError/ForbiddenError a promise rejects with (fails if it resolves). */
async function refusal(p: Promise<unknown>): Promise<{ status: number; key: string }> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return { status: err.status, key: err.key };
    if (err instanceof ForbiddenError)
      return { status: err.notFound ? 404 : 403, key: err.notFound ? 'errors.notFound' : 'errors.forbidden' };
    throw err;
  }
  throw new Error('expected a refusal, but the command succeeded');
}

/**
 * The networks commands' contract, run on every database we support: the
 * same behaviour, the same refusals, the same activity rows.
 */
function networksContract(name: string, open: () => Promise<Fresh>) {
  describe(`networks on ${name}`, () => {
    let db: Fresh;
    /** The mails the commands put into the outbox (the job runner sends them; tests/jobs). */
    const queuedMails = async (networkId: string) =>
      (
        await db.all<{ payload: string; idempotency_key: string }>(
          "SELECT payload, idempotency_key FROM jobs WHERE kind = 'mail.send' AND network_id = ? ORDER BY created_at",
          [networkId],
        )
      ).map((r) => ({ ...(JSON.parse(r.payload) as Mail), key: r.idempotency_key }));

    beforeAll(async () => {
      db = await open();
    });
    afterAll(async () => {
      await db?.drop();
    });

    async function user(label: string, locale = 'en') {
      const id = randomUUID();
      const email = `${label}-${id.slice(0, 8)}@example.org`;
      await db.run('INSERT INTO users (id, email, name, password_hash, locale, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
        id,
        email,
        label,
        'x',
        locale,
        Date.now(),
      ]);
      return { id, email };
    }
    const actor = (userId: string, networkId: string) => loadActor(db, userId, networkId);
    const count = async (sql: string, params: string[]) => Number((await db.get<{ n: number }>(sql, params))?.n);
    const activity = (networkId: string) =>
      db.all<{ kind: string; subject_id: string; actor_id: string }>(
        'SELECT kind, subject_id, actor_id FROM activity WHERE network_id = ? ORDER BY id',
        [networkId],
      );

    /** A network with a manager and one organisation. */
    async function setup() {
      const manager = await user('manager');
      const net = await createNetwork(
        db,
        { userId: manager.id, membership: null },
        { name: 'Klimabündnis', purpose: 'Together' },
      );
      const org = await createOrganisation(db, await actor(manager.id, net.id), net.id, {
        name: 'Green Hands',
        kind: 'ngo',
      });
      return { manager, net, org };
    }

    /** Invites a fresh person into a role and lets them accept. */
    async function join(
      networkId: string,
      inviterId: string,
      role: 'representative' | 'home_member' | 'observer' | 'adviser' | 'manager',
      organisationId: string | null,
      label: string = role,
    ) {
      const person = await user(label);
      const inv = await createInvitation(
        db,
        await actor(inviterId, networkId),
        networkId,
        { role, organisationId },
        { appUrl: APP },
      );
      await acceptInvitation(db, { userId: person.id, membership: null }, inv.token);
      return person;
    }

    it('creating a network makes its creator a network manager', async () => {
      const creator = await user('creator');
      const net = await createNetwork(
        db,
        { userId: creator.id, membership: null },
        { name: '  Netz Süd ', purpose: 'Bildung' },
      );
      const a = await actor(creator.id, net.id);
      expect(a.membership?.role).toBe('manager');
      expect(a.membership?.organisationId).toBeNull();
      const mine = await listMyNetworks(db, creator.id);
      expect(mine).toEqual([
        expect.objectContaining({ id: net.id, name: 'Netz Süd', purpose: 'Bildung', role: 'manager' }),
      ]);
      expect((await activity(net.id)).map((r) => r.kind)).toEqual(['network.created', 'member.joined']);
    });

    it('a network name that is too short is refused and nothing is written', async () => {
      const creator = await user('short');
      const before = await count('SELECT COUNT(*) AS n FROM networks', []);
      expect(await refusal(createNetwork(db, { userId: creator.id, membership: null }, { name: 'x' }))).toMatchObject({
        status: 400,
      });
      expect(await count('SELECT COUNT(*) AS n FROM networks', [])).toBe(before);
    });

    it('organisations are added with a kind, and a duplicate name (any case or spacing) is refused with nothing written', async () => {
      const { manager, net, org } = await setup();
      expect(org.status).toBe('active');
      const a = await actor(manager.id, net.id);
      const acts = (await activity(net.id)).length;
      const r = await refusal(createOrganisation(db, a, net.id, { name: '  green   HANDS ', kind: 'company' }));
      expect(r).toEqual({ status: 409, key: 'networks.errors.duplicateOrganisation' });
      expect(await count('SELECT COUNT(*) AS n FROM organisations WHERE network_id = ?', [net.id])).toBe(1);
      expect((await activity(net.id)).length).toBe(acts);
      // Renaming into an existing name is refused the same way.
      const other = await createOrganisation(db, a, net.id, {
        name: 'Blue Hands',
        kind: 'cluster',
        website: 'https://blue.example',
      });
      expect(await refusal(updateOrganisation(db, a, net.id, other.id, { name: 'GREEN hands' }))).toMatchObject({
        status: 409,
      });
      expect(
        await refusal(
          createOrganisation(db, a, net.id, { name: 'Bad link', kind: 'ngo', website: 'javascript:alert(1)' }),
        ),
      ).toMatchObject({ status: 400 });
      const kinds = (await activity(net.id)).map((x) => x.kind);
      expect(kinds.filter((k) => k === 'organisation.created')).toHaveLength(2);
      // The same name is fine in another network.
      const { org: again } = await setup();
      expect(again.name).toBe('Green Hands');
    });

    it('only network managers add organisations; a stranger is told the network does not exist', async () => {
      const { manager, net, org } = await setup();
      const rep = await join(net.id, manager.id, 'representative', org.id);
      expect(
        await refusal(createOrganisation(db, await actor(rep.id, net.id), net.id, { name: 'Mine', kind: 'ngo' })),
      ).toMatchObject({ status: 403 });
      const stranger = await user('stranger');
      expect(
        await refusal(createOrganisation(db, await actor(stranger.id, net.id), net.id, { name: 'Mine', kind: 'ngo' })),
      ).toMatchObject({ status: 404 });
      expect(await refusal(getNetworkHome(db, await actor(stranger.id, net.id), net.id))).toMatchObject({
        status: 404,
      });
    });

    it('an invitation is accepted once: the second accept is refused', async () => {
      const { manager, net, org } = await setup();
      const inv = await createInvitation(
        db,
        await actor(manager.id, net.id),
        net.id,
        { role: 'representative', organisationId: org.id },
        { appUrl: APP },
      );
      expect(inv.link).toBe(`${APP}/invite/${inv.token}`);
      // Only the hash is stored.
      const stored = await db.get<{ token_hash: string }>('SELECT token_hash FROM invitations WHERE id = ?', [
        inv.invitation.id,
      ]);
      expect(stored?.token_hash).not.toContain(inv.token);
      expect(stored?.token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(await previewInvitation(db, inv.token)).toMatchObject({
        state: 'pending',
        networkName: 'Klimabündnis',
        role: 'representative',
        organisationName: 'Green Hands',
        inviterName: 'manager',
      });

      const first = await user('first');
      const joined = await acceptInvitation(db, { userId: first.id, membership: null }, inv.token);
      expect(joined).toEqual({ networkId: net.id, role: 'representative', organisationId: org.id });
      const a = await actor(first.id, net.id);
      expect(a.membership).toMatchObject({
        role: 'representative',
        organisationId: org.id,
        organisationStatus: 'active',
      });

      const second = await user('second');
      expect(await refusal(acceptInvitation(db, { userId: second.id, membership: null }, inv.token))).toEqual({
        status: 409,
        key: 'networks.errors.invitationUsed',
      });
      expect((await actor(second.id, net.id)).membership).toBeNull();
      expect((await previewInvitation(db, inv.token))?.state).toBe('used');
      const kinds = (await activity(net.id)).map((r) => r.kind);
      expect(kinds.slice(-3)).toEqual(['invitation.created', 'invitation.accepted', 'member.joined']);
      const joinedRow = (await activity(net.id)).at(-1);
      expect(joinedRow).toMatchObject({ kind: 'member.joined', subject_id: first.id });
    });

    it('an expired invitation is refused (410) and creates no membership', async () => {
      const { manager, net } = await setup();
      const past = Date.now() - 15 * 24 * 60 * 60 * 1000;
      const inv = await createInvitation(
        db,
        await actor(manager.id, net.id),
        net.id,
        { role: 'observer' },
        { appUrl: APP, now: past },
      );
      const late = await user('late');
      expect(await refusal(acceptInvitation(db, { userId: late.id, membership: null }, inv.token))).toEqual({
        status: 410,
        key: 'networks.errors.invitationExpired',
      });
      expect((await actor(late.id, net.id)).membership).toBeNull();
      expect((await previewInvitation(db, inv.token))?.state).toBe('expired');
    });

    it('a revoked invitation is refused (410); revoking twice is refused too', async () => {
      const { manager, net } = await setup();
      const a = await actor(manager.id, net.id);
      const inv = await createInvitation(db, a, net.id, { role: 'adviser' }, { appUrl: APP });
      await revokeInvitation(db, a, net.id, inv.invitation.id);
      const who = await user('who');
      expect(await refusal(acceptInvitation(db, { userId: who.id, membership: null }, inv.token))).toEqual({
        status: 410,
        key: 'networks.errors.invitationRevoked',
      });
      expect(await refusal(revokeInvitation(db, a, net.id, inv.invitation.id))).toMatchObject({ status: 410 });
      expect((await activity(net.id)).map((r) => r.kind).slice(-2)).toEqual([
        'invitation.created',
        'invitation.revoked',
      ]);
      expect((await listInvitations(db, a, net.id))[0]).toMatchObject({ id: inv.invitation.id, state: 'revoked' });
    });

    it('an unknown token is refused as not found', async () => {
      const who = await user('nobody');
      expect(await refusal(acceptInvitation(db, { userId: who.id, membership: null }, 'x'.repeat(43)))).toEqual({
        status: 404,
        key: 'networks.errors.invitationNotFound',
      });
      expect(await previewInvitation(db, 'x'.repeat(43))).toBeNull();
    });

    it('an email invitation is mailed with the link and may only be accepted by that address', async () => {
      const { manager, net } = await setup();
      const invitee = await user('invitee');
      const inv = await createInvitation(
        db,
        await actor(manager.id, net.id),
        net.id,
        { role: 'observer', email: invitee.email.toUpperCase(), locale: 'de' },
        { appUrl: APP },
      );
      expect(inv.mailed).toBe(true);
      const mails = await queuedMails(net.id);
      expect(mails).toHaveLength(1);
      expect(mails[0].key).toBe(`mail:invitation:${inv.invitation.id}`);
      expect(mails[0].to).toBe(invitee.email);
      expect(mails[0].text).toContain(inv.link);
      expect(mails[0].subject).toContain('lädt Sie');
      const other = await user('other');
      expect(await refusal(acceptInvitation(db, { userId: other.id, membership: null }, inv.token))).toEqual({
        status: 403,
        key: 'networks.errors.wrongEmail',
      });
      expect((await actor(other.id, net.id)).membership).toBeNull();
      await acceptInvitation(db, { userId: invitee.id, membership: null }, inv.token);
      expect((await actor(invitee.id, net.id)).membership?.role).toBe('observer');
    });

    it('role and organisation must fit together', async () => {
      const { manager, net, org } = await setup();
      const a = await actor(manager.id, net.id);
      expect(await refusal(createInvitation(db, a, net.id, { role: 'representative' }, { appUrl: APP }))).toEqual({
        status: 400,
        key: 'networks.errors.roleNeedsOrganisation',
      });
      expect(
        await refusal(createInvitation(db, a, net.id, { role: 'observer', organisationId: org.id }, { appUrl: APP })),
      ).toEqual({ status: 400, key: 'networks.errors.roleWithoutOrganisation' });
      expect(
        await refusal(
          createInvitation(db, a, net.id, { role: 'representative', organisationId: randomUUID() }, { appUrl: APP }),
        ),
      ).toEqual({ status: 400, key: 'networks.errors.unknownOrganisation' });
      const { org: foreign } = await setup();
      expect(
        await refusal(
          createInvitation(db, a, net.id, { role: 'home_member', organisationId: foreign.id }, { appUrl: APP }),
        ),
      ).toEqual({ status: 400, key: 'networks.errors.unknownOrganisation' });
    });

    it('a representative invites colleagues of their own organisation but not a network manager', async () => {
      const { manager, net, org } = await setup();
      const other = await createOrganisation(db, await actor(manager.id, net.id), net.id, {
        name: 'Other Org',
        kind: 'public',
      });
      const rep = await join(net.id, manager.id, 'representative', org.id);
      const ra = await actor(rep.id, net.id);
      expect(await refusal(createInvitation(db, ra, net.id, { role: 'manager' }, { appUrl: APP }))).toEqual({
        status: 403,
        key: 'networks.errors.cannotInviteRole',
      });
      expect(
        await refusal(
          createInvitation(db, ra, net.id, { role: 'representative', organisationId: other.id }, { appUrl: APP }),
        ),
      ).toMatchObject({ status: 403 });
      const ok = await createInvitation(
        db,
        ra,
        net.id,
        { role: 'home_member', organisationId: org.id },
        { appUrl: APP },
      );
      // Representatives see only the invitations they created; managers see all.
      expect((await listInvitations(db, ra, net.id)).map((i) => i.id)).toEqual([ok.invitation.id]);
      expect((await listInvitations(db, await actor(manager.id, net.id), net.id)).length).toBeGreaterThan(1);
      // A home member may not invite at all.
      const home = await join(net.id, rep.id, 'home_member', org.id);
      expect(
        await refusal(
          createInvitation(
            db,
            await actor(home.id, net.id),
            net.id,
            { role: 'home_member', organisationId: org.id },
            { appUrl: APP },
          ),
        ),
      ).toMatchObject({ status: 403 });
    });

    it('managers change roles; others may not; the last manager cannot be demoted', async () => {
      const { manager, net, org } = await setup();
      const ma = await actor(manager.id, net.id);
      const rep = await join(net.id, manager.id, 'representative', org.id);
      expect(
        await refusal(changeMemberRole(db, await actor(rep.id, net.id), net.id, manager.id, { role: 'observer' })),
      ).toMatchObject({ status: 403 });
      expect(await refusal(changeMemberRole(db, ma, net.id, manager.id, { role: 'observer' }))).toEqual({
        status: 409,
        key: 'networks.errors.lastManager',
      });
      expect((await actor(manager.id, net.id)).membership?.role).toBe('manager');
      expect(
        await refusal(changeMemberRole(db, ma, net.id, rep.id, { role: 'manager', organisationId: org.id })),
      ).toMatchObject({ status: 400 });

      await changeMemberRole(db, ma, net.id, rep.id, { role: 'manager' });
      expect((await actor(rep.id, net.id)).membership).toMatchObject({ role: 'manager', organisationId: null });
      const last = (await activity(net.id)).at(-1);
      expect(last).toMatchObject({ kind: 'member.role_changed', subject_id: rep.id, actor_id: manager.id });
      // Now there are two managers: the first may step down.
      await changeMemberRole(db, ma, net.id, manager.id, { role: 'home_member', organisationId: org.id });
      expect((await actor(manager.id, net.id)).membership).toMatchObject({
        role: 'home_member',
        organisationId: org.id,
      });
    });

    it('a removed member loses access at once, the row stays, and they can be re-invited', async () => {
      const { manager, net, org } = await setup();
      const ma = await actor(manager.id, net.id);
      const rep = await join(net.id, manager.id, 'representative', org.id);
      expect(await refusal(removeMember(db, await actor(rep.id, net.id), net.id, manager.id))).toMatchObject({
        status: 403,
      });
      await removeMember(db, ma, net.id, rep.id);
      const gone = await actor(rep.id, net.id);
      expect(gone.membership).toBeNull();
      expect(can(gone, 'network.read', { type: 'network', networkId: net.id })).toBe(false);
      expect(await refusal(getNetworkHome(db, gone, net.id))).toMatchObject({ status: 404 });
      expect(
        await count(
          'SELECT COUNT(*) AS n FROM memberships WHERE network_id = ? AND user_id = ? AND removed_at IS NOT NULL',
          [net.id, rep.id],
        ),
      ).toBe(1);
      expect((await activity(net.id)).at(-1)).toMatchObject({ kind: 'member.removed', subject_id: rep.id });
      expect((await listMembers(db, ma, net.id)).map((p) => p.userId)).not.toContain(rep.id);
      expect(await refusal(removeMember(db, ma, net.id, rep.id))).toMatchObject({ status: 404 });

      // Re-invited: the same row comes back with the new role.
      const inv = await createInvitation(db, ma, net.id, { role: 'observer' }, { appUrl: APP });
      await acceptInvitation(db, { userId: rep.id, membership: null }, inv.token);
      expect((await actor(rep.id, net.id)).membership).toMatchObject({ role: 'observer', organisationId: null });
      expect(
        await count('SELECT COUNT(*) AS n FROM memberships WHERE network_id = ? AND user_id = ?', [net.id, rep.id]),
      ).toBe(1);
    });

    it('two people accepting the same invitation at once: exactly one gets in', async () => {
      const { manager, net } = await setup();
      const inv = await createInvitation(
        db,
        await actor(manager.id, net.id),
        net.id,
        { role: 'observer' },
        { appUrl: APP },
      );
      const [x, y] = [await user('x'), await user('y')];
      const results = await Promise.allSettled([
        acceptInvitation(db, { userId: x.id, membership: null }, inv.token),
        acceptInvitation(db, { userId: y.id, membership: null }, inv.token),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(rejected.reason).toBeInstanceOf(AppError);
      expect((rejected.reason as AppError).status).toBe(409);
      const members = [(await actor(x.id, net.id)).membership, (await actor(y.id, net.id)).membership].filter(Boolean);
      expect(members).toHaveLength(1);
    });

    it('two managers removing each other at the same moment leave one manager', async () => {
      const { manager, net } = await setup();
      const second = await join(net.id, manager.id, 'manager', null, 'second');
      const [a1, a2] = [await actor(manager.id, net.id), await actor(second.id, net.id)];
      const results = await Promise.allSettled([
        removeMember(db, a1, net.id, second.id),
        removeMember(db, a2, net.id, manager.id),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const left = await count(
        `SELECT COUNT(*) AS n FROM memberships WHERE network_id = ? AND role = 'manager' AND removed_at IS NULL`,
        [net.id],
      );
      expect(left).toBe(1);
    });

    it('an invitation into an organisation that paused meanwhile cannot be accepted', async () => {
      const { manager, net, org } = await setup();
      const ma = await actor(manager.id, net.id);
      const inv = await createInvitation(
        db,
        ma,
        net.id,
        { role: 'home_member', organisationId: org.id },
        { appUrl: APP },
      );
      await setOrganisationStatus(db, ma, net.id, org.id, { status: 'paused' });
      const late = await user('late-joiner');
      expect(await refusal(acceptInvitation(db, { userId: late.id, membership: null }, inv.token))).toEqual({
        status: 409,
        key: 'networks.errors.organisationNotActive',
      });
      expect((await actor(late.id, net.id)).membership).toBeNull();
      expect((await previewInvitation(db, inv.token))?.state).toBe('pending');
    });

    it('a person whose organisation left can be invited again for another organisation, on the same row', async () => {
      const { manager, net, org } = await setup();
      const ma = await actor(manager.id, net.id);
      const other = await createOrganisation(db, ma, net.id, { name: 'New Home', kind: 'nonprofit' });
      const rep = await join(net.id, manager.id, 'representative', org.id);
      await setOrganisationStatus(db, ma, net.id, org.id, { status: 'left' });
      expect((await actor(rep.id, net.id)).membership?.organisationStatus).toBe('left');
      const inv = await createInvitation(
        db,
        ma,
        net.id,
        { role: 'representative', organisationId: other.id },
        { appUrl: APP },
      );
      await acceptInvitation(db, { userId: rep.id, membership: null }, inv.token);
      expect((await actor(rep.id, net.id)).membership).toMatchObject({
        role: 'representative',
        organisationId: other.id,
        organisationStatus: 'active',
      });
      expect(
        await count('SELECT COUNT(*) AS n FROM memberships WHERE network_id = ? AND user_id = ?', [net.id, rep.id]),
      ).toBe(1);
      // An active member cannot accept a second invitation.
      const again = await createInvitation(db, ma, net.id, { role: 'observer' }, { appUrl: APP });
      expect(await refusal(acceptInvitation(db, { userId: rep.id, membership: null }, again.token))).toEqual({
        status: 409,
        key: 'networks.errors.alreadyMember',
      });
    });

    it('the last network manager cannot be removed', async () => {
      const { manager, net } = await setup();
      expect(await refusal(removeMember(db, await actor(manager.id, net.id), net.id, manager.id))).toEqual({
        status: 409,
        key: 'networks.errors.lastManager',
      });
      expect((await actor(manager.id, net.id)).membership?.role).toBe('manager');
    });

    it('an organisation pauses and resumes; after leaving, its people lose read access and its history stays', async () => {
      const { manager, net, org } = await setup();
      const rep = await join(net.id, manager.id, 'representative', org.id);
      const ra = await actor(rep.id, net.id);
      const stranger = await user('s');
      expect(
        await refusal(
          setOrganisationStatus(db, await actor(stranger.id, net.id), net.id, org.id, { status: 'paused' }),
        ),
      ).toMatchObject({ status: 404 });

      await setOrganisationStatus(db, ra, net.id, org.id, { status: 'paused' });
      const paused = await actor(rep.id, net.id);
      expect(paused.membership?.organisationStatus).toBe('paused');
      expect(can(paused, 'network.read', { type: 'network', networkId: net.id })).toBe(true);
      expect(can(paused, 'doc.write', { type: 'doc', doc: { kind: 'org', networkId: net.id, orgId: org.id } })).toBe(
        false,
      );
      // Nobody joins a paused organisation.
      expect(
        await refusal(
          createInvitation(
            db,
            await actor(manager.id, net.id),
            net.id,
            { role: 'home_member', organisationId: org.id },
            { appUrl: APP },
          ),
        ),
      ).toMatchObject({ status: 409 });
      expect(await refusal(setOrganisationStatus(db, paused, net.id, org.id, { status: 'paused' }))).toMatchObject({
        status: 409,
      });

      await setOrganisationStatus(db, paused, net.id, org.id, { status: 'active' });
      const resumed = await actor(rep.id, net.id);
      expect(resumed.membership?.organisationStatus).toBe('active');

      await setOrganisationStatus(db, resumed, net.id, org.id, { status: 'left' });
      const left = await actor(rep.id, net.id);
      expect(can(left, 'network.read', { type: 'network', networkId: net.id })).toBe(false);
      expect(can(left, 'doc.read', { type: 'doc', doc: { kind: 'commons', networkId: net.id } })).toBe(false);
      expect(can(left, 'doc.read', { type: 'doc', doc: { kind: 'home', networkId: net.id, orgId: org.id } })).toBe(
        false,
      );
      expect(await refusal(getNetworkHome(db, left, net.id))).toMatchObject({ status: 404 });
      expect(await listMyNetworks(db, rep.id)).toEqual([]);
      // History stays: the organisation, the membership and the activity rows.
      expect(await count('SELECT COUNT(*) AS n FROM organisations WHERE id = ?', [org.id])).toBe(1);
      expect(
        await count('SELECT COUNT(*) AS n FROM memberships WHERE user_id = ? AND network_id = ?', [rep.id, net.id]),
      ).toBe(1);
      const home = await getNetworkHome(db, await actor(manager.id, net.id), net.id);
      expect(home.organisations.find((o) => o.id === org.id)?.status).toBe('left');
      expect(home.people.map((p) => p.userId)).not.toContain(rep.id);
      // Leaving is final.
      expect(
        await refusal(setOrganisationStatus(db, await actor(manager.id, net.id), net.id, org.id, { status: 'active' })),
      ).toEqual({ status: 409, key: 'networks.errors.organisationLeft' });
      const changes = (await activity(net.id)).filter((r) => r.kind === 'organisation.status_changed');
      expect(changes).toHaveLength(3);
      expect(changes.every((r) => r.subject_id === org.id)).toBe(true);
    });

    it('the network home shows organisations and people to every member, emails only to managers', async () => {
      const { manager, net, org } = await setup();
      const rep = await join(net.id, manager.id, 'representative', org.id);
      const observer = await join(net.id, manager.id, 'observer', null);
      const seen = await getNetworkHome(db, await actor(observer.id, net.id), net.id);
      expect(seen.network.name).toBe('Klimabündnis');
      expect(seen.organisations).toEqual([
        expect.objectContaining({ id: org.id, status: 'active', people: 1, canReadHome: false }),
      ]);
      expect(seen.people.map((p) => p.userId).sort()).toEqual([manager.id, rep.id, observer.id].sort());
      expect(seen.people.every((p) => p.email === undefined)).toBe(true);
      expect(seen.abilities.manageInvitations).toBe(false);
      const asRep = await getNetworkHome(db, await actor(rep.id, net.id), net.id);
      expect(asRep.organisations[0].canReadHome).toBe(true);
      const asManager = await getNetworkHome(db, await actor(manager.id, net.id), net.id);
      expect(asManager.organisations[0].canReadHome).toBe(false);
      expect(asManager.people.find((p) => p.userId === rep.id)?.email).toBe(rep.email);
    });
  });
}

networksContract('SQLite', freshSqlite);
describe.skipIf(!(await available('postgres')))('PostgreSQL', () => {
  networksContract('PostgreSQL', freshPostgres);
});
