/**
 * Makes a large network for load tests and benchmarks: by default 30
 * organisations with a representative each, 1,000 goals (with ratings),
 * 20,000 ledger entries and 2,000 commitments, spread over two years.
 *
 *   DATA_DIR=./data-big npx tsx scripts/generate-large-network.ts [--goals 1000] [--entries 20000] [--commitments 2000] [--orgs 30]
 *   DATABASE_URL=postgres://… npx tsx scripts/generate-large-network.ts
 *
 * Writes straight into the database (many rows per statement, one
 * transaction per batch); prints the network id and how to sign in. Every
 * generated person has the password given with --password (default
 * "bench-Netzwerk-2026!").
 */
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { hashPassword } from '../lib/auth/password';
import type { Db, Param, Queryable } from '../lib/db/types';
import { BUILTIN_UNITS } from '../lib/ledger/units';
import { GOAL_STATUSES, searchText } from '../lib/goals/records';

export interface GenerateOptions {
  goals?: number;
  entries?: number;
  commitments?: number;
  orgs?: number;
  password?: string;
  /** Seed for the pseudo-random choices (same seed, same shape). */
  seed?: number;
}

export interface GeneratedNetwork {
  networkId: string;
  password: string;
  manager: { id: string; email: string };
  representatives: { id: string; email: string; organisationId: string }[];
  counts: { goals: number; entries: number; commitments: number; ratings: number; organisations: number };
}

