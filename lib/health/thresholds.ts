/**
 * Every threshold the health indicators use, written down once (docs/health.md
 * says the same in words). Changing one changes the verdicts on the page, the
 * API and the snapshots taken from then on.
 */

/**
 * Structure: Freeman degree centralisation of the exchange graph (total, on
 * the undirected partner graph), 0 (everyone equally tied) … 1 (a star).
 * - at or above DOMINATED: "dominated by <top partner>";
 * - below POLYCENTRIC: "polycentric";
 * - in between: "a few centres".
 */
export const CENTRALISATION = { DOMINATED: 0.6, POLYCENTRIC: 0.25 } as const;

/** Fewer organisations with exchanges than this: no structure verdict (a centralisation needs three). */
export const MIN_ORGANISATIONS = 3;

/** Share of all flows (by the chosen unit) that involve the top partner: at or above this it is said plainly. */
export const TOP_PARTNER_SHARE_HIGH = 0.5;

/** Gini coefficient of what each organisation gave: at or above this contributions are "very unequal". */
export const GINI_UNEQUAL = 0.5;

/**
 * Investment and the empty shell. An organisation's investment index for a
 * week is the number of its contributions that week: ledger entries it gave
 * (confirmed), commitments it made, commitments it delivered, and its
 * people's actions in the activity log (edits, comments, ratings, answers).
 *
 * A week is "down" when its index is lower than the week before, or zero.
 * An organisation is dormant when its last DEFAULT_DORMANCY_WEEKS (per network:
 * `networks.dormancy_weeks`) complete weeks were all down.
 */
export const DEFAULT_DORMANCY_WEEKS = 4;
export const DORMANCY_WEEKS_MIN = 2;
export const DORMANCY_WEEKS_MAX = 26;
/** The network is warned when more than this share of its active organisations is dormant. */
export const DORMANT_NETWORK_SHARE = 0.5;
/** Complete weeks shown in the investment trend (at least dormancy weeks + 4). */
export const INVESTMENT_WEEKS = 12;
/**
 * How far back an organisation's contributions are looked for before it can be dormant: "falling" needs
 * something to fall from, so an organisation that contributed nothing in this time (a new network, a new
 * member) has "not started yet" instead, and is not warned.
 */
export const CONTRIBUTION_LOOKBACK_WEEKS = 52;

/**
 * Shadow of the future. The horizon is the number of days from today to the
 * planned dates ahead (due dates of open commitments, pilot reviews of goals
 * and commitments): its median and its furthest. It "shrinks" when today's
 * median is below HORIZON_SHRINK times the median a quarter (91 days) ago.
 */
export const HORIZON_SHRINK = 0.8;
export const QUARTER_DAYS = 91;
/** A pair of partners with at least this many exchanges (either direction) has a repeated relationship. */
export const REPEATED_EXCHANGES = 2;
