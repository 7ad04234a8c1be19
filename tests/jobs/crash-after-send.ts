/**
 * A job runner process for tests/jobs/mail-exactly-once.test.ts: the real
 * runner and the real `mail.send` kind, except that the first try of every
 * mail kills its own process (SIGKILL) right after the mail log recorded the
 * relay's acceptance — before the job is marked done. The crash point the
 * mail log exists for, hit every time instead of by luck.
 */
import { getDb } from '@/lib/db';
import { env } from '@/lib/env';
import { defineJob } from '@/lib/jobs/define';
import { JOB_KINDS } from '@/lib/jobs/kinds';
import { JobRunner } from '@/lib/jobs/runner';

const real = JOB_KINDS['mail.send'];
const db = await getDb();
const runner = new JobRunner(db, {
  schedule: [],
  pollMs: env().JOBS_POLL_MS,
  leaseMs: env().JOBS_LEASE_MS,
  concurrency: 1,
  kinds: {
    ...JOB_KINDS,
    'mail.send': defineJob({
      ...real,
      async run(mail, ctx) {
        await real.run(mail, ctx);
        if (ctx.job.attempt === 1) {
          console.log(`[crash-after-send] sent ${ctx.job.key}; dying before it is marked done`);
          process.kill(process.pid, 'SIGKILL');
          await new Promise(() => {}); // never returns: the signal ends the process
        }
      },
    }),
  },
});
runner.start();
console.log('[crash-after-send] running');
