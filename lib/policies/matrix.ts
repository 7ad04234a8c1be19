import type { DocName } from '../docs/names';
import type { Actor, Role } from './actor';
import { refusalOf, type Policy, type Refusal } from './define';
import { POLICIES } from './index';

/**
 * The role × subject × action matrix, computed from the policies (never
 * written by hand): docs/permissions.md is generated from it
 * (`npm run docs:permissions`) and tests/integration/permissions.test.ts
 * asks the real API every cell of it.
 *
 * The cells are asked on one small network: organisations A and B, a goal in
 * which A takes part, an entry A recorded for B, a commitment of A, and so on
 * (each case says which record it is). Every action of every policy needs at
 * least one case here; a test fails when one is missing.
 */

/** The people the matrix asks about, in column order. */
export const MATRIX_ROLES = [
  'manager',
  'repA',
  'repB',
  'homeA',
  'observer',
  'adviser',
  'nonMember',
  'anonymous',
] as const;
export type MatrixRole = (typeof MATRIX_ROLES)[number];

export const ROLE_LABELS: Record<MatrixRole, string> = {
  manager: 'Network manager',
  repA: 'Representative of A',
  repB: 'Representative of B',
  homeA: 'Home member of A',
  observer: 'Observer',
  adviser: 'Adviser',
  nonMember: 'Signed in, not a member',
  anonymous: 'Signed out',
};

/** The ids the matrix is computed with (any fixed ids do: the rules compare them, never read them). */
export interface MatrixIds {
  networkId: string;
  orgA: string;
  orgB: string;
  users: Record<Exclude<MatrixRole, 'anonymous'>, string>;
}

const FIXED: MatrixIds = {
  networkId: '00000000-0000-4000-8000-000000000001',
  orgA: '00000000-0000-4000-8000-00000000000a',
  orgB: '00000000-0000-4000-8000-00000000000b',
  users: {
    manager: 'u-manager',
    repA: 'u-repA',
    repB: 'u-repB',
    homeA: 'u-homeA',
    observer: 'u-observer',
    adviser: 'u-adviser',
    nonMember: 'u-nonMember',
  },
};

/** The actor for a matrix role (null: signed out). */
export function matrixActor(role: MatrixRole, ids: MatrixIds = FIXED): Actor | null {
  if (role === 'anonymous') return null;
  const membership = (r: Role, organisationId: string | null) => ({
    networkId: ids.networkId,
    role: r,
    organisationId,
    organisationStatus: organisationId ? ('active' as const) : null,
  });
  const m = {
    manager: membership('manager', null),
    repA: membership('representative', ids.orgA),
    repB: membership('representative', ids.orgB),
    homeA: membership('home_member', ids.orgA),
    observer: membership('observer', null),
    adviser: membership('adviser', null),
    nonMember: null,
  }[role];
  return { userId: ids.users[role], membership: m };
}

/** One row of the matrix: an action of a subject on a described record. */
export interface MatrixCase {
  subject: string;
  action: string;
  /** Which record, in words (shown in the docs). */
  on: string;
  /** The record, built from the ids (the API test builds it from the real ones). */
  record: (ids: MatrixIds, asked: MatrixRole) => unknown;
}

const doc = (d: (ids: MatrixIds) => DocName) => (ids: MatrixIds) => d(ids);

