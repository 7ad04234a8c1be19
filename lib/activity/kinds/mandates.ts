import { z } from 'zod';
import { commitmentPage, ledgerPage, page, spec, type LinkContext } from '../spec';

/**
 * Mandates and home approvals (lib/mandates, docs/mandates.md). What the home
 * side sets (mandates, capacity) is seen by that organisation's people only
 * (audience `organisation`); a home decision on a commitment is seen by every
 * member, as the waiting was.
 */
const id = z.string().min(1).max(200);
const homePage = (r: LinkContext) =>
  typeof r.data.organisationId === 'string'
    ? `/networks/${r.networkId}/organisations/${r.data.organisationId}/home`
    : `/networks/${r.networkId}/organisations`;
const ZDecision = z.strictObject({
  goalId: id,
  organisationId: id,
  /** How long the request waited, in whole hours. */
  waitedHours: z.number().int().min(0),
  reason: z.string().optional(),
});

/** A gift in the ledger (the same facts as `ledger.recorded`). */
const ZGift = z.strictObject({
  kind: z.string(),
  giverOrgId: id.nullable(),
  receiverOrgId: id.nullable(),
  unit: z.string(),
  amount: z.number(),
});
/** A home decision on a gift. */
const ZGiftDecision = z.strictObject({
  organisationId: id,
  receiverOrgId: id.nullable(),
  goalId: id.nullable(),
  unit: z.string(),
  amount: z.number(),
  waitedHours: z.number().int().min(0),
  reason: z.string().optional(),
});

export const MANDATE_KINDS = {
  'ledger.home_approval_requested': spec({
    payload: ZGift,
    audience: 'members',
    access: 'none',
    link: ledgerPage,
    example: { kind: 'give', giverOrgId: 'o1', receiverOrgId: 'o2', unit: 'money', amount: 1200 },
  }),
  'ledger.home_approved': spec({
    payload: ZGiftDecision,
    audience: 'members',
    access: 'none',
    link: ledgerPage,
    example: { organisationId: 'o1', receiverOrgId: 'o2', goalId: null, unit: 'money', amount: 1200, waitedHours: 20 },
  }),
  'ledger.home_declined': spec({
    payload: ZGiftDecision,
    audience: 'members',
    access: 'none',
    link: ledgerPage,
    example: {
      organisationId: 'o1',
      receiverOrgId: 'o2',
      goalId: 'g1',
      unit: 'hours',
      amount: 40,
      waitedHours: 5,
      reason: 'Nicht vor der Haushaltsklausur',
    },
  }),
  'mandate.set': spec({
    payload: z.strictObject({
      organisationId: id,
      version: z.number().int().min(1),
      validUntil: z.string().nullable(),
      forAll: z.boolean(),
    }),
    audience: 'organisation',
    access: 'none',
    link: homePage,
    example: { organisationId: 'o1', version: 2, validUntil: '2027-06-30', forAll: true },
  }),
  'mandate.capacity_set': spec({
    payload: z.strictObject({ organisationId: id, unit: z.string(), period: z.enum(['month', 'quarter']) }),
    audience: 'organisation',
    access: 'none',
    link: homePage,
    example: { organisationId: 'o1', unit: 'hours', period: 'month' },
  }),
  'commitment.home_approved': spec({
    payload: ZDecision,
    audience: 'members',
    access: 'none',
    link: commitmentPage,
    example: { goalId: 'g1', organisationId: 'o1', waitedHours: 26 },
  }),
  'commitment.home_declined': spec({
    payload: ZDecision,
    audience: 'members',
    access: 'none',
    link: commitmentPage,
    example: { goalId: 'g1', organisationId: 'o1', waitedHours: 3, reason: 'Nicht in diesem Quartal' },
  }),
  'network.approval_days_set': spec({
    payload: z.strictObject({ approvalDays: z.number().int() }),
    audience: 'members',
    access: 'none',
    link: page('organisations'),
    example: { approvalDays: 10 },
  }),
};
