import { kindSpec, messageKey, type ActivityKind } from './catalog';

/**
 * What a person is shown for an activity row: the catalog's words for its kind
 * (an ICU message, `lib/i18n/messages/activity.ts`) with values from the
 * payload, and the page it links to. Never the raw kind key. Used on the
 * server (the feed presents every row with it) and safe in the browser.
 */
export interface ActivityWords {
  /** `activity.<kind>`, or `activity.fallback` for a row whose payload does not match its kind. */
  key: string;
  /**
   * ICU values from the payload (booleans as `yes`/`no`; a calendar day `YYYY-MM-DD` as its moment, noon UTC,
   * so the message formats it in the reader's language with `{x, date, long}`); the reader adds `actor`.
   */
  values: Record<string, string | number>;
  /** The page it links to. */
  href: string | null;
}

/** A calendar day as payloads carry it (lib/core/dates.ts). */
const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function activityWords(row: {
  kind: string;
  networkId: string | null;
  subjectId: string | null;
  data: Record<string, unknown>;
}): ActivityWords {
  const spec = kindSpec(row.kind);
  if (!spec) return { key: 'activity.fallback', values: {}, href: null };
  const parsed = spec.payload.safeParse(row.data);
  const href = spec.link({ networkId: row.networkId, subjectId: row.subjectId, data: row.data });
  if (!parsed.success) return { key: 'activity.fallback', values: {}, href };
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(parsed.data as Record<string, unknown>)) {
    if (typeof v === 'string' && CALENDAR_DAY.test(v)) values[k] = Date.parse(`${v}T12:00:00Z`);
    // A unit the network named itself is stored as `custom:<its name>`: the words show the name.
    else if (k === 'unit' && typeof v === 'string' && v.startsWith('custom:')) values[k] = v.slice('custom:'.length);
    else if (typeof v === 'string' || typeof v === 'number') values[k] = v;
    else if (typeof v === 'boolean') values[k] = v ? 'yes' : 'no';
  }
  return { key: messageKey(row.kind as ActivityKind), values, href };
}

/** The sentence for a row in the reader's language: `t` is the caller's translator (server or `useI18n`). */
export function activityText(
  t: (key: string, values?: Record<string, string | number>) => string,
  item: { words: ActivityWords; actorName: string | null },
): string {
  return t(item.words.key, { ...item.words.values, actor: item.actorName || t('activity.someone') });
}