/** The records every action is asked about. `asked` is the column's role (for "their own …" records). */
export const MATRIX_CASES: MatrixCase[] = [
  ...['read', 'update', 'createOrganisation', 'listMembers', 'createGoal', 'defineUnit'].map((action) => ({
    subject: 'network',
    action,
    on: 'the network',
    record: (ids: MatrixIds) => ({ networkId: ids.networkId }),
  })),
  ...['update', 'setStatus', 'recordEntry', 'commit', 'rate'].map((action) => ({
    subject: 'organisation',
    action,
    on: 'organisation A (active)',
    record: (ids: MatrixIds) => ({ networkId: ids.networkId, id: ids.orgA, status: 'active' }),
  })),
  {
    subject: 'invitation',
    action: 'create',
    on: 'a representative of A',
    record: (ids) => ({ networkId: ids.networkId, role: 'representative', organisationId: ids.orgA }),
  },
  {
    subject: 'invitation',
    action: 'create',
    on: 'an observer',
    record: (ids) => ({ networkId: ids.networkId, role: 'observer', organisationId: null }),
  },
  ...['see', 'revoke'].map((action) => ({
    subject: 'invitation',
    action,
    on: 'a pending invitation made by the representative of A',
    record: (ids: MatrixIds) => ({
      networkId: ids.networkId,
      role: 'home_member',
      organisationId: ids.orgA,
      createdBy: ids.users.repA,
      state: 'pending',
    }),
  })),
  ...['changeRole', 'remove', 'seeEmail'].map((action) => ({
    subject: 'member',
    action,
    on: 'another member (an observer)',
    record: (ids: MatrixIds) => ({ networkId: ids.networkId, userId: 'u-someone-else' }),
  })),
  {
    subject: 'member',
    action: 'leave',
    on: 'their own membership',
    record: (ids, asked) => ({
      networkId: ids.networkId,
      userId: asked === 'anonymous' ? 'nobody' : ids.users[asked],
    }),
  },
  ...['update', 'decidePilot', 'editText', 'restoreVersion', 'comment', 'rate', 'commit'].map((action) => ({
    subject: 'goal',
    action,
    on: 'a pilot goal in which A takes part',
    record: (ids: MatrixIds) => ({ networkId: ids.networkId, organisationIds: [ids.orgA], status: 'pilot' }),
  })),
  ...['confirm', 'dispute', 'correct'].map((action) => ({
    subject: 'ledgerEntry',
    action,
    on: 'a pending entry A recorded, given to B',
    record: (ids: MatrixIds) => ({
      networkId: ids.networkId,
      recorderOrgId: ids.orgA,
      counterpartyOrgId: ids.orgB,
      status: 'pending',
      reversesId: null,
      reversedById: null,
    }),
  })),
  {
    subject: 'ledgerEntry',
    action: 'confirm',
    on: 'a pending entry A recorded for the network as a whole',
    record: (ids) => ({
      networkId: ids.networkId,
      recorderOrgId: ids.orgA,
      counterpartyOrgId: null,
      status: 'pending',
      reversesId: null,
      reversedById: null,
    }),
  },
  ...['approveHome', 'declineHome'].map((action) => ({
    subject: 'ledgerEntry',
    action,
    on: 'a gift A recorded for B beyond its mandate, waiting for home approval',
    record: (ids: MatrixIds) => ({
      networkId: ids.networkId,
      recorderOrgId: ids.orgA,
      counterpartyOrgId: ids.orgB,
      status: 'awaiting_home_approval',
      reversesId: null,
      reversedById: null,
    }),
  })),
  ...(
    [
      ['commit', 'proposed'],
      ['approve', 'awaiting_home_approval'],
      ['decline', 'awaiting_home_approval'],
      ['deliver', 'committed'],
      ['withdraw', 'proposed'],
      ['decidePilot', 'proposed'],
    ] as const
  ).map(([action, status]) => ({
    subject: 'commitment',
    action,
    on: `a ${status === 'awaiting_home_approval' ? 'waiting-for-home-approval' : status} pilot commitment of A`,
    record: (ids: MatrixIds) => ({
      networkId: ids.networkId,
      organisationId: ids.orgA,
      status,
      pilotReviewOn: '2099-01-01',
    }),
  })),
  ...(
    [
      ['schedule', undefined, 'the network (representatives may not schedule)'],
      ['settings', undefined, 'the network'],
      ['read', 'scheduled', 'a scheduled meeting to which A is invited'],
      ['moderate', 'scheduled', 'a scheduled meeting to which A is invited (scheduled by a manager)'],
      ['readDocument', 'scheduled', 'the agenda of a scheduled meeting to which A is invited'],
      ['writeDocument', 'scheduled', 'the agenda of a scheduled meeting to which A is invited'],
      ['writeDocument', 'published', 'the published minutes of a meeting A attended'],
      ['propose', 'live', 'a live meeting to which A is invited'],
      ['addActionItem', 'live', 'a live meeting to which A is invited'],
      ['adoptText', 'live', 'a live meeting to which A is invited'],
      ['approveMinutes', 'approval', 'minutes waiting for approval of a meeting A attended'],
    ] as const
  ).map(([action, status, on]) => ({
    subject: 'meeting',
    action,
    on,
    record: (ids: MatrixIds) =>
      status === undefined
        ? { networkId: ids.networkId, representativesMaySchedule: false }
        : {
            networkId: ids.networkId,
            status,
            createdBy: ids.users.manager,
            invitedOrgIds: [ids.orgA],
            attendedOrgIds: status === 'live' || status === 'scheduled' ? [] : [ids.orgA],
            representativesMaySchedule: false,
          },
  })),
  ...(['vote', 'withdrawObjection', 'close'] as const).map((action) => ({
    subject: 'decision',
    action,
    on:
      action === 'withdrawObjection'
        ? 'an open proposal of a meeting to which A is invited, to which A objected'
        : 'an open proposal of a meeting to which A is invited',
    record: (ids: MatrixIds) => ({
      networkId: ids.networkId,
      invitedOrgIds: [ids.orgA],
      meetingCreatedBy: ids.users.manager,
      status: 'open',
    }),
  })),
  ...['read', 'answer', 'share', 'readSummary'].map((action) => ({
    subject: 'readiness',
    action,
    on: 'A’s readiness check (not shared)',
    record: (ids: MatrixIds) => ({ networkId: ids.networkId, organisationId: ids.orgA, shared: false }),
  })),
  {
    subject: 'readiness',
    action: 'readSummary',
    on: 'the summary of a check A shared with the network',
    record: (ids) => ({ networkId: ids.networkId, organisationId: ids.orgA, shared: true }),
  },
  {
    subject: 'boardReport',
    action: 'read',
    on: 'A’s report for its home board',
    record: (ids) => ({ networkId: ids.networkId, organisationId: ids.orgA }),
  },
  ...['read', 'set'].map((action) => ({
    subject: 'managementMandate',
    action,
    on: 'the network management’s mandate',
    record: (ids: MatrixIds) => ({ networkId: ids.networkId }),
  })),
  ...['set', 'readLimits', 'setCapacity', 'readHome'].map((action) => ({
    subject: 'mandate',
    action,
    on: 'A’s mandate (limits not disclosed)',
    record: (ids: MatrixIds) => ({ networkId: ids.networkId, organisationId: ids.orgA, disclosure: 'exists' }),
  })),
  {
    subject: 'mandate',
    action: 'readLimits',
    on: 'A’s mandate, its limits disclosed',
    record: (ids) => ({ networkId: ids.networkId, organisationId: ids.orgA, disclosure: 'limits' }),
  },
  {
    subject: 'comment',
    action: 'create',
    on: 'a goal in which A takes part',
    record: (ids) => ({ networkId: ids.networkId, authorId: null }),
  },
  {
    subject: 'comment',
    action: 'create',
    on: 'an agenda item of a scheduled meeting to which A is invited',
    record: (ids) => ({ networkId: ids.networkId, authorId: null }),
  },
  ...(['edit', 'delete'] as const).map((action) => ({
    subject: 'comment',
    action,
    on: 'their own comment',
    record: (ids: MatrixIds, asked: MatrixRole) => ({
      networkId: ids.networkId,
      authorId: asked === 'anonymous' ? 'nobody' : ids.users[asked],
      hidden: false,
      deleted: false,
    }),
  })),
  ...(['edit', 'delete', 'hide'] as const).map((action) => ({
    subject: 'comment',
    action,
    on: 'a comment by the representative of A',
    record: (ids: MatrixIds) => ({ networkId: ids.networkId, authorId: ids.users.repA, hidden: false, deleted: false }),
  })),
  ...(['restore', 'seeHidden'] as const).map((action) => ({
    subject: 'comment',
    action,
    on: 'a hidden comment by the representative of A',
    record: (ids: MatrixIds) => ({ networkId: ids.networkId, authorId: ids.users.repA, hidden: true, deleted: false }),
  })),
  {
    subject: 'comment',
    action: 'seeHidden',
    on: 'a hidden comment by the representative of A on an agenda item',
    record: (ids: MatrixIds) => ({ networkId: ids.networkId, authorId: ids.users.repA, hidden: true, deleted: false }),
  },
  ...(['read', 'write', 'lock', 'unlock'] as const).flatMap((action) =>
    (
      [
        ['the commons', doc((ids) => ({ kind: 'commons', networkId: ids.networkId }))],
        ['A’s organisation page', doc((ids) => ({ kind: 'org', networkId: ids.networkId, orgId: ids.orgA }))],
        ['A’s home space', doc((ids) => ({ kind: 'home', networkId: ids.networkId, orgId: ids.orgA }))],
      ] as const
    ).map(([on, record]) => ({ subject: 'document', action, on, record })),
  ),
  ...['goal', 'ledger', 'archiveNetwork'].map((action) => ({
    subject: 'export',
    action,
    on: 'the network',
    record: (ids: MatrixIds) => ({ networkId: ids.networkId }),
  })),
  {
    subject: 'export',
    action: 'archiveOrganisation',
    on: 'organisation A’s own data',
    record: (ids) => ({ networkId: ids.networkId, organisationId: ids.orgA, scope: 'organisation' }),
  },
  {
    subject: 'export',
    action: 'download',
    on: 'a ready network archive the manager asked for',
    record: (ids) => ({ networkId: ids.networkId, scope: 'network', requestedBy: ids.users.manager }),
  },
];

