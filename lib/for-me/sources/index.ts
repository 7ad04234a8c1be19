import { dormancy } from './dormancy';
import { homeApprovals } from './home-approvals';
import { ledgerConfirmations } from './ledger-confirmations';
import { mentions } from './mentions';
import { pilotReviews } from './pilot-reviews';
import type { NeedsMeSource } from './types';

export type { NeedsMeItem, NeedsMeSource, SourceContext } from './types';

/**
 * Every source of "needs me", in the order "for me" shows them. Another area
 * adds its own (home approvals, votes, minutes to approve) with one file in
 * this folder exporting a `NeedsMeSource` and one line here.
 */
export const NEEDS_ME_SOURCES: NeedsMeSource[] = [mentions, homeApprovals, ledgerConfirmations, pilotReviews, dormancy];
