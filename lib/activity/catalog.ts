import { z } from 'zod';
import { AREA_KINDS } from './kinds';
import { commitmentPage, goalPage, ledgerPage, net, orgPage, page, peoplePage, spec, type KindSpec } from './spec';

export type { AccessEffect, KindSpec, LinkContext } from './spec';

/**
 * The activity catalog: every kind of change a command records, declared once.
 *
 * Each kind says
 * - `payload`: the zod schema of its `data` (checked by `record()` on write and
 *   by the feed on read; nothing secret ever goes into it);
 * - `audience`: who may see it — a name of an audience in
 *   `lib/policies/activity.ts`, where the visibility rules live;
 * - `access`: whether it changes who may open which document (`network`: the
 *   realtime server re-evaluates the sockets of that network) or ends a
 *   person's sessions (`sessions`: that person's sockets close everywhere);
 * - `link`: the page it links to;
 * - `example`: a payload for the catalog test, which also renders the kind's
 *   words (`activity.<kind>` in `lib/i18n/messages/activity.ts`, German and
 *   English, ICU arguments taken from the payload plus `actor`).
 *
 * `catalog.test.ts` fails when a kind lacks any of these.
 */

const id = z.string().min(1).max(200);
const role = z.enum(['manager', 'representative', 'home_member', 'observer', 'adviser']);
const orgStatus = z.enum(['active', 'paused', 'left']);
const pilotNote = {
  decision: z.enum(['deepen', 'repeat', 'stop']),
  reason: z.string(),
  early: z.boolean(),
  nextReviewOn: z.string().nullable(),
};

/** Commitment rows: created by `create-commitment` and moved on by `transition-commitment`. */
const ZCommitment = z.strictObject({
  goalId: id,
  organisationId: id,
  unit: z.string().optional(),
  amount: z.number().optional(),
  dueOn: z.string().nullable().optional(),
  pilotReviewOn: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  reason: z.string().optional(),
  evidence: z.array(id).optional(),
  /** Delivered in part only (issue 9): said explicitly when the evidence does not add up to the amount. */
  partial: z.boolean().optional(),
});
const commitmentExample = { goalId: 'g1', organisationId: 'o1', unit: 'hours', amount: 4, dueOn: '2026-12-01' };
const ZLedgerAnswer = z.strictObject({
  giverOrgId: id.nullable(),
  receiverOrgId: id.nullable(),
  comment: z.string().nullish(),
});

