import type { Queryable } from '../../db/types';
import type { NotificationKind } from '../../notifications/prefs';
import type { Actor } from '../../policies';

/** What a "needs me" source is given: the person, their place in one network, and now. */
export interface SourceContext {
  q: Queryable;
  actor: Actor;
  networkId: string;
  now: number;
  /** Today in the network (YYYY-MM-DD). */
  today: string;
}

/** One thing that waits for the person, in words (an ICU message of lib/i18n/messages/follow-up.ts) with a link. */
export interface NeedsMeItem {
  source: string;
  /** Stable id within the source (a notification, an entry, a goal …). */
  id: string;
  key: string;
  values: Record<string, string | number>;
  /** Absolute path of the page where it is done. */
  href: string;
  /** When it began to need the person (ms): the digest mails only what is newer than its last one. */
  at: number;
  /** True when it can be marked as seen (a mention); others go away when done. */
  dismissable: boolean;
}

/**
 * A source of "needs me": one small module per source in this folder, listed
 * in `index.ts`. `kind` is the notification choice that governs it (the bell
 * counts it unless that is "off"; the digest mails it when it is "digest").
 */
export interface NeedsMeSource {
  id: string;
  kind: NotificationKind;
  list(ctx: SourceContext): Promise<NeedsMeItem[]>;
}
