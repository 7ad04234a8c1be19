/**
 * `npm run bench:jobs`: the job runner with mail, against a real SMTP sink
 * (tests/helpers/smtp-sink.ts), on SQLite and (when it answers) PostgreSQL.
 *
 * - throughput: 1,000 mails enqueued in one transaction; one runner with the
 *   defaults (4 at a time); time until the sink has them all;
 * - latency: 50 mails enqueued one by one, 300 ms apart; from the commit to
 *   the sink's receipt (bounded below by the poll interval, JOBS_POLL_MS 500).
 *
 * Prints a small table; not a test (no assertions on time).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate, openDb, type Db } from '../lib/db';
import { resetEnvCache } from '../lib/env';
import { JobRunner } from '../lib/jobs/runner';
import { enqueueMail } from '../lib/mail/queue';
import { available, TEST_DATABASE_URL } from '../tests/helpers/services';
import { startSmtpSink } from '../tests/helpers/smtp-sink';

const THROUGHPUT_MAILS = Number(process.env.BENCH_JOBS_MAILS ?? 1000);
const LATENCY_MAILS = 50;

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];

async function measure(name: string, db: Db) {
  const sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  resetEnvCache();
  const runner = new JobRunner(db, { schedule: [], log: () => {} });
  runner.start();
  try {
    const t0 = performance.now();
    await db.tx(async (q) => {
      for (let i = 0; i < THROUGHPUT_MAILS; i++)
        await enqueueMail(
          q,
          { to: `t${i}@example.org`, subject: `t ${i}`, text: 'x' },
          { key: `bench:${name}:t:${i}` },
        );
    });
    // Count files, not parsed messages: reading them all every few ms would slow the runner in this process.
    const count = () => fs.readdirSync(sink.dir).filter((f) => f.endsWith('.json')).length;
    while (count() < THROUGHPUT_MAILS) await new Promise((r) => setTimeout(r, 20));
    const seconds = (performance.now() - t0) / 1000;

    const sent = new Map<number, number>();
    const waits: number[] = [];
    for (let i = 0; i < LATENCY_MAILS; i++) {
      await db.tx((q) =>
        enqueueMail(q, { to: `l${i}@example.org`, subject: `l ${i}`, text: 'x' }, { key: `bench:${name}:l:${i}` }),
      );
      sent.set(i, Date.now());
      await new Promise((r) => setTimeout(r, 300));
    }
    const deadline = Date.now() + 30_000;
    while (count() < THROUGHPUT_MAILS + LATENCY_MAILS && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    for (const m of sink.messages().filter((x) => x.subject.startsWith('l '))) {
      waits.push(m.receivedAt - sent.get(Number(m.subject.slice(2)))!);
    }
    return {
      name,
      perSecond: Math.round(THROUGHPUT_MAILS / seconds),
      seconds: seconds.toFixed(1),
      p50: pct(waits, 0.5),
      p99: pct(waits, 0.99),
    };
  } finally {
    await runner.stop();
    await sink.close();
    fs.rmSync(sink.dir, { recursive: true, force: true });
  }
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nwr-bench-jobs-'));
const rows = [];
const sqlite = openDb({ sqliteFile: path.join(tmp, 'bench.sqlite') });
await migrate(sqlite);
rows.push(await measure('SQLite', sqlite));
await sqlite.close();
if (await available('postgres')) {
  const schema = `bench_jobs_${process.pid}`;
  const pg = openDb({ databaseUrl: TEST_DATABASE_URL, schema });
  await migrate(pg);
  rows.push(await measure('PostgreSQL', pg));
  await pg.exec(`DROP SCHEMA ${schema} CASCADE`);
  await pg.close();
}
fs.rmSync(tmp, { recursive: true, force: true });
console.log(`\n| Database | ${THROUGHPUT_MAILS} mails | mails/s | enqueue→received p50 | p99 |`);
console.log('| -------- | ---: | ---: | ---: | ---: |');
for (const r of rows) console.log(`| ${r.name} | ${r.seconds} s | ${r.perSecond} | ${r.p50} ms | ${r.p99} ms |`);
process.exit(0);
