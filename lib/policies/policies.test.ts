import { describe, expect, it } from 'vitest';
import { abilities, authorize, can, ForbiddenError, type Actor, type OrgStatus, type Role } from './index';

const NET = '11111111-1111-4111-8111-111111111111';
const OTHER_NET = '22222222-2222-4222-8222-222222222222';
const ORG_A = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const ORG_B = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

function actor(
  role: Role,
  organisationId: string | null = null,
  organisationStatus: OrgStatus | null = organisationId ? 'active' : null,
  networkId = NET,
): Actor {
  return { userId: `u-${role}`, membership: { networkId, role, organisationId, organisationStatus } };
}
const stranger: Actor = { userId: 'stranger', membership: null };

const manager = actor('manager');
const repA = actor('representative', ORG_A);
const repB: Actor = { ...actor('representative', ORG_B), userId: 'u-representative-b' };
const homeA = actor('home_member', ORG_A);
const observer = actor('observer');
const adviser = actor('adviser');

const home = (orgId: string) => ({ type: 'doc' as const, doc: { kind: 'home' as const, networkId: NET, orgId } });
const orgDoc = (orgId: string) => ({ type: 'doc' as const, doc: { kind: 'org' as const, networkId: NET, orgId } });
const commons = { type: 'doc' as const, doc: { kind: 'commons' as const, networkId: NET } };

describe('abilities for the UI', () => {
  it('a network manager may do everything a network offers and invite into every role', () => {
    expect(abilities(manager, NET)).toEqual({
      read: true,
      update: true,
      createOrganisation: true,
      manageInvitations: true,
      comment: true,
      inviteRoles: ['manager', 'representative', 'home_member', 'observer', 'adviser'],
    });
  });

  it('a representative reads and comments and invites only into organisation roles', () => {
    expect(abilities(repA, NET)).toEqual({
      read: true,
      update: false,
      createOrganisation: false,
      manageInvitations: false,
      comment: true,
      inviteRoles: ['representative', 'home_member'],
    });
  });

  it('a representative of a paused organisation may no longer invite anyone', () => {
    expect(abilities(actor('representative', ORG_A, 'paused'), NET).inviteRoles).toEqual([]);
  });

  it('an observer reads but may not comment or invite', () => {
    const a = abilities(observer, NET);
    expect(a.read).toBe(true);
    expect(a.comment).toBe(false);
    expect(a.inviteRoles).toEqual([]);
  });

  it('an adviser reads and comments but manages nothing', () => {
    expect(abilities(adviser, NET)).toMatchObject({ read: true, comment: true, update: false, inviteRoles: [] });
  });

  it('a stranger, a member of another network and a person whose organisation left may do nothing', () => {
    const nothing = {
      read: false,
      update: false,
      createOrganisation: false,
      manageInvitations: false,
      comment: false,
      inviteRoles: [],
    };
    expect(abilities(stranger, NET)).toEqual(nothing);
    expect(abilities(null, NET)).toEqual(nothing);
    expect(abilities(actor('manager', null, null, OTHER_NET), NET)).toEqual(nothing);
    expect(abilities(actor('representative', ORG_A, 'left'), NET)).toEqual(nothing);
  });
});

describe('can: organisations, invitations, members', () => {
  it('an organisation may be changed and paused by a manager or its own representative, not by another organisation', () => {
    const sub = { type: 'organisation' as const, networkId: NET, organisationId: ORG_A };
    expect(can(manager, 'organisation.setStatus', sub)).toBe(true);
    expect(can(repA, 'organisation.setStatus', sub)).toBe(true);
    expect(can(repA, 'organisation.update', sub)).toBe(true);
    expect(can(actor('representative', ORG_A, 'paused'), 'organisation.setStatus', sub)).toBe(true);
    expect(can(repB, 'organisation.setStatus', sub)).toBe(false);
    expect(can(homeA, 'organisation.setStatus', sub)).toBe(false);
    expect(can(observer, 'organisation.update', sub)).toBe(false);
  });

  it('a representative cannot invite a network manager, an observer or someone for another organisation', () => {
    const inv = (role: Role, organisationId: string | null) => ({
      type: 'invitation' as const,
      networkId: NET,
      role,
      organisationId,
    });
    expect(can(repA, 'invitation.create', inv('manager', null))).toBe(false);
    expect(can(repA, 'invitation.create', inv('observer', null))).toBe(false);
    expect(can(repA, 'invitation.create', inv('representative', ORG_B))).toBe(false);
    expect(can(repA, 'invitation.create', inv('home_member', ORG_A))).toBe(true);
    expect(can(homeA, 'invitation.create', inv('home_member', ORG_A))).toBe(false);
    expect(can(manager, 'invitation.create', inv('manager', null))).toBe(true);
  });

  it('a manager revokes any invitation; other members only the ones they created', () => {
    const inv = (createdBy: string) => ({
      type: 'invitation' as const,
      networkId: NET,
      role: 'home_member' as const,
      organisationId: ORG_A,
      createdBy,
    });
    expect(can(manager, 'invitation.revoke', inv(repA.userId))).toBe(true);
    expect(can(repA, 'invitation.revoke', inv(repA.userId))).toBe(true);
    expect(can(actor('representative', ORG_A, 'paused'), 'invitation.revoke', inv(repA.userId))).toBe(true);
    expect(can(repB, 'invitation.revoke', inv(repA.userId))).toBe(false);
    expect(can(homeA, 'invitation.revoke', inv(manager.userId))).toBe(false);
    expect(can(stranger, 'invitation.revoke', inv(stranger.userId))).toBe(false);
  });

  it('only managers change roles and remove members', () => {
    const sub = { type: 'member' as const, networkId: NET, userId: 'x' };
    for (const a of [repA, homeA, observer, adviser]) {
      expect(can(a, 'member.changeRole', sub)).toBe(false);
      expect(can(a, 'member.remove', sub)).toBe(false);
      expect(can(a, 'member.list', sub)).toBe(true);
    }
    expect(can(manager, 'member.changeRole', sub)).toBe(true);
    expect(can(manager, 'member.remove', sub)).toBe(true);
  });

  it('authorize answers a stranger with not-found and a member without the right with forbidden', () => {
    const sub = { type: 'network' as const, networkId: NET };
    const thrown = (a: Actor) => {
      try {
        authorize(a, 'network.update', sub);
      } catch (e) {
        return e as ForbiddenError;
      }
      return null;
    };
    expect(thrown(stranger)?.notFound).toBe(true);
    expect(thrown(actor('representative', ORG_A, 'left'))?.notFound).toBe(true);
    expect(thrown(observer)?.notFound).toBe(false);
    expect(thrown(manager)).toBeNull();
  });
});

