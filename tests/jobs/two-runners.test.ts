import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueIn } from '@/lib/jobs/outbox';
import { z } from 'zod';
import { defineJob } from '@/lib/jobs/define';
import { available } from '../helpers/services';
import { runTs, sharedDb, type Proc, type SharedDb } from './fixtures';

/**
 * Two real runner processes on one database never take the same job:
 * 600 jobs, both runners started at the same moment, four jobs at a time each;
 * every take is recorded outside the job's transaction, so a double take
 * would show as a duplicate row.
 */
const JOBS = 600;
const kinds = { 'test.take': defineJob({ schema: z.object({ n: z.number() }), run: async () => {} }) };

function twoRunners(name: 'sqlite' | 'postgres') {
  describe(`two runners on ${name}`, { timeout: 180_000 }, () => {
    let shared: SharedDb;
    const procs: Proc[] = [];
    beforeAll(async () => {
      shared = await sharedDb(name);
      await shared.db.exec('CREATE TABLE test_takes (job_id TEXT NOT NULL, runner TEXT NOT NULL)');
    });
    afterAll(async () => {
      for (const p of procs) p.proc.kill('SIGKILL');
      await shared?.drop();
    });

    it('each job is taken by exactly one runner', async () => {
      await shared.db.tx(async (q) => {
        for (let n = 0; n < JOBS; n++) await enqueueIn(kinds, q, 'test.take', { n }, { key: `take:${n}` });
      });
      for (const r of ['a', 'b']) procs.push(runTs('tests/jobs/take-process.ts', { ...shared.env, RUNNER_NAME: r }));
      // Both ready, then go at once.
      for (const p of procs)
        await new Promise<void>((resolve, reject) => {
          const t = setInterval(() => {
            if (p.output().includes('ready')) {
              clearInterval(t);
              resolve();
            } else if (!p.alive()) {
              clearInterval(t);
              reject(new Error(`runner died: ${p.output()}`));
            }
          }, 20);
        });
      for (const p of procs) p.proc.stdin!.write('go\n');
      const exits = await Promise.all(procs.map((p) => p.exited));
      expect(
        exits.map((e) => e.code),
        procs.map((p) => p.output()).join('\n'),
      ).toEqual([0, 0]);

      const takes = await shared.db.all<{ job_id: string; runner: string }>('SELECT job_id, runner FROM test_takes');
      expect(takes).toHaveLength(JOBS);
      expect(new Set(takes.map((t) => t.job_id)).size).toBe(JOBS);
      const perRunner = { a: 0, b: 0 } as Record<string, number>;
      for (const t of takes) perRunner[t.runner]++;
      // Both really competed for the same rows.
      expect(perRunner.a).toBeGreaterThan(JOBS / 10);
      expect(perRunner.b).toBeGreaterThan(JOBS / 10);
      const done = await shared.db.get<{ n: number | string }>(
        "SELECT COUNT(*) AS n FROM jobs WHERE status = 'done' AND attempts = 1",
      );
      expect(Number(done?.n)).toBe(JOBS);
      console.log(`[two runners on ${name}] takes per runner: a ${perRunner.a}, b ${perRunner.b}`);
    });
  });
}

describe.skipIf(!(await available('postgres')))('PostgreSQL', () => {
  twoRunners('postgres');
});
twoRunners('sqlite');
