import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '@/lib/db';
import { ApiClient, uniqueEmail } from '../helpers/api-client';
import { startApp, type RunningApp } from '../helpers/app-server';
import { available, TEST_DATABASE_URL } from '../helpers/services';

/**
 * Scale mode end to end: web, realtime and the job runner as separate
 * processes on PostgreSQL. A command in the web process enqueues the mail in
 * its transaction; the runner (woken by NOTIFY) sends it to the real SMTP
 * sink; the outbox row ends done, its one-time link dropped.
 */
describe.skipIf(!(await available('postgres')))('mail through the job runner on PostgreSQL', () => {
  const schema = `t_app_jobs_${process.pid}`;
  let running: RunningApp;
  let db: Db;

  beforeAll(async () => {
    const u = new URL(TEST_DATABASE_URL);
    u.searchParams.set('options', `-c search_path=${schema}`);
    db = openDb({ databaseUrl: TEST_DATABASE_URL, schema }); // creates the schema
    await db.get('SELECT 1');
    running = await startApp({ env: { DATABASE_URL: u.toString() } });
  });
  afterAll(async () => {
    await running?.stop();
    await db?.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await db?.close();
  });

  it('an invitation and a password reset are mailed once, by the runner', async () => {
    const manager = new ApiClient(running.url);
    const managerEmail = uniqueEmail('pg-manager');
    await manager.signUpAndSignIn({ email: managerEmail, password: 'pw-manager-Netzwerk-2026!', name: 'Paula Pg' });
    const net = await manager.post('/api/networks', { name: 'Netz auf PostgreSQL', purpose: 'Skalieren' });
    expect(net.status, net.text).toBe(201);
    const invitee = uniqueEmail('pg-invitee');
    const inv = await manager.post(`/api/networks/${net.json.network.id}/invitations`, {
      role: 'observer',
      email: invitee,
      locale: 'en',
    });
    expect(inv.status, inv.text).toBe(201);
    expect(inv.json.mailed).toBe(true);
    const mail = await running.smtp.waitFor((m) => m.to === invitee, 30_000);
    expect(mail.text).toContain(inv.json.link);

    const reset = await new ApiClient(running.url).post('/api/account/password-reset', { email: managerEmail });
    expect(reset.status, reset.text).toBe(200);
    const resetMail = await running.smtp.waitFor((m) => m.to === managerEmail, 30_000);
    const link = resetMail.text.match(/https?:\/\/\S+\/reset-password\/\S+/)![0];

    // Each once; done in the outbox; the reset link no longer in the database.
    await new Promise((r) => setTimeout(r, 500));
    expect(running.smtp.messages().filter((m) => m.to === invitee || m.to === managerEmail)).toHaveLength(2);
    const rows = await db.all<{ status: string; payload: string; idempotency_key: string }>(
      "SELECT status, payload, idempotency_key FROM jobs WHERE kind = 'mail.send' ORDER BY created_at",
    );
    expect(rows.map((r) => r.status)).toEqual(['done', 'done']);
    expect(rows[0].idempotency_key).toBe(`mail:invitation:${inv.json.invitation.id}`);
    expect(rows.some((r) => r.payload.includes(link.split('/reset-password/')[1]))).toBe(false);
  });
});
