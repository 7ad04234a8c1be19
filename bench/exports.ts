/**
 * The network archive at size (`npm run bench:exports`, and the `exports` step
 * of `npm run bench`): the 20,000-entry network of
 * scripts/generate-large-network.ts (30 organisations, 1,000 goals, 2,000
 * commitments) with shared documents (the commons with every goal's text, 30
 * organisation pages, 30 home spaces), archived by the real job
 * (`exports.archive`) in a process of its own, on SQLite and (when running)
 * PostgreSQL. Measured: the job's wall time and the process's peak memory
 * (max RSS) above what it held before the job started — once for a network of
 * 5,000 entries and once for 20,000, so "flat" can be read off: the peak must
 * not grow with the size. The zip is then opened and its ledger checked
 * against the database.
 *
 * Results are appended to docs/benchmarks-exports.md.
 *
 *   npx tsx bench/exports.ts        (EXPORTS_BENCH_SIZES=5000,20000; EXPORTS_BENCH_PG=0 skips PostgreSQL)
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yauzl from 'yauzl';
import * as Y from 'yjs';
import { migrate, openDb, type Db } from '../lib/db';
import { resetEnvCache } from '../lib/env';
import { requestArchive } from '../lib/exports/archive';
import { JobRunner } from '../lib/jobs/runner';
import { loadActor } from '../lib/policies/load-actor';
import { generateLargeNetwork } from '../scripts/generate-large-network';
import { available, TEST_DATABASE_URL } from '../tests/helpers/services';

const ROOT = path.resolve(import.meta.dirname, '..');
const TMP = path.join(ROOT, 'bench', 'tmp', `exports-${process.pid}`);
const OUT = path.join(ROOT, 'docs', 'benchmarks-exports.md');

interface Target {
  dialect: 'sqlite' | 'postgres';
  sqliteFile?: string;
  schema?: string;
}
const open = (t: Target): Db =>
  t.dialect === 'sqlite'
    ? openDb({ sqliteFile: t.sqliteFile })
    : openDb({ databaseUrl: TEST_DATABASE_URL, schema: t.schema });

interface JobFigures {
  ms: number;
  baselineMb: number;
  peakMb: number;
  heapPeakMb: number;
  status: string;
  done: number;
  total: number;
  progressSteps: number;
  zipMb: number;
}

// ------------------------------------------------------------------ the child: runs the one job

async function child(target: Target, exportId: string): Promise<void> {
  const db = open(target);
  await db.get('SELECT 1');
  if (global.gc) global.gc();
  const baseline = process.memoryUsage().rss;
  let heapPeak = process.memoryUsage().heapUsed;
  const seen = new Set<number>();
  const sampler = setInterval(() => {
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }, 20);
  const progress = setInterval(() => {
    void db
      .get<{ done: number }>('SELECT done FROM exports WHERE id = ?', [exportId])
      .then((r) => r && seen.add(Number(r.done)));
  }, 200);
  const t0 = performance.now();
  await new JobRunner(db, { schedule: [], concurrency: 1, log: () => {} }).runUntilIdle();
  const ms = performance.now() - t0;
  clearInterval(sampler);
  clearInterval(progress);
  const row = await db.get<{ status: string; done: number; total: number; file_size: number }>(
    'SELECT status, done, total, file_size FROM exports WHERE id = ?',
    [exportId],
  );
  const figures: JobFigures = {
    ms,
    baselineMb: baseline / 2 ** 20,
    peakMb: (process.resourceUsage().maxRSS * 1024) / 2 ** 20,
    heapPeakMb: heapPeak / 2 ** 20,
    status: row?.status ?? 'missing',
    done: Number(row?.done ?? 0),
    total: Number(row?.total ?? 0),
    progressSteps: seen.size,
    zipMb: Number(row?.file_size ?? 0) / 2 ** 20,
  };
  process.stdout.write(`FIGURES ${JSON.stringify(figures)}\n`);
  await db.close();
}

// ------------------------------------------------------------------ the parent

async function addDocuments(db: Db, networkId: string) {
  const goals = await db.all<{ id: string }>('SELECT id FROM goals WHERE network_id = ?', [networkId]);
  const orgs = await db.all<{ id: string; name: string }>('SELECT id, name FROM organisations WHERE network_id = ?', [
    networkId,
  ]);
  const store = async (name: string, fill: (d: Y.Doc) => void) => {
    const d = new Y.Doc();
    fill(d);
    await db.run('INSERT INTO yjs_snapshots (doc, data, upto_id, updated_at) VALUES (?, ?, 0, ?)', [
      name,
      Y.encodeStateAsUpdate(d),
      Date.now(),
    ]);
    d.destroy();
  };
  const para = (frag: Y.XmlFragment, lines: string[]) =>
    frag.insert(
      0,
      lines.map((l) => {
        const p = new Y.XmlElement('paragraph');
        p.insert(0, [new Y.XmlText(l)]);
        return p;
      }),
    );
  const lines = (n: number, what: string) =>
    Array.from({ length: n }, (_, i) => `${what}, paragraph ${i + 1}: `.padEnd(300, 'lorem ipsum '));
  await store(`commons.${networkId}`, (d) => {
    para(d.getXmlFragment('notes'), lines(200, 'Shared notes'));
    const map = d.getMap('goals');
    for (const g of goals) {
      const f = new Y.XmlFragment();
      map.set(g.id, f);
      para(f, lines(5, `Goal ${g.id.slice(0, 8)}`));
    }
  });
  for (const o of orgs) {
    await store(`org.${networkId}.${o.id}`, (d) => para(d.getXmlFragment('profile'), lines(20, o.name)));
    await store(`home.${networkId}.${o.id}`, (d) => para(d.getXmlFragment('notes'), lines(50, `${o.name} home`)));
  }
  return { goals: goals.length, docs: 1 + 2 * orgs.length };
}

function runChild(target: Target, exportId: string, dataDir: string): Promise<JobFigures> {
  return new Promise((resolve, reject) => {
    const p = spawn(
      process.execPath,
      [
        '--expose-gc',
        '--import',
        'tsx',
        path.join(ROOT, 'bench', 'exports.ts'),
        '--job',
        JSON.stringify(target),
        exportId,
      ],
      { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    p.stdout.on('data', (c: Buffer) => (out += c.toString()));
    const timer = setTimeout(() => p.kill('SIGKILL'), 15 * 60_000);
    p.on('exit', (code) => {
      clearTimeout(timer);
      const line = out.split('\n').find((l) => l.startsWith('FIGURES '));
      if (code !== 0 || !line) return reject(new Error(`job process ended with ${code}: ${out.slice(-500)}`));
      resolve(JSON.parse(line.slice(8)) as JobFigures);
    });
  });
}

/** Counts the objects in the zip's ledger JSON and the data lines in its CSV, reading the zip as a stream. */
function countInZip(file: string): Promise<{ json: number; csv: number; files: number }> {
  return new Promise((resolve, reject) => {
    const counts = { json: 0, csv: 0, files: 0 };
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      zip.on('entry', (e: yauzl.Entry) => {
        counts.files += 1;
        const kind = e.fileName.endsWith('json/ledger_entries.json')
          ? 'json'
          : e.fileName.endsWith('csv/ledger_entries.csv')
            ? 'csv'
            : null;
        if (!kind) return zip.readEntry();
        zip.openReadStream(e, (e2, s) => {
          if (e2 || !s) return reject(e2);
          let tail = '';
          s.on('data', (c: Buffer) => {
            const text = tail + c.toString('utf8');
            const re = kind === 'json' ? /\n\{/g : /\r\n/g;
            counts[kind] += (text.match(re) ?? []).length;
            tail = text.slice(-1);
          });
          s.on('end', () => zip.readEntry());
        });
      });
      zip.on('end', () => {
        counts.csv -= 1; // the header line
        resolve(counts);
      });
      zip.readEntry();
    });
  });
}

