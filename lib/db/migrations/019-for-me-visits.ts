import type { Migration } from './types';

/**
 * "What changed since I last looked" follows the person's looking
 * (docs/follow-up.md, lib/for-me/visit.ts). A visit to "for me" or the
 * network overview moves `seen_markers` on its own; these two columns keep what
 * the current visit shows as new:
 * - `visit_from_id`: the visit shows (and highlights) the rows after this one —
 *   where the person's previous visit left off;
 * - `visit_from_at`: when that previous visit was (null: none, the first look
 *   shows the last 14 days).
 * `activity_id` stays "looked at up to here" (the digest leaves that out) and
 * `seen_at` the last look or "mark as seen"; a visit lasts while looks come
 * within the visit window of each other.
 */
export const forMeVisits: Migration = {
  id: 19,
  name: 'for-me-visits',
  up: () => `
ALTER TABLE seen_markers ADD COLUMN visit_from_id BIGINT;
ALTER TABLE seen_markers ADD COLUMN visit_from_at BIGINT;
`,
};