/** What the API answers in one cell. */
export type Cell = 'allowed' | Refusal | 401;

function policyOf(subject: string): Policy<unknown, string> {
  const p = POLICIES.find((x) => x.subject === subject);
  if (!p) throw new Error(`no policy for subject ${subject}`);
  return p as unknown as Policy<unknown, string>;
}

/** The cell for one role and case: allowed, or how the API refuses (401 signed out, 404 not a member, …). */
export function cell(role: MatrixRole, c: MatrixCase, ids: MatrixIds = FIXED): Cell {
  const policy = policyOf(c.subject);
  const record = c.record(ids, role);
  const actor = matrixActor(role, ids);
  if (policy.can(actor, c.action, record)) return 'allowed';
  if (!actor) return 401;
  if (role === 'nonMember') return 404;
  return refusalOf(policy.actions[c.action], record);
}

/** Every action of every policy that has no case (should be none). */
export function actionsWithoutCase(): string[] {
  return POLICIES.flatMap((p) =>
    (p.actionNames as readonly string[])
      .filter((a) => !MATRIX_CASES.some((c) => c.subject === p.subject && c.action === a))
      .map((a) => `${p.subject}.${a}`),
  );
}

const SYMBOL: Record<string, string> = {
  allowed: '✓',
  401: '401',
  403: '403',
  404: '404',
  hidden: 'hidden',
  'read-only': 'read-only',
};