describe('can: collaborative documents', () => {
  it('a home doc is read and written by its own organisation’s people only', () => {
    expect(can(repA, 'doc.read', home(ORG_A))).toBe(true);
    expect(can(repA, 'doc.write', home(ORG_A))).toBe(true);
    expect(can(homeA, 'doc.read', home(ORG_A))).toBe(true);
    expect(can(homeA, 'doc.write', home(ORG_A))).toBe(true);
  });

  it('a home doc is never readable by another organisation', () => {
    expect(can(repB, 'doc.read', home(ORG_A))).toBe(false);
    expect(can(actor('home_member', ORG_B), 'doc.read', home(ORG_A))).toBe(false);
  });

  it('a home doc is never readable by a network manager, an observer or an adviser', () => {
    expect(can(manager, 'doc.read', home(ORG_A))).toBe(false);
    expect(can(observer, 'doc.read', home(ORG_A))).toBe(false);
    expect(can(adviser, 'doc.read', home(ORG_A))).toBe(false);
  });

  it('a home doc is not readable by a manager who once belonged to another organisation, nor by a manager record carrying an organisation', () => {
    // Managers have no organisation; even a malformed record naming one must not open a home space.
    expect(can(actor('manager', ORG_A), 'doc.read', home(ORG_A))).toBe(false);
    expect(can(actor('manager', ORG_B), 'doc.read', home(ORG_A))).toBe(false);
  });

  it('a home doc of this network is not readable with membership in another network', () => {
    expect(can(actor('representative', ORG_A, 'active', OTHER_NET), 'doc.read', home(ORG_A))).toBe(false);
  });

  it('people of an organisation that left read nothing, not even their own home doc', () => {
    const gone = actor('representative', ORG_A, 'left');
    expect(can(gone, 'doc.read', home(ORG_A))).toBe(false);
    expect(can(gone, 'doc.read', commons)).toBe(false);
    expect(can(gone, 'doc.read', orgDoc(ORG_A))).toBe(false);
  });

  it('an organisation doc is written by its own representatives and read by every member', () => {
    expect(can(repA, 'doc.write', orgDoc(ORG_A))).toBe(true);
    expect(can(repB, 'doc.write', orgDoc(ORG_A))).toBe(false);
    expect(can(repB, 'doc.read', orgDoc(ORG_A))).toBe(true);
    expect(can(observer, 'doc.read', orgDoc(ORG_A))).toBe(true);
    expect(can(homeA, 'doc.write', orgDoc(ORG_A))).toBe(false);
    expect(can(actor('representative', ORG_A, 'paused'), 'doc.write', orgDoc(ORG_A))).toBe(false);
  });

  it('the commons are written by managers and active representatives and read by every member', () => {
    expect(can(manager, 'doc.write', commons)).toBe(true);
    expect(can(repA, 'doc.write', commons)).toBe(true);
    expect(can(actor('representative', ORG_A, 'paused'), 'doc.write', commons)).toBe(false);
    expect(can(observer, 'doc.write', commons)).toBe(false);
    expect(can(adviser, 'doc.write', commons)).toBe(false);
    expect(can(observer, 'doc.read', commons)).toBe(true);
    expect(can(stranger, 'doc.read', commons)).toBe(false);
  });
});

describe('leaving a network yourself', () => {
  const self = (a: Actor, networkId = NET) => ({ type: 'member' as const, networkId, userId: a.userId });

  it('every member may leave, in any role, also of a paused organisation', () => {
    for (const a of [manager, repA, homeA, observer, adviser, actor('representative', ORG_A, 'paused')])
      expect(can(a, 'member.leave', self(a))).toBe(true);
  });

  it('nobody may "leave" for someone else, and non-members get not found', () => {
    expect(can(manager, 'member.leave', self(repA))).toBe(false);
    expect(can(repA, 'member.leave', self(repB))).toBe(false);
    expect(() => authorize(stranger, 'member.leave', self(stranger))).toThrow(ForbiddenError);
    const left = actor('representative', ORG_A, 'left');
    const err = (() => {
      try {
        authorize(left, 'member.leave', self(left));
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ForbiddenError);
    expect((err as ForbiddenError).notFound).toBe(true);
    expect(can(actor('observer', null, null, OTHER_NET), 'member.leave', self(observer))).toBe(false);
  });
});