/** A small deterministic generator (mulberry32), so runs are comparable. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
  };
}

const WORDS = {
  what: [
    'Volunteer pool',
    'Food rescue',
    'Shared office',
    'Funding bid',
    'Youth programme',
    'Repair café',
    'Climate fund',
    'Training academy',
    'Mobility hub',
    'Neighbourhood lab',
    'Freiwilligenpool',
    'Lebensmittelrettung',
    'Bildungswerkstatt',
    'Lastenradverleih',
    'Beratungsnetz',
  ],
  where: ['North', 'South', 'City centre', 'Region', 'Valley', 'Nord', 'Süd', 'Innenstadt', 'Landkreis'],
  why: [
    'No member has enough people alone.',
    'Together we reach every district.',
    'Only jointly can we apply for the fund.',
    'Allein fehlen uns die Räume.',
    'Gemeinsam erreichen wir alle Stadtteile.',
  ],
};

/** Inserts rows with many VALUES per statement (both databases accept it). */
async function insertMany(q: Queryable, table: string, columns: string[], rows: Param[][], perStatement = 200) {
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const values = chunk.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ');
    await q.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`, chunk.flat());
  }
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Generates one large network into a migrated database. */
export async function generateLargeNetwork(db: Db, opts: GenerateOptions = {}): Promise<GeneratedNetwork> {
  const nGoals = opts.goals ?? 1000;
  const nEntries = opts.entries ?? 20_000;
  const nCommitments = opts.commitments ?? 2000;
  const nOrgs = opts.orgs ?? 30;
  const password = opts.password ?? 'bench-Netzwerk-2026!';
  const r = rng(opts.seed ?? 42);
  const now = Date.now();
  const tag = randomUUID().slice(0, 8);
  const hash = await hashPassword(password);
  const networkId = randomUUID();
  const manager = { id: randomUUID(), email: `manager-${tag}@bench.example` };
  const orgIds = Array.from({ length: nOrgs }, () => randomUUID());
  const reps = orgIds.map((organisationId, i) => ({
    id: randomUUID(),
    email: `rep${i + 1}-${tag}@bench.example`,
    organisationId,
  }));

  await db.tx(async (q) => {
    await insertMany(
      q,
      'users',
      ['id', 'email', 'name', 'password_hash', 'locale', 'created_at'],
      [
        [manager.id, manager.email, 'Bench Manager', hash, 'en', now],
        ...reps.map((p, i): Param[] => [p.id, p.email, `Representative ${i + 1}`, hash, i % 2 ? 'de' : 'en', now]),
      ],
    );
    await q.run('INSERT INTO networks (id, name, purpose, created_by, created_at) VALUES (?, ?, ?, ?, ?)', [
      networkId,
      `Large network ${tag}`,
      'Benchmark',
      manager.id,
      now,
    ]);
    await insertMany(
      q,
      'organisations',
      ['id', 'network_id', 'name', 'name_key', 'kind', 'status', 'created_at', 'status_changed_at'],
      orgIds.map((id, i): Param[] => [
        id,
        networkId,
        `Organisation ${String(i + 1).padStart(2, '0')}`,
        `organisation ${String(i + 1).padStart(2, '0')}`,
        'ngo',
        'active',
        now,
        now,
      ]),
    );
    await insertMany(
      q,
      'memberships',
      ['id', 'network_id', 'user_id', 'role', 'organisation_id', 'created_at'],
      [
        [randomUUID(), networkId, manager.id, 'manager', null, now],
        ...reps.map((p): Param[] => [randomUUID(), networkId, p.id, 'representative', p.organisationId, now]),
      ],
    );
  });

  // Goals with participating organisations, a first revision, and ratings.
  const goals: { id: string; orgs: string[] }[] = [];
  let ratings = 0;
  for (let start = 0; start < nGoals; start += 250) {
    const goalRows: Param[][] = [];
    const memberRows: Param[][] = [];
    const revisionRows: Param[][] = [];
    const ratingRows: Param[][] = [];
    for (let i = start; i < Math.min(nGoals, start + 250); i++) {
      const id = randomUUID();
      const title = `${r.pick(WORDS.what)} ${r.pick(WORDS.where)} ${i + 1}`;
      const why = r.pick(WORDS.why);
      const status = r.pick(GOAL_STATUSES);
      const target = r.next() < 0.85 ? day(now + r.int(-200, 900) * 86_400_000) : null;
      const created = now - r.int(0, 700) * 86_400_000;
      const indicators =
        r.next() < 0.3
          ? JSON.stringify([{ id: 'i1', label: 'People reached', unit: '', target: 500, current: r.int(0, 500) }])
          : '[]';
      const orgs = [...new Set(Array.from({ length: r.int(1, 5) }, () => r.pick(orgIds)))];
      goals.push({ id, orgs });
      goalRows.push([
        id,
        networkId,
        title,
        why,
        '',
        status,
        target,
        indicators,
        1,
        manager.id,
        created,
        created,
        searchText(title, why, ''),
      ]);
      for (const o of orgs) memberRows.push([id, o]);
      const snapshot = JSON.stringify({
        title,
        whyTogether: why,
        description: '',
        status,
        targetDate: target,
        indicators: JSON.parse(indicators),
      });
      revisionRows.push([randomUUID(), id, 1, manager.id, created, '["created"]', snapshot, null]);
      if (r.next() < 0.4) {
        for (const o of new Set(Array.from({ length: r.int(2, 8) }, () => r.pick(orgIds)))) {
          const rep = reps.find((p) => p.organisationId === o)!;
          ratingRows.push([id, o, r.int(1, 5), r.int(1, 5), r.int(1, 5), '', rep.id, created]);
          ratings++;
        }
      }
    }
    await db.tx(async (q) => {
      await insertMany(
        q,
        'goals',
        [
          'id',
          'network_id',
          'title',
          'why_together',
          'description',
          'status',
          'target_date',
          'indicators',
          'version',
          'created_by',
          'created_at',
          'updated_at',
          'search_text',
        ],
        goalRows,
        100,
      );
      await insertMany(q, 'goal_organisations', ['goal_id', 'organisation_id'], memberRows, 400);
      await insertMany(
        q,
        'goal_revisions',
        ['id', 'goal_id', 'version', 'actor_id', 'created_at', 'changed', 'snapshot', 'restored_from'],
        revisionRows,
        100,
      );
      await insertMany(
        q,
        'goal_ratings',
        ['goal_id', 'organisation_id', 'attractive', 'concrete', 'flexible', 'comment', 'rated_by', 'updated_at'],
        ratingRows,
        100,
      );
    });
  }

  // Ledger entries over two years: mostly confirmed, some pending or disputed.
  const givenBy = new Map<string, { id: string; unit: string }[]>();
  const units = BUILTIN_UNITS.filter((u) => u !== 'money_eur');
  for (let start = 0; start < nEntries; start += 1000) {
    const rows: Param[][] = [];
    for (let i = start; i < Math.min(nEntries, start + 1000); i++) {
      const giver = r.pick(orgIds);
      let receiver: string | null = r.pick(orgIds);
      if (receiver === giver) receiver = r.next() < 0.5 ? null : orgIds[(orgIds.indexOf(giver) + 1) % orgIds.length];
      const kind = r.pick(['give', 'give', 'take', 'share'] as const);
      const recorder = kind === 'take' && receiver ? receiver : giver;
      const counterparty = recorder === giver ? receiver : giver;
      const unit = r.next() < 0.1 ? 'money_eur' : r.pick(units);
      const amountMilli = unit === 'money_eur' ? r.int(50, 5000) * 1000 : r.int(1, 40) * 500;
      const p = r.next();
      const status = p < 0.75 ? 'confirmed' : p < 0.92 ? 'pending' : 'disputed';
      const created = now - r.int(0, 730) * 86_400_000 - r.int(0, 86_399_999);
      const id = randomUUID();
      if (status !== 'disputed') {
        const list = givenBy.get(giver) ?? [];
        list.push({ id, unit });
        givenBy.set(giver, list);
      }
      const rep = reps.find((x) => x.organisationId === recorder)!;
      rows.push([
        id,
        networkId,
        kind,
        giver,
        receiver,
        recorder,
        counterparty,
        unit,
        amountMilli,
        day(created),
        `Contribution ${i + 1}`,
        r.next() < 0.2 ? r.pick(goals).id : null,
        status,
        status === 'disputed' ? 'Not as recorded' : '',
        status === 'pending' ? null : manager.id,
        status === 'pending' ? null : created + 86_400_000,
        null,
        rep.id,
        created,
        null,
      ]);
    }
    await db.tx((q) =>
      insertMany(
        q,
        'ledger_entries',
        [
          'id',
          'network_id',
          'kind',
          'giver_org_id',
          'receiver_org_id',
          'recorder_org_id',
          'counterparty_org_id',
          'unit',
          'amount_milli',
          'occurred_on',
          'description',
          'goal_id',
          'status',
          'response_comment',
          'responded_by',
          'responded_at',
          'reverses_id',
          'recorded_by',
          'created_at',
          'idempotency_key',
        ],
        rows,
        100,
      ),
    );
  }

  // Commitments: open ones around today (some overdue), delivered ones with evidence.
  for (let start = 0; start < nCommitments; start += 500) {
    const rows: Param[][] = [];
    const evidence: Param[][] = [];
    for (let i = start; i < Math.min(nCommitments, start + 500); i++) {
      const goal = r.pick(goals);
      const org = r.pick(goal.orgs);
      const rep = reps.find((x) => x.organisationId === org)!;
      const id = randomUUID();
      const p = r.next();
      const given = (givenBy.get(org) ?? []).filter((e) => e.unit === 'hours');
      let status = p < 0.15 ? 'proposed' : p < 0.6 ? 'committed' : p < 0.9 ? 'delivered' : 'withdrawn';
      if (status === 'delivered' && !given.length) status = 'committed';
      const due = day(now + r.int(-120, 365) * 86_400_000);
      const created = now - r.int(0, 400) * 86_400_000;
      rows.push([
        id,
        networkId,
        goal.id,
        org,
        'hours',
        r.int(2, 80) * 1000,
        due,
        '',
        status,
        rep.id,
        status === 'withdrawn' ? 'Priorities changed' : '',
        created,
        created,
        status === 'delivered' ? created : null,
        null,
      ]);
      if (status === 'delivered') evidence.push([id, r.pick(given).id]);
    }
    await db.tx(async (q) => {
      await insertMany(
        q,
        'commitments',
        [
          'id',
          'network_id',
          'goal_id',
          'organisation_id',
          'unit',
          'amount_milli',
          'due_on',
          'note',
          'status',
          'committed_by',
          'withdraw_reason',
          'created_at',
          'updated_at',
          'delivered_at',
          'idempotency_key',
        ],
        rows,
        100,
      );
      await insertMany(q, 'commitment_evidence', ['commitment_id', 'entry_id'], evidence, 400);
    });
  }

  // Some recent activity, so feeds and "recent activity" lists have something to show.
  await db.tx((q) =>
    insertMany(
      q,
      'activity',
      ['network_id', 'actor_id', 'kind', 'subject_id', 'data', 'created_at'],
      Array.from({ length: 500 }, (_, i): Param[] => {
        const g = goals[i % goals.length];
        return [
          networkId,
          manager.id,
          'goal.updated',
          g.id,
          JSON.stringify({ organisationId: g.orgs[0] }),
          now - (500 - i) * 60_000,
        ];
      }),
    ),
  );
  if (db.dialect === 'postgres') await db.exec('ANALYZE');
  else await db.exec('ANALYZE');

  return {
    networkId,
    password,
    manager,
    representatives: reps,
    counts: { goals: nGoals, entries: nEntries, commitments: nCommitments, ratings, organisations: nOrgs },
  };
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { getDb, closeDb } = await import('../lib/db');
  const db = await getDb();
  const t0 = Date.now();
  const out = await generateLargeNetwork(db, {
    goals: arg('goals', 1000),
    entries: arg('entries', 20_000),
    commitments: arg('commitments', 2000),
    orgs: arg('orgs', 30),
    password: process.argv.includes('--password') ? process.argv[process.argv.indexOf('--password') + 1] : undefined,
  });
  console.log(`Generated in ${((Date.now() - t0) / 1000).toFixed(1)} s into ${db.description}:`);
  console.log(JSON.stringify({ ...out, representatives: out.representatives.slice(0, 3) }, null, 2));
  console.log(
    `Sign in as ${out.representatives[0].email} (or ${out.manager.email}) with the password above; open /networks/${out.networkId}/goals`,
  );
  await closeDb();
}
