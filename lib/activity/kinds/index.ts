import type { KindSpec } from '../spec';
import { DOCUMENT_KINDS } from './documents';
import { MANDATE_KINDS } from './mandates';
import { EXPORT_KINDS } from './exports';
import { MEETING_KINDS } from './meetings';
import { READINESS_KINDS } from './readiness';
import { FOLLOW_UP_KINDS } from './follow-up';
import { FACE_KINDS } from './face';

/**
 * Activity kinds of the later areas (mandates, meetings, notifications, …), one
 * file per area in this folder, each exporting an object of kinds built with
 * `spec()` from `../spec`. Spread each area's object in here, one line per area.
 * Their words go into the area's message file (`lib/i18n/messages/<area>.ts`)
 * as `activity.<kind>`.
 */
export const AREA_KINDS = {
  ...MEETING_KINDS,
  ...DOCUMENT_KINDS,
  ...MANDATE_KINDS,
  ...EXPORT_KINDS,
  ...READINESS_KINDS,
  ...FOLLOW_UP_KINDS,
  ...FACE_KINDS,
} as const satisfies Record<string, KindSpec>;
