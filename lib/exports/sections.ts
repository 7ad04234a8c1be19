import type { Param, Queryable } from '../db/types';
import { csvCell } from '../ledger/export-entries-csv';
import { fromMilli } from '../ledger/units';
import { maySeeActivity } from '../policies/activity';
import { memberPolicy, type Actor } from '../policies';

/**
 * The records an archive holds, table by table ("sections"). Each section is
 * read page by page in a fixed order (keyset on `key`, never OFFSET), and
 * written twice: as CSV (cells defused like the ledger CSV, JSON columns as
 * text) and as JSON (an array of objects, JSON columns as objects). Rows are
 * filtered and fields left out exactly as the API would for the requester:
 * e-mail addresses only for managers, activity rows by the catalog's
 * visibility rule, never a secret (token hashes, idempotency keys).
 */

type Value = string | number | null;
export type Row = Record<string, unknown>;

export interface Column {
  name: string;
  /** The cell from the row (default: the column of the same name). */
  value?: (r: Row) => Value;
  /** A JSON column: an object in the JSON file, its text in the CSV. */
  json?: boolean;
}

export interface Section {
  /** File name (without extension). */
  name: string;
  /** FROM … WHERE … without ORDER BY (the alias `x` names the section's main table). */
  from: string;
  params: Param[];
  /** A unique, sortable expression to page by. */
  key: string;
  select: string;
  columns: Column[];
  /** Rows the requester may not see are skipped (their count is still read ahead as the estimate). */
  keep?: (r: Row) => boolean;
}

const PAGE = 1_000;

const num = (v: unknown): Value => (v === null || v === undefined ? null : Number(v));
const milli = (v: unknown): Value => (v === null || v === undefined ? null : fromMilli(v as number));
const c = (name: string, value?: Column['value'], json?: boolean): Column => ({ name, value, json });
const times = (...names: string[]) => names.map((n) => c(n, (r) => num(r[n])));

export async function countSection(q: Queryable, s: Section): Promise<number> {
  const r = await q.get<{ n: number | string }>(`SELECT COUNT(*) AS n ${s.from}`, s.params);
  return Number(r?.n ?? 0);
}

/** The section's rows, page by page, each page read when the previous one has been written. */
export async function* sectionRows(q: Queryable, s: Section): AsyncGenerator<Row[]> {
  let after: string | number | null = null;
  for (;;) {
    const where: string = after === null ? '' : ` ${/\bWHERE\b/i.test(s.from) ? 'AND' : 'WHERE'} ${s.key} > ?`;
    const rows: Row[] = await q.all<Row>(
      `SELECT ${s.select}, ${s.key} AS k__ ${s.from}${where} ORDER BY ${s.key} LIMIT ?`,
      [...s.params, ...(after === null ? [] : [after]), PAGE],
    );
    if (!rows.length) return;
    after = rows[rows.length - 1].k__ as string | number;
    yield s.keep ? rows.filter(s.keep) : rows;
    if (rows.length < PAGE) return;
  }
}

const cellOf = (col: Column, r: Row): Value => {
  const v = col.value ? col.value(r) : (r[col.name] as Value);
  return v === undefined ? null : typeof v === 'bigint' ? Number(v) : v;
};

export function csvHeader(s: Section): string {
  return s.columns.map((col) => csvCell(col.name)).join(',') + '\r\n';
}

export function csvLines(s: Section, rows: Row[]): string {
  let out = '';
  for (const r of rows) out += s.columns.map((col) => csvCell(cellOf(col, r))).join(',') + '\r\n';
  return out;
}

export function jsonObject(s: Section, r: Row): string {
  const o: Record<string, unknown> = {};
  for (const col of s.columns) {
    const v = cellOf(col, r);
    if (col.json && typeof v === 'string') {
      try {
        o[col.name] = JSON.parse(v);
      } catch {
        o[col.name] = v;
      }
    } else o[col.name] = v;
  }
  return JSON.stringify(o);
}

