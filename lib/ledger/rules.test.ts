import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../policies';
import { isCounted, isDeliveryEvidence, mayRespond } from './rules';

const NET = '11111111-1111-4111-8111-111111111111';
const A = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const B = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

const actor = (role: Role, organisationId: string | null = null): Actor => ({
  userId: 'u',
  membership: { networkId: NET, role, organisationId, organisationStatus: organisationId ? 'active' : null },
});
const toB = { network_id: NET, counterparty_org_id: B, recorder_org_id: A };
const toNetwork = { network_id: NET, counterparty_org_id: null, recorder_org_id: A };

describe('ledger rules', () => {
  it("a representative answers entries addressed to their organisation, not their own or another's", () => {
    expect(mayRespond(actor('representative', B), toB)).toBe(true);
    expect(mayRespond(actor('representative', A), toB)).toBe(false);
    expect(mayRespond(actor('home_member', B), toB)).toBe(false);
    expect(mayRespond(actor('manager'), toB)).toBe(false);
  });

  it('an entry addressed to the network as a whole is answered by a network manager only', () => {
    expect(mayRespond(actor('manager'), toNetwork)).toBe(true);
    expect(mayRespond(actor('representative', B), toNetwork)).toBe(false);
    expect(mayRespond(null, toNetwork)).toBe(false);
  });

  it('disputed and reversed entries count nowhere', () => {
    expect(isCounted('confirmed')).toBe(true);
    expect(isCounted('pending')).toBe(true);
    expect(isCounted('disputed')).toBe(false);
    expect(isCounted('reversed')).toBe(false);
  });

  it('only a confirmed entry given by the committing organisation in its unit proves a delivery', () => {
    const c = { organisationId: A, unit: 'hours' };
    const e = { giver_org_id: A, unit: 'hours', status: 'confirmed' as const, amount_milli: 3000 };
    expect(isDeliveryEvidence(e, c)).toBe(true);
    expect(isDeliveryEvidence({ ...e, status: 'pending' }, c)).toBe(false);
    expect(isDeliveryEvidence({ ...e, giver_org_id: B }, c)).toBe(false);
    expect(isDeliveryEvidence({ ...e, unit: 'space' }, c)).toBe(false);
    expect(isDeliveryEvidence({ ...e, status: 'disputed' }, c)).toBe(false);
    expect(isDeliveryEvidence({ ...e, amount_milli: '-3000' }, c)).toBe(false);
  });
});
