import { describe, expect, it } from 'vitest';
import { cooperationAbilities } from './cooperation-abilities';
import { can, type Actor, type Role } from './index';

const NET = '11111111-1111-4111-8111-111111111111';
const A = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const B = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

function actor(
  role: Role,
  organisationId: string | null = null,
  status: 'active' | 'paused' | 'left' | null = organisationId ? 'active' : null,
): Actor {
  return { userId: 'u', membership: { networkId: NET, role, organisationId, organisationStatus: status } };
}
const orgB = { type: 'organisation', networkId: NET, organisationId: B } as const;

describe('cooperation policies', () => {
  it('a representative records, commits and answers only for their own organisation', () => {
    const abilities = cooperationAbilities(actor('representative', A), NET);
    expect(abilities).toMatchObject({
      record: true,
      commit: true,
      rate: true,
      createGoal: true,
    });
    expect(can(actor('representative', A), 'ledger.record', orgB)).toBe(false);
    expect(can(actor('representative', A), 'ledger.respond', orgB)).toBe(false);
    expect(can(actor('representative', A), 'commitment.manage', orgB)).toBe(false);
  });

  it("a network manager moderates goals and answers for the network but never records in an organisation's name", () => {
    const m = actor('manager');
    expect(cooperationAbilities(m, NET)).toMatchObject({
      createGoal: true,
      record: false,
      rate: false,
      commit: false,
      defineUnit: true,
    });
    expect(can(m, 'ledger.respond', { type: 'network', networkId: NET })).toBe(true);
    expect(can(m, 'ledger.record', orgB)).toBe(false);
    expect(can(m, 'goal.rate', orgB)).toBe(false);
    expect(can(m, 'goal.update', { type: 'goal', networkId: NET, organisationIds: [B] })).toBe(true);
  });

  it('observers only read; advisers read and comment', () => {
    expect(cooperationAbilities(actor('observer'), NET)).toMatchObject({
      createGoal: false,
      record: false,
      comment: false,
      editText: false,
    });
    expect(cooperationAbilities(actor('adviser'), NET)).toMatchObject({
      createGoal: false,
      record: false,
      rate: false,
      comment: true,
    });
  });

  it('home members rate for their organisation and approve its commitments, but do not record entries', () => {
    expect(cooperationAbilities(actor('home_member', A), NET)).toMatchObject({
      rate: true,
      record: false,
      commit: false,
    });
    expect(
      can(actor('home_member', A), 'commitment.approve', { type: 'organisation', networkId: NET, organisationId: A }),
    ).toBe(true);
  });

  it('a representative changes only goals their organisation takes part in', () => {
    expect(
      can(actor('representative', A), 'goal.update', { type: 'goal', networkId: NET, organisationIds: [A, B] }),
    ).toBe(true);
    expect(can(actor('representative', A), 'goal.update', { type: 'goal', networkId: NET, organisationIds: [B] })).toBe(
      false,
    );
  });

  it('a paused organisation reads but does not record, and one that left does nothing', () => {
    expect(cooperationAbilities(actor('representative', A, 'paused'), NET)).toMatchObject({
      record: false,
      commit: false,
      createGoal: false,
    });
    expect(cooperationAbilities(actor('representative', A, 'left'), NET)).toMatchObject({
      record: false,
      createGoal: false,
      comment: false,
    });
  });

  it('nobody from another network can do anything', () => {
    const stranger: Actor = {
      userId: 'x',
      membership: { networkId: 'other', role: 'manager', organisationId: null, organisationStatus: null },
    };
    expect(Object.values(cooperationAbilities(stranger, NET)).filter((v) => v === true)).toEqual([]);
  });
});

describe('pilot review decisions', () => {
  const pilot = { type: 'goal', networkId: NET, organisationIds: [A] } as const;
  it('network managers and representatives of the organisations taking part decide', () => {
    expect(can(actor('manager'), 'pilot.decide', pilot)).toBe(true);
    expect(can(actor('representative', A), 'pilot.decide', pilot)).toBe(true);
  });
  it('nobody else: other organisations, home members, observers, advisers, paused organisations', () => {
    expect(can(actor('representative', B), 'pilot.decide', pilot)).toBe(false);
    expect(can(actor('home_member', A), 'pilot.decide', pilot)).toBe(false);
    expect(can(actor('observer'), 'pilot.decide', pilot)).toBe(false);
    expect(can(actor('adviser'), 'pilot.decide', pilot)).toBe(false);
    expect(can(actor('representative', A, 'paused'), 'pilot.decide', pilot)).toBe(false);
    expect(can(actor('representative', A, 'left'), 'pilot.decide', pilot)).toBe(false);
    expect(can(actor('manager'), 'pilot.decide', { type: 'network', networkId: NET })).toBe(false);
  });
});