/** Every record of a network a manager may see. */
export function networkSections(networkId: string, actor: Actor): Section[] {
  const mayEmail = (userId: string) => memberPolicy.can(actor, 'seeEmail', { networkId, userId });
  return [
    {
      name: 'network',
      from: 'FROM networks x WHERE x.id = ?',
      params: [networkId],
      key: 'x.id',
      select: 'x.id, x.name, x.purpose, x.time_zone, x.dormancy_weeks, x.created_at',
      columns: [
        c('id'),
        c('name'),
        c('purpose'),
        c('time_zone'),
        c('dormancy_weeks', (r) => num(r.dormancy_weeks)),
        ...times('created_at'),
      ],
    },
    organisationsSection('FROM organisations x WHERE x.network_id = ?', [networkId]),
    {
      name: 'members',
      from: 'FROM memberships x JOIN users u ON u.id = x.user_id WHERE x.network_id = ?',
      params: [networkId],
      key: 'x.id',
      select: 'x.id, x.user_id, u.name, u.email, x.role, x.organisation_id, x.created_at, x.removed_at',
      columns: [
        c('id'),
        c('user_id'),
        c('name'),
        c('email', (r) => (mayEmail(String(r.user_id)) ? String(r.email) : null)),
        c('role'),
        c('organisation_id'),
        ...times('created_at', 'removed_at'),
      ],
    },
    {
      name: 'invitations',
      from: 'FROM invitations x WHERE x.network_id = ?',
      params: [networkId],
      key: 'x.id',
      select:
        'x.id, x.email, x.role, x.organisation_id, x.created_by, x.created_at, x.expires_at, x.revoked_at, x.accepted_at, x.accepted_by',
      columns: [
        c('id'),
        c('email'),
        c('role'),
        c('organisation_id'),
        c('created_by'),
        ...times('created_at', 'expires_at', 'revoked_at', 'accepted_at'),
        c('accepted_by'),
      ],
    },
    goalsSection('FROM goals x WHERE x.network_id = ?', [networkId]),
    {
      name: 'goal_organisations',
      from: 'FROM goal_organisations x JOIN goals g ON g.id = x.goal_id WHERE g.network_id = ?',
      params: [networkId],
      key: "(x.goal_id || ':' || x.organisation_id)",
      select: 'x.goal_id, x.organisation_id',
      columns: [c('goal_id'), c('organisation_id')],
    },
    {
      name: 'goal_revisions',
      from: 'FROM goal_revisions x JOIN goals g ON g.id = x.goal_id WHERE g.network_id = ?',
      params: [networkId],
      key: 'x.id',
      select:
        'x.id, x.goal_id, x.version, x.actor_id, x.created_at, x.changed, x.snapshot, x.restored_from, x.decision',
      columns: [
        c('id'),
        c('goal_id'),
        c('version', (r) => num(r.version)),
        c('actor_id'),
        ...times('created_at'),
        c('changed', undefined, true),
        c('snapshot', undefined, true),
        c('restored_from', (r) => num(r.restored_from)),
        c('decision', undefined, true),
      ],
    },
    ratingsSection('FROM goal_ratings x JOIN goals g ON g.id = x.goal_id WHERE g.network_id = ?', [networkId]),
    {
      // Comments on goals, entries, commitments and agenda items; a manager sees hidden ones (moderation), a
      // deleted one keeps only that it was there.
      name: 'comments',
      from: 'FROM comments x WHERE x.network_id = ?',
      params: [networkId],
      key: 'x.id',
      select:
        'x.id, x.subject_type, x.subject_id, x.author_id, x.body, x.created_at, x.edited_at, x.deleted_at, x.hidden_at, x.hidden_by, x.hidden_reason',
      columns: [
        c('id'),
        c('subject_type'),
        c('subject_id'),
        c('author_id'),
        c('body', (r) => (r.deleted_at == null ? String(r.body) : null)),
        ...times('created_at', 'edited_at', 'deleted_at', 'hidden_at'),
        c('hidden_by'),
        c('hidden_reason'),
      ],
    },
    {
      name: 'units',
      from: 'FROM network_units x WHERE x.network_id = ?',
      params: [networkId],
      key: 'x.unit_key',
      select: 'x.unit_key, x.label, x.created_at',
      columns: [c('unit_key'), c('label'), ...times('created_at')],
    },
    ledgerSection('FROM ledger_entries x WHERE x.network_id = ?', [networkId]),
    commitmentsSection('FROM commitments x WHERE x.network_id = ?', [networkId]),
    {
      name: 'commitment_evidence',
      from: 'FROM commitment_evidence x JOIN commitments m ON m.id = x.commitment_id WHERE m.network_id = ?',
      params: [networkId],
      key: "(x.commitment_id || ':' || x.entry_id)",
      select: 'x.commitment_id, x.entry_id',
      columns: [c('commitment_id'), c('entry_id')],
    },
    {
      name: 'activity',
      from: 'FROM activity x WHERE x.network_id = ?',
      params: [networkId],
      key: 'x.id',
      select: 'x.id, x.actor_id, x.kind, x.subject_id, x.data, x.created_at',
      columns: [
        c('id', (r) => num(r.id)),
        c('actor_id'),
        c('kind'),
        c('subject_id'),
        c('data', undefined, true),
        ...times('created_at'),
      ],
      keep: (r) => {
        let data: Record<string, unknown> = {};
        try {
          data = JSON.parse(String(r.data)) as Record<string, unknown>;
        } catch {
          return false;
        }
        return maySeeActivity(actor, networkId, { kind: String(r.kind), actorId: r.actor_id as string | null, data });
      },
    },
    {
      name: 'meetings',
      from: 'FROM meetings x WHERE x.network_id = ?',
      params: [networkId],
      key: 'x.id',
      select:
        'x.id, x.title, x.starts_at, x.ends_at, x.place, x.online_url, x.status, x.created_by, x.created_at, x.started_at, x.ended_at, x.published_at, x.cancel_reason',
      columns: [
        c('id'),
        c('title'),
        ...times('starts_at', 'ends_at'),
        c('place'),
        c('online_url'),
        c('status'),
        c('created_by'),
        ...times('created_at', 'started_at', 'ended_at', 'published_at'),
        c('cancel_reason'),
      ],
    },
    {
      name: 'meeting_organisations',
      from: 'FROM meeting_organisations x JOIN meetings m ON m.id = x.meeting_id WHERE m.network_id = ?',
      params: [networkId],
      key: "(x.meeting_id || ':' || x.organisation_id)",
      select: 'x.meeting_id, x.organisation_id, x.attended, x.approval, x.objection, x.approval_by, x.approval_at',
      columns: [
        c('meeting_id'),
        c('organisation_id'),
        c('attended', (r) => num(r.attended)),
        c('approval'),
        c('objection'),
        c('approval_by'),
        ...times('approval_at'),
      ],
    },
    {
      name: 'decisions',
      from: 'FROM decisions x WHERE x.network_id = ?',
      params: [networkId],
      key: 'x.id',
      select:
        'x.id, x.meeting_id, x.agenda_item, x.title, x.body, x.method, x.options, x.closes_at, x.status, x.outcome, x.created_by, x.created_at, x.closed_at',
      columns: [
        c('id'),
        c('meeting_id'),
        c('agenda_item'),
        c('title'),
        c('body'),
        c('method'),
        c('options', undefined, true),
        ...times('closes_at'),
        c('status'),
        c('outcome'),
        c('created_by'),
        ...times('created_at', 'closed_at'),
      ],
    },
    {
      name: 'decision_votes',
      from: 'FROM decision_votes x JOIN decisions d ON d.id = x.decision_id WHERE d.network_id = ?',
      params: [networkId],
      key: "(x.decision_id || ':' || x.organisation_id)",
      select: 'x.decision_id, x.organisation_id, x.choice, x.objection, x.voted_by, x.voted_at',
      columns: [
        c('decision_id'),
        c('organisation_id'),
        c('choice'),
        c('objection'),
        c('voted_by'),
        ...times('voted_at'),
      ],
    },
    {
      name: 'meeting_action_items',
      from: 'FROM meeting_action_items x JOIN meetings m ON m.id = x.meeting_id WHERE m.network_id = ?',
      params: [networkId],
      key: 'x.commitment_id',
      select: 'x.commitment_id, x.meeting_id, x.text, x.created_by, x.created_at',
      columns: [c('commitment_id'), c('meeting_id'), c('text'), c('created_by'), ...times('created_at')],
    },
    {
      // The network management's mandate, every version (every member may read it).
      name: 'management_mandates',
      from: 'FROM management_mandates x WHERE x.network_id = ?',
      params: [networkId],
      key: 'x.id',
      select:
        'x.id, x.version, x.given_by, x.resources, x.authority, x.tasks, x.valid_from, x.valid_until, x.note, x.set_by, x.created_at',
      columns: [
        c('id'),
        c('version', (r) => num(r.version)),
        c('given_by'),
        c('resources', undefined, true),
        c('authority'),
        c('tasks', undefined, true),
        c('valid_from'),
        c('valid_until'),
        c('note'),
        c('set_by'),
        ...times('created_at'),
      ],
    },
    {
      name: 'document_locks',
      from: 'FROM document_locks x WHERE x.network_id = ?',
      params: [networkId],
      key: 'x.id',
      select: 'x.id, x.doc, x.part, x.reason, x.locked_by, x.locked_at, x.ends_at, x.unlocked_by, x.unlocked_at',
      columns: [
        c('id'),
        c('doc'),
        c('part'),
        c('reason'),
        c('locked_by'),
        ...times('locked_at', 'ends_at'),
        c('unlocked_by'),
        ...times('unlocked_at'),
      ],
    },
    {
      name: 'health_snapshots',
      from: 'FROM health_snapshots x WHERE x.network_id = ?',
      params: [networkId],
      key: 'x.month',
      select: 'x.month, x.data, x.taken_at',
      columns: [c('month'), c('data', undefined, true), ...times('taken_at')],
    },
  ];
}