/** docs/permissions.md, from the policies. */
export function permissionsMarkdown(): string {
  const lines: string[] = [
    '# Permissions',
    '',
    '<!-- Generated from lib/policies by `npm run docs:permissions`; do not edit by hand. A test fails when it is stale. -->',
    '',
    'Who may do what, computed from the policies in `lib/policies/` (one file per subject, each rule written once).',
    'The same rules answer the server’s checks, the `abilities` sent with every record the API returns, and this',
    'table. `tests/integration/permissions.test.ts` asks the real API every cell.',
    '',
    'The cells are asked on one network with organisations A and B. **✓** allowed; **401** signed out; **404** not',
    'a member (the network, and anything in it, is answered as not found); **403** a member without the right;',
    '**hidden** the API leaves the record (or the field) out of what it returns; **read-only** the document opens',
    'for reading only. A state that does not allow a move (a confirmed entry confirmed again) is a 409 and is not',
    'part of this table: the per-record `abilities` say it, the matrix asks each action in a state that allows it.',
    '',
  ];
  for (const policy of POLICIES) {
    lines.push(`## ${policy.subject}`, '', `${policy.describe}.`, '');
    lines.push(`| Action | On | ${MATRIX_ROLES.map((r) => ROLE_LABELS[r]).join(' | ')} |`);
    lines.push(`| --- | --- | ${MATRIX_ROLES.map(() => ':-:').join(' | ')} |`);
    for (const c of MATRIX_CASES.filter((x) => x.subject === policy.subject)) {
      const cells = MATRIX_ROLES.map((r) => SYMBOL[String(cell(r, c))]);
      lines.push(`| \`${c.action}\` | ${c.on} | ${cells.join(' | ')} |`);
    }
    lines.push('', 'Who may:', '');
    for (const a of policy.actionNames as readonly string[]) {
      const rule = (policy.actions as Record<string, { who: string }>)[a];
      lines.push(`- \`${a}\`: ${rule.who}.`);
    }
    lines.push('');
  }
  lines.push(
    '## New subjects',
    '',
    'Every subject has its policy file here (`lib/policies/<subject>.ts`), listed in `POLICIES`; this page and',
    'the API test pick up new ones.',
    '',
  );
  return lines.join('\n');
}
