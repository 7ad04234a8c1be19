import type { z } from 'zod';
import type { ActivityAudience } from '../policies/activity';

/**
 * The shape of one activity kind (see `catalog.ts` for what each field means)
 * and the small helpers kinds use to build their links. Areas that add kinds
 * put them in `kinds/<area>.ts` and use these.
 */

export type AccessEffect = 'none' | 'network' | 'sessions';

/** Where a row points: its network (null for a person's own account) and subject. */
export interface LinkContext {
  networkId: string | null;
  subjectId: string | null;
  data: Record<string, unknown>;
}

export interface KindSpec<S extends z.ZodType = z.ZodType> {
  payload: S;
  audience: ActivityAudience;
  access: AccessEffect;
  link: (row: LinkContext) => string;
  example: z.input<S>;
}

export const net = (r: LinkContext) => `/networks/${r.networkId}`;
export const page = (path: string) => (r: LinkContext) => `${net(r)}/${path}`;
export const goalPage = (r: LinkContext) => `${net(r)}/goals/${r.subjectId}`;
export const orgPage = (r: LinkContext) => `${net(r)}/organisations/${r.subjectId}`;
/** A commitment shows on its goal's page. */
export const commitmentPage = (r: LinkContext) =>
  typeof r.data.goalId === 'string' ? `${net(r)}/goals/${r.data.goalId}` : `${net(r)}/commitments`;
export const ledgerPage = page('ledger');
export const peoplePage = page('people');

export const spec = <S extends z.ZodType>(s: KindSpec<S>) => s;
