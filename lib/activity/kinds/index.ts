import type { KindSpec } from '../spec';
import { FACE_KINDS } from './face';

/**
 * Activity kinds of the later areas (mandates, meetings, notifications, …), one
 * file per area in this folder, each exporting an object of kinds built with
 * `spec()` from `../spec`. Spread each area's object in here, one line per area.
 * Their words go into the area's message file (`lib/i18n/messages/<area>.ts`)
 * as `activity.<kind>`.
 */
export const AREA_KINDS = {
  ...FACE_KINDS,
} as const satisfies Record<string, KindSpec>;
