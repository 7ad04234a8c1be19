import { ACTIVITY_KINDS } from './catalog';

/**
 * Activity kinds grouped the way people think of them, for the activity
 * feed's "kind" filter and the "what changed" view of "for me". A kind belongs
 * to the group its prefix names; comments join the group of what they are on
 * (`commentGroup`). Kinds of later areas land in their prefix's group, or in
 * `network` when it has none.
 */
export const ACTIVITY_GROUPS = [
  'goals',
  'ledger',
  'commitments',
  'notes',
  'comments',
  'moderation',
  'meetings',
  'organisations',
  'people',
  'network',
] as const;
export type ActivityGroup = (typeof ACTIVITY_GROUPS)[number];

const PREFIX: Record<string, ActivityGroup> = {
  goal: 'goals',
  ledger: 'ledger',
  unit: 'ledger',
  commitment: 'commitments',
  note: 'notes',
  notes: 'notes',
  comment: 'comments',
  meeting: 'meetings',
  agenda: 'meetings',
  decision: 'meetings',
  organisation: 'organisations',
  member: 'people',
  invitation: 'people',
  network: 'network',
  lock: 'moderation',
  moderation: 'moderation',
};

const MODERATION = new Set(['comment.hidden', 'comment.restored']);

export function groupOfKind(kind: string): ActivityGroup {
  if (MODERATION.has(kind) || kind.endsWith('.locked') || kind.endsWith('.unlocked') || kind.endsWith('.hidden'))
    return 'moderation';
  return PREFIX[kind.split('.')[0]] ?? 'network';
}

/** The kinds of a group (for a SQL filter). */
export function kindsOfGroup(group: ActivityGroup): string[] {
  return ACTIVITY_KINDS.filter((k) => groupOfKind(k) === group && !k.startsWith('account.') && k !== 'demo.seeded');
}

/** The group a comment row counts in for "what changed": that of what it is on. */
export function commentGroup(subjectType: unknown): ActivityGroup {
  switch (subjectType) {
    case 'goal':
      return 'goals';
    case 'ledger_entry':
      return 'ledger';
    case 'commitment':
      return 'commitments';
    case 'agenda_item':
      return 'meetings';
    default:
      return 'comments';
  }
}
