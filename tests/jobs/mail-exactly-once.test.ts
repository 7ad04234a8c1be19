import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageIdFor } from '@/lib/mail';
import { enqueueMail } from '@/lib/mail/queue';
import { available } from '../helpers/services';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink';
import { jobCounts, runTs, sharedDb, type Proc, type SharedDb } from './fixtures';

/**
 * Each mail reaches a real SMTP server exactly once although the runner
 * process is killed with SIGKILL in the middle of sending it, and again right
 * after the relay accepted it (before the job was marked done). The runners
 * are real processes: `worker/index.ts` itself, and a runner that kills itself
 * at the second point (tests/jobs/crash-after-send.ts).
 */
const N = 6;

function exactlyOnce(name: 'sqlite' | 'postgres') {
  describe(`mail across kill -9 on ${name}`, { timeout: 180_000 }, () => {
    let shared: SharedDb;
    let sink: SmtpSink;
    /** Recipients at whose RCPT TO the current runner is killed (first time only). */
    const killAt = new Set<string>();
    let current: Proc | undefined;

    beforeAll(async () => {
      shared = await sharedDb(name);
      sink = await startSmtpSink({
        onRcptTo: async (address) => {
          if (!killAt.delete(address) || !current) return;
          // The runner is in the middle of the SMTP conversation: its mail log says "sending".
          current.proc.kill('SIGKILL');
          await current.exited;
        },
      });
    });
    afterAll(async () => {
      current?.proc.kill('SIGKILL');
      await sink?.close();
      await shared?.drop();
    });

    const env = () => ({
      ...shared.env,
      SMTP_URL: sink.url,
      JOBS_POLL_MS: '50',
      JOBS_LEASE_MS: '1000', // a killed runner's job is taken again after a second
      JOBS_CONCURRENCY: '1',
    });

    async function enqueue(prefix: string) {
      const recipients: string[] = [];
      await shared.db.tx(async (q) => {
        for (let i = 0; i < N; i++) {
          const to = `${prefix}-${i}@example.org`;
          recipients.push(to);
          await enqueueMail(q, { to, subject: `${prefix} ${i}`, text: `Mail ${i}` }, { key: `${prefix}:${i}` });
        }
      });
      return recipients;
    }

    /** Starts `entry` again whenever it died, until every job is done; returns how many runs it took. */
    async function runUntilDone(entry: string): Promise<number> {
      let runs = 0;
      for (;;) {
        const counts = await jobCounts(shared.db);
        if (!counts.pending && !counts.running) return runs;
        if (!current || !current.alive()) {
          current = runTs(entry, env());
          runs++;
        }
        await Promise.race([current.exited, new Promise((r) => setTimeout(r, 100))]);
        if (runs > 3 * N) throw new Error(`too many runs; last output:\n${current.output()}`);
      }
    }

    function assertOnce(prefix: string, recipients: string[]) {
      const got = sink.messages().filter((m) => m.subject.startsWith(`${prefix} `));
      expect(got.map((m) => m.to).sort()).toEqual([...recipients].sort());
      for (const m of got) {
        const i = Number(m.subject.split(' ')[1]);
        expect(m.headers['message-id']).toBe(messageIdFor(`mail:${prefix}:${i}`));
      }
    }

    it('a runner killed while the relay has the mail open: the mail is sent once, after the restart', async () => {
      const recipients = await enqueue(`mid-${name}`);
      for (const i of [0, 2, 5]) killAt.add(recipients[i]);
      const runs = await runUntilDone('worker/index.ts');
      current?.proc.kill('SIGTERM');
      await current?.exited;
      expect(runs).toBe(4); // three kills, three restarts
      assertOnce(`mid-${name}`, recipients);
      // The three killed sends were in doubt (the log said "sending") and were tried again with the same Message-ID.
      const log = await shared.db.all<{ tries: number | string; state: string }>(
        'SELECT tries, state FROM mail_log WHERE idempotency_key LIKE ? ORDER BY idempotency_key',
        [`mail:mid-${name}:%`],
      );
      expect(log.map((r) => [Number(r.tries), r.state])).toEqual([
        [2, 'sent'],
        [1, 'sent'],
        [2, 'sent'],
        [1, 'sent'],
        [1, 'sent'],
        [2, 'sent'],
      ]);
      const mailJobs = await shared.db.all<{ status: string }>("SELECT status FROM jobs WHERE kind = 'mail.send'");
      expect(mailJobs.map((j) => j.status)).toEqual(Array(N).fill('done'));
    });

    it('a runner killed after the relay accepted, before the job was marked done: not sent again', async () => {
      const recipients = await enqueue(`after-${name}`);
      const runs = await runUntilDone('tests/jobs/crash-after-send.ts');
      current?.proc.kill('SIGKILL');
      await current?.exited;
      // Every first try died after sending; every second try found the mail log saying "sent".
      expect(runs).toBe(N + 1);
      assertOnce(`after-${name}`, recipients);
      const jobs = await shared.db.all<{ attempts: number | string; status: string }>(
        'SELECT attempts, status FROM jobs WHERE idempotency_key LIKE ?',
        [`mail:after-${name}:%`],
      );
      expect(jobs.map((j) => [Number(j.attempts), j.status])).toEqual(Array(N).fill([2, 'done']));
    });
  });
}

exactlyOnce('sqlite');
describe.skipIf(!(await available('postgres')))('PostgreSQL', () => {
  exactlyOnce('postgres');
});
