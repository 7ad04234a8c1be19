/**
 * One of several competing job runner processes for
 * tests/jobs/two-runners.test.ts. It waits for "go" on stdin (so the runners
 * start together), then runs `test.take` jobs: each records which runner took
 * it (outside the job's own transaction, so a second take would show) and
 * works a few milliseconds. Exits when no job is left.
 */
import { z } from 'zod';
import { getDb } from '@/lib/db';
import { defineJob } from '@/lib/jobs/define';
import { JobRunner } from '@/lib/jobs/runner';

const name = process.env.RUNNER_NAME ?? `runner-${process.pid}`;
const db = await getDb();
const takeKinds = {
  'test.take': defineJob({
    schema: z.object({ n: z.number() }),
    async run(_p, ctx) {
      await ctx.db.run('INSERT INTO test_takes (job_id, runner) VALUES (?, ?)', [ctx.job.id, name]);
      await new Promise((r) => setTimeout(r, 2 + Math.random() * 4));
    },
  }),
};
const runner = new JobRunner(db, {
  id: name,
  kinds: takeKinds,
  schedule: [],
  pollMs: 5,
  concurrency: 4,
  log: () => {},
});
console.log('ready');
process.stdin.once('data', async () => {
  runner.start();
  for (;;) {
    await new Promise((r) => setTimeout(r, 100));
    const left = await db.get<{ n: number | string }>(
      "SELECT COUNT(*) AS n FROM jobs WHERE status IN ('pending', 'running')",
    );
    if (Number(left?.n) === 0) break;
  }
  await runner.stop();
  console.log(`done ${JSON.stringify(runner.stats)}`);
  process.exit(0);
});