/** An organisation's own data, for its own people. */
export function organisationSections(networkId: string, orgId: string): Section[] {
  return [
    organisationsSection(
      'FROM organisations x WHERE x.network_id = ? AND x.id = ?',
      [networkId, orgId],
      'organisation',
    ),
    goalsSection(
      'FROM goals x WHERE x.network_id = ? AND x.id IN (SELECT goal_id FROM goal_organisations WHERE organisation_id = ?)',
      [networkId, orgId],
    ),
    ratingsSection(
      'FROM goal_ratings x JOIN goals g ON g.id = x.goal_id WHERE g.network_id = ? AND x.organisation_id = ?',
      [networkId, orgId],
    ),
    ledgerSection(
      'FROM ledger_entries x WHERE x.network_id = ? AND (x.giver_org_id = ? OR x.receiver_org_id = ? OR x.recorder_org_id = ?)',
      [networkId, orgId, orgId, orgId],
    ),
    commitmentsSection('FROM commitments x WHERE x.network_id = ? AND x.organisation_id = ?', [networkId, orgId]),
  ];
}

function organisationsSection(from: string, params: Param[], name = 'organisations'): Section {
  return {
    name,
    from,
    params,
    key: 'x.id',
    select: 'x.id, x.name, x.kind, x.website, x.description, x.status, x.created_at, x.status_changed_at',
    columns: [
      c('id'),
      c('name'),
      c('kind'),
      c('website'),
      c('description'),
      c('status'),
      ...times('created_at', 'status_changed_at'),
    ],
  };
}

