import type { MessageKey } from '@/lib/i18n';

/**
 * The network's navigation, in order. Adding a page to it is one line here:
 * `path` is relative to /networks/<id> ('' is the overview), `label` a message
 * key (lib/i18n/messages/ui.ts). An entry is marked as the current place
 * (aria-current="page") on its path and every page below it; `exact` limits
 * that to the path itself. Add an entry only once its page exists.
 */
export interface NavEntry {
  id: string;
  path: string;
  label: MessageKey;
  exact?: boolean;
}

/**
 * The id of the page's content beside the navigation (layout.tsx): the skip link lands there when it exists,
 * and so does the focus after choosing an entry in the phone menu.
 */
export const PAGE_CONTENT_ID = 'page-content';

/** The window event instrumentation-client.ts sends when an in-app navigation starts (detail: { url }). */
export const NAVIGATION_START = 'nwr:navigation-start';

export const NETWORK_NAV: readonly NavEntry[] = [
  { id: 'overview', path: '', label: 'ui.nav.overview', exact: true },
  { id: 'forMe', path: '/for-me', label: 'ui.nav.forMe' },
  { id: 'goals', path: '/goals', label: 'ui.nav.goals' },
  { id: 'ledger', path: '/ledger', label: 'ui.nav.ledger' },
  { id: 'commitments', path: '/commitments', label: 'ui.nav.commitments' },
  { id: 'meetings', path: '/meetings', label: 'ui.nav.meetings' },
  { id: 'health', path: '/health', label: 'ui.nav.health' },
  { id: 'notes', path: '/notes', label: 'ui.nav.notes' },
  { id: 'organisations', path: '/organisations', label: 'ui.nav.organisations' },
  { id: 'people', path: '/people', label: 'ui.nav.people' },
  { id: 'activity', path: '/activity', label: 'ui.nav.activity' },
];

/** The entry that is the current place for `pathname`, if any (the longest matching path wins). */
export function currentEntry(networkId: string, pathname: string): NavEntry | undefined {
  const base = `/networks/${networkId}`;
  const rest = pathname.startsWith(base) ? pathname.slice(base.length).replace(/\/$/, '') : null;
  if (rest === null) return undefined;
  return [...NETWORK_NAV]
    .sort((a, b) => b.path.length - a.path.length)
    .find((e) => (e.exact ? rest === e.path : rest === e.path || rest.startsWith(`${e.path}/`)));
}
