import { z } from 'zod';
import { commitmentPage, spec } from '../spec';

const id = z.string().min(1);

/**
 * Kinds of issue 9 ("the product's face"): a delivery reopened because an
 * entry that showed it was disputed or reversed (lib/ledger/evidence.ts).
 */
export const FACE_KINDS = {
  'commitment.reopened': spec({
    payload: z.strictObject({
      goalId: id,
      organisationId: id,
      entryId: id,
      because: z.enum(['disputed', 'reversed']),
    }),
    audience: 'members',
    access: 'none',
    link: commitmentPage,
    example: { goalId: 'g1', organisationId: 'o1', entryId: 'e1', because: 'reversed' },
  }),
};