function goalsSection(from: string, params: Param[]): Section {
  return {
    name: 'goals',
    from,
    params,
    key: 'x.id',
    select:
      'x.id, x.title, x.why_together, x.description, x.status, x.target_date, x.review_on, x.indicators, x.version, x.created_by, x.created_at, x.updated_at',
    columns: [
      c('id'),
      c('title'),
      c('why_together'),
      c('description'),
      c('status'),
      c('target_date'),
      c('review_on'),
      c('indicators', undefined, true),
      c('version', (r) => num(r.version)),
      c('created_by'),
      ...times('created_at', 'updated_at'),
    ],
  };
}

function ratingsSection(from: string, params: Param[]): Section {
  return {
    name: 'goal_ratings',
    from,
    params,
    key: "(x.goal_id || ':' || x.organisation_id)",
    select:
      'x.goal_id, g.title AS goal_title, x.organisation_id, x.attractive, x.concrete, x.flexible, x.comment, x.rated_by, x.updated_at',
    columns: [
      c('goal_id'),
      c('goal_title'),
      c('organisation_id'),
      c('attractive', (r) => num(r.attractive)),
      c('concrete', (r) => num(r.concrete)),
      c('flexible', (r) => num(r.flexible)),
      c('comment'),
      c('rated_by'),
      ...times('updated_at'),
    ],
  };
}

function ledgerSection(from: string, params: Param[]): Section {
  return {
    name: 'ledger_entries',
    from,
    params,
    key: 'x.id',
    select:
      'x.id, x.kind, x.giver_org_id, x.receiver_org_id, x.recorder_org_id, x.counterparty_org_id, x.unit, x.amount_milli, x.occurred_on, x.description, x.goal_id, x.status, x.response_comment, x.responded_by, x.responded_at, x.reverses_id, x.recorded_by, x.created_at',
    columns: [
      c('id'),
      c('date', (r) => String(r.occurred_on)),
      c('kind'),
      c('giver_org_id'),
      c('receiver_org_id'),
      c('recorder_org_id'),
      c('counterparty_org_id'),
      c('unit'),
      c('amount', (r) => milli(r.amount_milli)),
      c('status'),
      c('description'),
      c('goal_id'),
      c('response_comment'),
      c('responded_by'),
      ...times('responded_at'),
      c('reverses_id'),
      c('recorded_by'),
      ...times('created_at'),
    ],
  };
}

function commitmentsSection(from: string, params: Param[]): Section {
  return {
    name: 'commitments',
    from,
    params,
    key: 'x.id',
    select:
      'x.id, x.goal_id, x.organisation_id, x.unit, x.amount_milli, x.due_on, x.note, x.status, x.committed_by, x.withdraw_reason, x.pilot_review_on, x.created_at, x.updated_at, x.delivered_at',
    columns: [
      c('id'),
      c('goal_id'),
      c('organisation_id'),
      c('unit'),
      c('amount', (r) => milli(r.amount_milli)),
      c('due_on'),
      c('note'),
      c('status'),
      c('committed_by'),
      c('withdraw_reason'),
      c('pilot_review_on'),
      ...times('created_at', 'updated_at', 'delivered_at'),
    ],
  };
}
