import type { Migration } from './types';

/**
 * Pilots with a review date (concept 6: "deepen, repeat or stop?") and
 * descriptions whose formatting survives a restore.
 *
 * - `goals.review_on`: the review date of a goal in status `pilot` (NULL otherwise).
 * - `goals.description_doc`: the structure of the last saved description (JSON of
 *   the shared document's XML tree: headings, lists, marks, links), kept with
 *   every revision's snapshot so a restore brings the formatting back.
 * - `goal_revisions.decision`: JSON {decision, reason, early, nextReviewOn} when
 *   the version records a pilot's review decision.
 * - `commitments.pilot_review_on`: set when a commitment is a pilot; cleared
 *   when the review decides to deepen it.
 */
export const pilotReview: Migration = {
  id: 5,
  name: 'pilot-review',
  up: () => `
ALTER TABLE goals ADD COLUMN review_on TEXT;
ALTER TABLE goals ADD COLUMN description_doc TEXT NOT NULL DEFAULT '';
ALTER TABLE goal_revisions ADD COLUMN decision TEXT;
ALTER TABLE commitments ADD COLUMN pilot_review_on TEXT;
CREATE INDEX goals_network_review ON goals(network_id, status, review_on);
`,
};
