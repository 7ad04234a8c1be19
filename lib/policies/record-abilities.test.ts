import { describe, expect, it } from 'vitest';
import { commitmentPolicy, goalPolicy, invitationPolicy, ledgerEntryPolicy, memberPolicy } from './index';
import { matrixActor } from './matrix';

/**
 * The abilities sent with each record: the subject's rule AND the record's
 * state, so the client shows exactly the moves the server would accept.
 */
const NET = '00000000-0000-4000-8000-000000000001';
const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const repA = matrixActor('repA');
const repB = matrixActor('repB');
const manager = matrixActor('manager');
const homeA = matrixActor('homeA');

describe('abilities per record', () => {
  const entry = (extra: Record<string, unknown> = {}) => ({
    networkId: NET,
    recorderOrgId: A,
    counterpartyOrgId: B as string | null,
    status: 'pending',
    reversesId: null,
    reversedById: null,
    ...extra,
  });

  it('a pending entry: the other side may confirm or dispute it, the recording side correct it', () => {
    expect(ledgerEntryPolicy.abilities(repB, entry())).toEqual({
      confirm: true,
      dispute: true,
      correct: false,
      approveHome: false,
      declineHome: false,
    });
    expect(ledgerEntryPolicy.abilities(repA, entry())).toEqual({
      confirm: false,
      dispute: false,
      correct: true,
      approveHome: false,
      declineHome: false,
    });
    expect(ledgerEntryPolicy.abilities(manager, entry({ counterpartyOrgId: null }))).toMatchObject({ confirm: true });
  });

  it('an answered entry is not answered again; a reversed one or a reversal is not corrected', () => {
    expect(ledgerEntryPolicy.abilities(repB, entry({ status: 'confirmed' }))).toMatchObject({
      confirm: false,
      dispute: false,
    });
    expect(ledgerEntryPolicy.abilities(repA, entry({ status: 'confirmed' })).correct).toBe(true);
    expect(ledgerEntryPolicy.abilities(repA, entry({ reversedById: 'x' })).correct).toBe(false);
    expect(ledgerEntryPolicy.abilities(repA, entry({ reversesId: 'x' })).correct).toBe(false);
    expect(ledgerEntryPolicy.abilities(repA, entry({ status: 'reversed' })).correct).toBe(false);
  });

  it('a commitment offers each move only in the state that allows it, to those who may make it', () => {
    const c = (status: string, pilotReviewOn: string | null = null) => ({
      networkId: NET,
      organisationId: A,
      status,
      pilotReviewOn,
    });
    expect(commitmentPolicy.abilities(repA, c('proposed'))).toEqual({
      commit: true,
      approve: false,
      decline: false,
      deliver: false,
      withdraw: true,
      decidePilot: false,
    });
    expect(commitmentPolicy.abilities(repA, c('committed', '2099-01-01'))).toEqual({
      commit: false,
      approve: false,
      decline: false,
      deliver: true,
      withdraw: true,
      decidePilot: true,
    });
    expect(commitmentPolicy.abilities(homeA, c('awaiting_home_approval'))).toMatchObject({
      approve: true,
      decline: true,
      withdraw: false,
    });
    expect(commitmentPolicy.abilities(repA, c('awaiting_home_approval'))).toMatchObject({
      approve: false,
      decline: false,
      withdraw: true,
    });
    expect(Object.values(commitmentPolicy.abilities(repA, c('delivered', '2099-01-01')))).not.toContain(true);
    expect(Object.values(commitmentPolicy.abilities(repB, c('proposed', '2099-01-01')))).not.toContain(true);
    expect(commitmentPolicy.abilities(manager, c('proposed', '2099-01-01'))).toMatchObject({
      decidePilot: true,
      commit: false,
    });
  });

  it('a goal: its pilot review only while it is a pilot; rating and committing in the person’s own name', () => {
    const g = (status: string) => ({ networkId: NET, organisationIds: [A], status });
    expect(goalPolicy.abilities(repA, g('pilot'))).toEqual({
      update: true,
      decidePilot: true,
      editText: true,
      restoreVersion: true,
      comment: true,
      rate: true,
      commit: true,
    });
    expect(goalPolicy.abilities(repA, g('active')).decidePilot).toBe(false);
    expect(goalPolicy.abilities(repB, g('pilot'))).toMatchObject({
      update: false,
      restoreVersion: false,
      rate: true,
      commit: true,
    });
    expect(goalPolicy.abilities(manager, g('pilot'))).toMatchObject({ update: true, rate: false, commit: false });
  });

  it('an invitation is withdrawn only while pending; a member is managed by managers and left by themselves', () => {
    const inv = (state: string) => ({
      networkId: NET,
      role: 'home_member' as const,
      organisationId: A,
      createdBy: repA!.userId,
      state,
    });
    expect(invitationPolicy.abilities(repA, inv('pending')).revoke).toBe(true);
    expect(invitationPolicy.abilities(repA, inv('used')).revoke).toBe(false);
    expect(invitationPolicy.abilities(repB, inv('pending')).revoke).toBe(false);
    expect(memberPolicy.abilities(manager, { networkId: NET, userId: repA!.userId })).toEqual({
      changeRole: true,
      remove: true,
      seeEmail: true,
      leave: false,
    });
    expect(memberPolicy.abilities(repA, { networkId: NET, userId: repA!.userId })).toEqual({
      changeRole: false,
      remove: false,
      seeEmail: false,
      leave: true,
    });
  });
});