export const CATALOG = {
  // networks, organisations, invitations, members
  'network.created': spec({
    payload: z.strictObject({ name: z.string() }),
    audience: 'members',
    access: 'none',
    link: net,
    example: { name: 'Bildungsnetzwerk' },
  }),
  'network.updated': spec({
    payload: z.strictObject({ name: z.string(), purpose: z.string() }),
    audience: 'members',
    access: 'none',
    link: net,
    example: { name: 'Bildungsnetzwerk', purpose: 'Lernen' },
  }),
  'network.dormancyWeeksSet': spec({
    payload: z.strictObject({ dormancyWeeks: z.number().int() }),
    audience: 'members',
    access: 'none',
    link: page('health'),
    example: { dormancyWeeks: 4 },
  }),
  'organisation.created': spec({
    payload: z.strictObject({ name: z.string() }),
    audience: 'members',
    access: 'none',
    link: orgPage,
    example: { name: 'Lernhaus' },
  }),
  'organisation.updated': spec({
    payload: z.strictObject({
      name: z.string().optional(),
      kind: z.string().optional(),
      website: z.string().nullable().optional(),
      description: z.string().optional(),
    }),
    audience: 'members',
    access: 'none',
    link: orgPage,
    example: { website: 'https://example.org' },
  }),
  'organisation.status_changed': spec({
    payload: z.strictObject({ from: orgStatus, to: orgStatus }),
    audience: 'members',
    access: 'network',
    link: orgPage,
    example: { from: 'active', to: 'paused' },
  }),
  'invitation.created': spec({
    payload: z.strictObject({ role, organisationId: id.nullable(), byEmail: z.boolean() }),
    audience: 'invitation',
    access: 'none',
    link: peoplePage,
    example: { role: 'representative', organisationId: 'o1', byEmail: true },
  }),
  'invitation.revoked': spec({
    payload: z.strictObject({}),
    audience: 'invitation',
    access: 'none',
    link: peoplePage,
    example: {},
  }),
  'invitation.accepted': spec({
    payload: z.strictObject({}),
    audience: 'invitation',
    access: 'none',
    link: peoplePage,
    example: {},
  }),
  'member.joined': spec({
    payload: z.strictObject({
      role,
      organisationId: id.nullable().optional(),
      invitationId: id.optional(),
    }),
    audience: 'members',
    access: 'network',
    link: peoplePage,
    example: { role: 'home_member', organisationId: 'o1' },
  }),
  'member.removed': spec({
    payload: z.strictObject({ role, organisationId: id.nullable().optional(), left: z.boolean().optional() }),
    audience: 'members',
    access: 'network',
    link: peoplePage,
    example: { role: 'observer', left: true },
  }),
  'member.role_changed': spec({
    payload: z.strictObject({
      from: role,
      to: role,
      fromOrganisationId: id.nullable(),
      organisationId: id.nullable(),
    }),
    audience: 'members',
    access: 'network',
    link: peoplePage,
    example: { from: 'home_member', to: 'representative', fromOrganisationId: 'o1', organisationId: 'o1' },
  }),
  // goals
  'goal.created': spec({
    payload: z.strictObject({ title: z.string() }),
    audience: 'members',
    access: 'none',
    link: goalPage,
    example: { title: 'Lesepatenschaften' },
  }),
  'goal.updated': spec({
    payload: z.strictObject({ changed: z.array(z.string()), version: z.number(), status: z.string() }),
    audience: 'members',
    access: 'none',
    link: goalPage,
    example: { changed: ['title'], version: 2, status: 'proposed' },
  }),
  'goal.text_saved': spec({
    payload: z.strictObject({ version: z.number(), restoredFrom: z.number().nullish() }),
    audience: 'members',
    access: 'none',
    link: goalPage,
    example: { version: 3 },
  }),
  'goal.rated': spec({
    payload: z.strictObject({
      organisationId: id,
      attractive: z.number(),
      concrete: z.number(),
      flexible: z.number(),
      changed: z.boolean(),
    }),
    audience: 'members',
    access: 'none',
    link: goalPage,
    example: { organisationId: 'o1', attractive: 4, concrete: 3, flexible: 5, changed: false },
  }),
  'goal.commented': spec({
    payload: z.strictObject({ commentId: id }),
    audience: 'members',
    access: 'none',
    link: goalPage,
    example: { commentId: 'c1' },
  }),
  'goal.pilot_decided': spec({
    payload: z.strictObject({ ...pilotNote, status: z.string(), version: z.number() }),
    audience: 'members',
    access: 'none',
    link: goalPage,
    example: {
      decision: 'repeat',
      reason: 'Mehr Zeit',
      early: false,
      nextReviewOn: '2027-01-10',
      status: 'pilot',
      version: 4,
    },
  }),
  // the ledger and its units
  'unit.defined': spec({
    payload: z.strictObject({ label: z.string() }),
    audience: 'members',
    access: 'none',
    link: ledgerPage,
    example: { label: 'Raumstunden' },
  }),
  'ledger.recorded': spec({
    payload: z.strictObject({
      kind: z.string(),
      giverOrgId: id.nullable(),
      receiverOrgId: id.nullable(),
      unit: z.string(),
      amount: z.number(),
    }),
    audience: 'members',
    access: 'none',
    link: ledgerPage,
    example: { kind: 'time', giverOrgId: 'o1', receiverOrgId: 'o2', unit: 'hours', amount: 2.5 },
  }),
  'ledger.confirmed': spec({
    payload: ZLedgerAnswer,
    audience: 'members',
    access: 'none',
    link: ledgerPage,
    example: { giverOrgId: 'o1', receiverOrgId: 'o2' },
  }),
  'ledger.disputed': spec({
    payload: ZLedgerAnswer,
    audience: 'members',
    access: 'none',
    link: ledgerPage,
    example: { giverOrgId: 'o1', receiverOrgId: 'o2', comment: 'Nur eine Stunde' },
  }),
  'ledger.corrected': spec({
    payload: z.strictObject({
      reversesId: id,
      giverOrgId: id.nullable(),
      receiverOrgId: id.nullable(),
      reason: z.string(),
    }),
    audience: 'members',
    access: 'none',
    link: ledgerPage,
    example: { reversesId: 'e1', giverOrgId: 'o1', receiverOrgId: 'o2', reason: 'Tippfehler' },
  }),
  // commitments
  'commitment.created': spec({
    payload: ZCommitment,
    audience: 'members',
    access: 'none',
    link: commitmentPage,
    example: commitmentExample,
  }),
  'commitment.committed': spec({
    payload: ZCommitment,
    audience: 'members',
    access: 'none',
    link: commitmentPage,
    example: commitmentExample,
  }),
  'commitment.approval_requested': spec({
    payload: ZCommitment,
    audience: 'members',
    access: 'none',
    link: commitmentPage,
    example: commitmentExample,
  }),
  'commitment.delivered': spec({
    payload: ZCommitment,
    audience: 'members',
    access: 'none',
    link: commitmentPage,
    example: { ...commitmentExample, from: 'committed', to: 'delivered', evidence: ['e1'] },
  }),
  'commitment.withdrawn': spec({
    payload: ZCommitment,
    audience: 'members',
    access: 'none',
    link: commitmentPage,
    example: { ...commitmentExample, from: 'committed', to: 'withdrawn', reason: 'Kein Raum frei' },
  }),
  'commitment.pilot_decided': spec({
    payload: z.strictObject({ ...pilotNote, goalId: id, organisationId: id, from: z.string(), to: z.string() }),
    audience: 'members',
    access: 'none',
    link: commitmentPage,
    example: {
      decision: 'stop',
      reason: 'Zu aufwendig',
      early: true,
      nextReviewOn: null,
      goalId: 'g1',
      organisationId: 'o1',
      from: 'committed',
      to: 'withdrawn',
    },
  }),
  // a person's own account (no network)
  'account.created': spec({
    payload: z.strictObject({}),
    audience: 'self',
    access: 'none',
    link: () => '/account',
    example: {},
  }),
  'account.passwordChanged': spec({
    payload: z.strictObject({ sessionVersion: z.number().int() }),
    audience: 'self',
    access: 'sessions',
    link: () => '/account',
    example: { sessionVersion: 2 },
  }),
  'account.passwordResetRequested': spec({
    payload: z.strictObject({}),
    audience: 'self',
    access: 'none',
    link: () => '/account',
    example: {},
  }),
  'account.passwordReset': spec({
    payload: z.strictObject({ sessionVersion: z.number().int() }),
    audience: 'self',
    access: 'sessions',
    link: () => '/account',
    example: { sessionVersion: 4 },
  }),
  'account.signedOutEverywhere': spec({
    payload: z.strictObject({ sessionVersion: z.number().int() }),
    audience: 'self',
    access: 'sessions',
    link: () => '/account',
    example: { sessionVersion: 3 },
  }),
  // the demo network's marker (subject: the network)
  'demo.seeded': spec({
    payload: z.strictObject({ people: z.number().int() }),
    audience: 'nobody',
    access: 'none',
    link: (r) => `/networks/${r.subjectId}`,
    example: { people: 9 },
  }),
  // the kinds of later areas, one file each in ./kinds
  ...AREA_KINDS,
} as const satisfies Record<string, KindSpec>;

export type ActivityKind = keyof typeof CATALOG;
export type ActivityPayload<K extends ActivityKind> = z.input<(typeof CATALOG)[K]['payload']>;

export const ACTIVITY_KINDS = Object.keys(CATALOG) as ActivityKind[];

export function isActivityKind(kind: string): kind is ActivityKind {
  return Object.hasOwn(CATALOG, kind);
}

export function kindSpec(kind: string): KindSpec | null {
  return isActivityKind(kind) ? (CATALOG[kind] as KindSpec) : null;
}

/** Kinds whose rows change document access or end sessions (the realtime server's permission watcher reads these). */
export const ACCESS_KINDS: readonly ActivityKind[] = ACTIVITY_KINDS.filter((k) => CATALOG[k].access !== 'none');

/** The message key of a kind's words. */
export const messageKey = (kind: ActivityKind) => `activity.${kind}` as const;