async function measure(target: Target, entries: number, dataDir: string) {
  const db = open(target);
  await migrate(db);
  const t0 = performance.now();
  const g = await generateLargeNetwork(db, { entries });
  const docs = await addDocuments(db, g.networkId);
  console.log(
    `  ${target.dialect}, ${entries} entries: generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const manager = await loadActor(db, g.manager.id, g.networkId);
  const { export: asked } = await requestArchive(db, manager, g.networkId, { scope: 'network' }, 'en');
  await db.close();
  const f = await runChild(target, asked.id, dataDir);
  const check = await countInZip(path.join(dataDir, 'exports', `${asked.id}.zip`));
  const db2 = open(target);
  const inDb = Number(
    (await db2.get<{ n: number }>('SELECT COUNT(*) AS n FROM ledger_entries WHERE network_id = ?', [g.networkId]))!.n,
  );
  const rows = Number(
    (await db2.get<{ n: number }>(
      `SELECT (SELECT COUNT(*) FROM ledger_entries WHERE network_id = ?) + (SELECT COUNT(*) FROM commitments WHERE network_id = ?)
          + (SELECT COUNT(*) FROM goals WHERE network_id = ?) + (SELECT COUNT(*) FROM goal_ratings r JOIN goals x ON x.id = r.goal_id WHERE x.network_id = ?)
          + (SELECT COUNT(*) FROM activity WHERE network_id = ?) AS n`,
      [g.networkId, g.networkId, g.networkId, g.networkId, g.networkId],
    ))!.n,
  );
  await db2.close();
  const ok = f.status === 'ready' && check.json === inDb && check.csv === inDb;
  console.log(
    `  ${target.dialect}, ${entries} entries: ${f.status} in ${(f.ms / 1000).toFixed(2)} s, peak RSS ${f.peakMb.toFixed(0)} MB (+${(f.peakMb - f.baselineMb).toFixed(0)} MB over ${f.baselineMb.toFixed(0)} MB), zip ${f.zipMb.toFixed(1)} MB, ledger ${check.json}/${inDb} ${ok ? 'ok' : 'MISMATCH'}`,
  );
  return { target, entries, f, check, inDb, rows, docs, ok };
}

async function main() {
  fs.mkdirSync(TMP, { recursive: true });
  const dataDir = path.join(TMP, 'data');
  process.env.DATA_DIR = dataDir;
  resetEnvCache();
  const sizes = (process.env.EXPORTS_BENCH_SIZES ?? '5000,20000').split(',').map(Number);
  const targets: Target[] = [];
  const results: Awaited<ReturnType<typeof measure>>[] = [];
  const notes: string[] = [];
  try {
    for (const entries of sizes) {
      const t: Target = { dialect: 'sqlite', sqliteFile: path.join(TMP, `bench-${entries}.sqlite`) };
      targets.push(t);
      results.push(await measure(t, entries, dataDir));
    }
    if (process.env.EXPORTS_BENCH_PG !== '0' && (await available('postgres'))) {
      for (const entries of sizes) {
        const t: Target = { dialect: 'postgres', schema: `bench_exports_${process.pid}_${entries}` };
        targets.push(t);
        results.push(await measure(t, entries, dataDir));
      }
    } else notes.push('PostgreSQL was not measured (not running, or EXPORTS_BENCH_PG=0).');
  } finally {
    for (const t of targets)
      if (t.dialect === 'postgres') {
        const db = open(t);
        await db.exec(`DROP SCHEMA IF EXISTS ${t.schema} CASCADE`).catch(() => undefined);
        await db.close();
      }
    fs.rmSync(TMP, { recursive: true, force: true });
  }

  const mb = (n: number) => `${n.toFixed(0)} MB`;
  const lines = [
    `## Run ${new Date().toISOString()}`,
    '',
    `- Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}; load average at start ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' / ')} (the machine is shared: read times as upper bounds)`,
    '- Command: `npm run bench:exports` (also the `exports` step of `npm run bench`)',
    '- The network: 30 organisations, 1,000 goals, 2,000 commitments, the ledger entries below, 500 activity rows; 61 shared documents (the commons with 200 paragraphs of notes and every goal’s text, 30 organisation pages, 30 home spaces of which the manager’s archive holds none).',
    '- The job runs in a process of its own; peak = its max RSS, baseline = its RSS before the job (modules loaded, database open).',
    '',
    '| Database | Ledger entries | Records in the zip (CSV + JSON each) | Time | Peak RSS | Above baseline | Peak heap | Zip | Progress steps seen | Ledger in the zip = database |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...results.map(
      (r) =>
        `| ${r.target.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'} | ${r.entries.toLocaleString('en')} | ${r.rows.toLocaleString('en')}+ | ${(r.f.ms / 1000).toFixed(2)} s | ${mb(r.f.peakMb)} | ${mb(r.f.peakMb - r.f.baselineMb)} | ${mb(r.f.heapPeakMb)} | ${r.f.zipMb.toFixed(1)} MB | ${r.f.progressSteps} | ${r.ok ? `yes (${r.check.json.toLocaleString('en')} JSON, ${r.check.csv.toLocaleString('en')} CSV rows)` : `**no** (${r.check.json}/${r.check.csv} vs ${r.inDb})`} |`,
    ),
    '',
    ...notes,
    '',
  ];
  const head = fs.existsSync(OUT)
    ? ''
    : [
        '# Benchmark: the network archive (exports)',
        '',
        'Appended by `npm run bench:exports` (`bench/exports.ts`); the newest run is at the bottom. What is exported and how: [exports.md](exports.md).',
        '',
        '',
      ].join('\n');
  fs.appendFileSync(OUT, head + lines.join('\n') + '\n');
  console.log(`written to ${path.relative(ROOT, OUT)}`);
  if (results.some((r) => !r.ok)) process.exitCode = 1;
}

if (process.argv[2] === '--job') {
  await child(JSON.parse(process.argv[3]) as Target, process.argv[4]);
  process.exit(0);
} else {
  await main();
  process.exit(process.exitCode ?? 0);
}
