import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openDb, type Db } from '@/lib/db';
import { migrations } from '@/lib/db/migrations';
import { createComment, deleteComment, editComment, hideComment, listComments, restoreComment } from '@/lib/comments';
import { recordEntry } from '@/lib/ledger/record-entry';
import { getForMe, forMeCount, getForMeAcross } from '@/lib/for-me/get-for-me';
import { markSeen } from '@/lib/for-me/mark-seen';
import { recordLook, visitWindowMs } from '@/lib/for-me/visit';
import { listActivityLog, exportActivityCsv } from '@/lib/activity/activity-log';
import { listFeed } from '@/lib/activity/list-feed';
import { buildDigest, runPersonDigest, enqueueDueDigests } from '@/lib/notifications/digest';
import { updateNotificationSettings, getNotificationSettings } from '@/lib/notifications/prefs';
import { unsubscribe, unsubscribeToken } from '@/lib/notifications/unsubscribe';
import { translator } from '@/lib/i18n';
import { loadActor } from '@/lib/policies/load-actor';
import { today } from '@/lib/core/dates';
import { seedNetwork, type SeededNetwork } from '@/tests/helpers/seed-network';
import { available, freshPostgres, freshSqlite, TEST_DATABASE_URL } from '../helpers/services';
import { refused } from './refused';

process.env.NEXTAUTH_SECRET ??= 'contract-test-secret-contract-test-secret-0123';

type Fresh = Db & { drop(): Promise<void> };
const count = async (db: Db, sql: string, params: string[] = []) =>
  Number((await db.get<{ c: number }>(`SELECT COUNT(*) AS c FROM ${sql}`, params))?.c);

/** The payloads of the mail jobs in the outbox, by key prefix. */
async function mails(db: Db, keyPrefix: string) {
  const rows = await db.all<{ idempotency_key: string; payload: string }>(
    "SELECT idempotency_key, payload FROM jobs WHERE kind = 'mail.send' AND idempotency_key LIKE ? ORDER BY created_at",
    [`mail:${keyPrefix}%`],
  );
  return rows.map((r) => ({ key: r.idempotency_key, ...(JSON.parse(r.payload) as Record<string, never>) })) as {
    key: string;
    to: string;
    subject: string;
    text: string;
    html: string;
    headers: Record<string, string>;
  }[];
}

function followUpContract(name: string, open: () => Promise<Fresh>) {
  describe(`follow-up on ${name}`, () => {
    let db: Fresh;
    let n: SeededNetwork;
    let entryId: string;
    const mention = (key: 'repB' | 'outsider' | 'homeA', label = 'Person') => `@[${label}](${n.users[key].id})`;
    const finish = (fn: (q: Parameters<Parameters<Db['tx']>[0]>[0]) => Promise<void>) => db.tx(fn);
    /** repA's organisation gives repB's `amount` hours (recorded, waiting for repB's confirmation). */
    const give = (amount: number, description: string) =>
      recordEntry(db, n.actors.repA, n.networkId, {
        organisationId: n.orgs.a,
        kind: 'give',
        partnerOrganisationId: n.orgs.b,
        unit: 'hours',
        amount,
        date: today(),
        description,
      });
    /** `who` comments `body` on a subject (by default the ledger entry every test shares). */
    const comment = (
      who: keyof SeededNetwork['actors'],
      body: string,
      subject: { subjectType: string; subjectId: string } = { subjectType: 'ledger_entry', subjectId: entryId },
    ) => createComment(db, n.actors[who], n.networkId, { ...subject, body });

    beforeAll(async () => {
      db = await open();
      n = await seedNetwork(db);
      await db.run("UPDATE users SET locale = 'de' WHERE id = ?", [n.users.repB.id]);
      entryId = (await give(3, 'Raum für den Workshop')).id;
    });
    afterAll(async () => {
      await db?.drop();
    });

    it('a mention of a member notifies them (mail at once by default); of an outsider, no one', async () => {
      const c = await comment(
        'repA',
        `Danke ${mention('repB', 'Berta')}! Und ${mention('outsider', 'Olaf')}: **wichtig**`,
      );
      expect(c.body).toContain('**wichtig**');
      const notes = await db.all<{ user_id: string }>('SELECT user_id FROM notifications WHERE comment_id = ?', [c.id]);
      expect(notes.map((x) => x.user_id)).toEqual([n.users.repB.id]);
      const sent = await mails(db, `mention:${c.id}`);
      expect(sent).toHaveLength(1);
      expect(sent[0].to).toBe(n.users.repB.email);
      expect(sent[0].subject).toContain('erwähnt'); // repB reads German
      expect(sent[0].html).toContain('<strong>wichtig</strong>');
      expect(sent[0].headers['List-Unsubscribe']).toMatch(/^<http.*\/unsubscribe\/[^>]+>$/);
      const feed = await listFeed(db, n.actors.observer, n.networkId, { limit: 5 });
      expect(feed[0]).toMatchObject({ kind: 'comment.created', subjectId: entryId });
      expect(feed[0].words.href).toBe(`/networks/${n.networkId}/ledger/${entryId}#comments`);
      expect(JSON.stringify(feed[0].data)).not.toContain('wichtig'); // words never go into the log
    });

    it('observers do not comment; unknown subjects and other networks’ subjects are refused; nothing written', async () => {
      const before = await count(db, 'comments');
      await refused(comment('observer', 'Hi'), 403);
      await refused(comment('repA', 'x', { subjectType: 'ledger_entry', subjectId: randomUUID() }), 404);
      await refused(comment('repA', 'x', { subjectType: 'spaceship', subjectId: entryId }), 400);
      await refused(comment('outsider', 'x'), 404);
      await refused(comment('repA', '  '), 400);
      await refused(comment('repA', 'x', { subjectType: 'agenda_item', subjectId: randomUUID() }), 404);
      expect(await count(db, 'comments')).toBe(before);
    });

    it('only the author edits or deletes; a manager cannot change others’ words; an edit notifies the newly mentioned', async () => {
      const c = await comment('repA', 'Erste Fassung');
      await refused(editComment(db, n.actors.manager, n.networkId, c.id, { body: 'Manager-Text' }), 403);
      await refused(editComment(db, n.actors.repB, n.networkId, c.id, { body: 'Fremd' }), 403);
      await refused(deleteComment(db, n.actors.manager, n.networkId, c.id), 403);
      const edited = await editComment(db, n.actors.repA, n.networkId, c.id, {
        body: `Zweite Fassung für ${mention('homeA')}`,
      });
      expect(edited.editedAt).not.toBeNull();
      expect(await count(db, 'notifications WHERE comment_id = ? AND user_id = ?', [c.id, n.users.homeA.id])).toBe(1);
      const gone = await deleteComment(db, n.actors.repA, n.networkId, c.id);
      expect(gone).toMatchObject({ deleted: true, body: null });
      await refused(editComment(db, n.actors.repA, n.networkId, c.id, { body: 'wieder' }), 409);
      const list = await listComments(db, n.actors.repB, n.networkId, 'ledger_entry', entryId);
      expect(list.comments.find((x) => x.id === c.id)).toMatchObject({ deleted: true, body: null });
    });

    it('a manager hides with a reason: gone for others, kept for managers and the author; restored; all in the audit log', async () => {
      const c = await comment('repA', 'Ein scharfer Satz');
      await refused(hideComment(db, n.actors.repB, n.networkId, c.id, { reason: 'Gefällt mir nicht' }), 403);
      await refused(hideComment(db, n.actors.manager, n.networkId, c.id, { reason: '' }), 400);
      await hideComment(db, n.actors.manager, n.networkId, c.id, { reason: 'Persönlicher Angriff' });
      const ids = async (who: keyof SeededNetwork['actors']) =>
        (await listComments(db, n.actors[who], n.networkId, 'ledger_entry', entryId)).comments.map((x) => x.id);
      expect(await ids('repB')).not.toContain(c.id);
      expect(await ids('observer')).not.toContain(c.id);
      expect(await ids('repA')).toContain(c.id);
      const seenByManager = (
        await listComments(db, n.actors.manager, n.networkId, 'ledger_entry', entryId)
      ).comments.find((x) => x.id === c.id);
      expect(seenByManager).toMatchObject({ body: 'Ein scharfer Satz', hidden: true, abilities: { restore: true } });
      expect(seenByManager?.hiding?.reason).toBe('Persönlicher Angriff');
      await refused(editComment(db, n.actors.repB, n.networkId, c.id, { body: 'x' }), 404);
      await refused(restoreComment(db, n.actors.repA, n.networkId, c.id), 403);
      await restoreComment(db, n.actors.manager, n.networkId, c.id);
      expect(await ids('repB')).toContain(c.id);
      const log = await listActivityLog(db, n.actors.observer, n.networkId, { group: 'moderation' });
      expect(log.items.map((i) => i.kind)).toEqual(['comment.restored', 'comment.hidden']);
      expect(log.items[1].data).toMatchObject({ reason: 'Persönlicher Angriff', commentId: c.id });
      expect(log.items[1].actorId).toBe(n.users.manager.id);
      const t = translator('en');
      const csv = await exportActivityCsv(db, n.actors.observer, n.networkId, { group: 'moderation' }, t);
      expect(csv.split('\r\n')[0]).toBe('When,Who,Kind,What,Link');
      expect(csv).toContain('Reason: Persönlicher Angriff');
      expect(csv.trim().split('\r\n')).toHaveLength(3);
    });

    it('the activity log: filters by person, organisation, kind and period; only what the viewer may see', async () => {
      await db.run(
        "INSERT INTO activity (network_id, actor_id, kind, subject_id, data, created_at) VALUES (?, ?, 'invitation.created', ?, ?, ?)",
        [
          n.networkId,
          n.users.manager.id,
          randomUUID(),
          JSON.stringify({ role: 'representative', organisationId: n.orgs.c, byEmail: false }),
          Date.now(),
        ],
      );
      const byManager = await listActivityLog(db, n.actors.manager, n.networkId, { personId: n.users.manager.id });
      expect(byManager.items.some((i) => i.kind === 'invitation.created')).toBe(true);
      const byObserver = await listActivityLog(db, n.actors.observer, n.networkId, { personId: n.users.manager.id });
      expect(byObserver.items.some((i) => i.kind === 'invitation.created')).toBe(false);
      const ledger = await listActivityLog(db, n.actors.repB, n.networkId, {
        group: 'ledger',
        organisationId: n.orgs.a,
      });
      expect(ledger.items.map((i) => i.kind)).toEqual(['ledger.recorded']);
      const future = await listActivityLog(db, n.actors.repB, n.networkId, { from: '2999-01-01' });
      expect(future.items).toEqual([]);
      const paged = await listActivityLog(db, n.actors.repB, n.networkId, { limit: 2 });
      expect(paged.items).toHaveLength(2);
      const next = await listActivityLog(db, n.actors.repB, n.networkId, { limit: 2, before: paged.nextBefore! });
      expect(next.items[0].id).toBeLessThan(paged.items[1].id);
      await refused(listActivityLog(db, n.actors.outsider, n.networkId, {}), 404);
    });

    it('for me: what needs me, what is due, what changed; mark as seen; the bell counts', async () => {
      const b = await getForMe(db, n.actors.repB, n.networkId);
      expect(b.needsMe.map((i) => i.source).sort()).toEqual(['confirmation', 'mention']);
      expect(b.needsMe.find((i) => i.source === 'confirmation')?.href).toBe(
        `/networks/${n.networkId}/ledger/${entryId}`,
      );
      expect(b.count).toBe(2);
      expect(b.changes.groups.map((g) => g.group)).toContain('ledger');
      expect(b.changes.groups.flatMap((g) => g.items).every((i) => i.actorId !== n.users.repB.id)).toBe(true);
      const m = b.needsMe.find((i) => i.source === 'mention')!;
      await markSeen(db, n.actors.repB, n.networkId, { notificationIds: [m.id] });
      expect(await forMeCount(db, n.actors.repB, n.networkId)).toBe(1);
      await markSeen(db, n.actors.repB, n.networkId, { activityId: b.changes.latestId });
      const after = await getForMe(db, n.actors.repB, n.networkId);
      expect(after.changes.total).toBe(0);
      expect(after.changes.sinceId).toBe(b.changes.latestId);
      // repA's view: nothing of repB's entry to confirm
      expect((await getForMe(db, n.actors.repA, n.networkId)).needsMe.some((i) => i.source === 'confirmation')).toBe(
        false,
      );
      // turned off, a kind is not counted
      await updateNotificationSettings(db, n.actors.repB, { prefs: { confirmation: 'off' } });
      expect(await forMeCount(db, n.actors.repB, n.networkId)).toBe(0);
      await updateNotificationSettings(db, n.actors.repB, { prefs: { confirmation: 'digest' } });
      const across = await getForMeAcross(db, n.users.repB.id);
      expect(across.map((x) => x.networkId)).toEqual([n.networkId]);
      await refused(getForMe(db, n.actors.outsider, n.networkId), 404);
      await refused(markSeen(db, n.actors.outsider, n.networkId, { activityId: 1 }), 404);
    });

    it('what changed follows looking: a visit keeps its changes new, the next one starts after it; the bell and the digest agree', async () => {
      const MIN = 60_000;
      const window = visitWindowMs();
      expect(window).toBe(30 * MIN);
      const marker = () =>
        db.get<Record<string, unknown>>('SELECT * FROM seen_markers WHERE user_id = ? AND network_id = ?', [
          n.users.repB.id,
          n.networkId,
        ]);
      // Which of the entries given above "for me" shows as changed at `at` (their amounts, in the activity data).
      const shown = async (at: number) =>
        (await getForMe(db, n.actors.repB, n.networkId, at)).changes.groups
          .flatMap((g) => g.items)
          .filter((i) => i.kind === 'ledger.recorded')
          .map((i) => Number(i.data.amount))
          .sort((a, b) => a - b);
      const look = async (at: number) =>
        recordLook(
          db,
          n.actors.repB,
          n.networkId,
          { upToId: (await getForMe(db, n.actors.repB, n.networkId, at)).changes.latestId },
          at,
        );

      const t0 = Date.now() + 60 * MIN; // an hour after repB last marked everything seen: a new visit
      await give(7, 'Visit 7');
      const bell = await forMeCount(db, n.actors.repB, n.networkId, t0);
      const unread = await count(db, 'notifications WHERE user_id = ? AND read_at IS NULL', [n.users.repB.id]);
      // Reading "for me" (page, API, across networks) records nothing; only a look does.
      const untouched = await marker();
      expect(await shown(t0)).toEqual([7]);
      await getForMeAcross(db, n.users.repB.id, t0);
      expect(await marker()).toEqual(untouched);

      await look(t0);
      expect(await shown(t0)).toEqual([7]); // this visit shows it, marked new
      expect((await getForMe(db, n.actors.repB, n.networkId, t0)).changes.lastVisitAt).toBe(Number(untouched!.seen_at));
      // Looking changes neither the bell nor what needs me: that goes when it is done or marked seen on purpose.
      expect(await forMeCount(db, n.actors.repB, n.networkId, t0)).toBe(bell);
      expect(await count(db, 'notifications WHERE user_id = ? AND read_at IS NULL', [n.users.repB.id])).toBe(unread);

      // Reloads within the window: still there; something new joins it.
      await look(t0 + 20 * MIN);
      await give(8, 'Visit 8');
      expect(await shown(t0 + 45 * MIN)).toEqual([7, 8]); // 25 minutes after the last look: the same visit
      const across = await getForMeAcross(db, n.users.repB.id, t0 + 45 * MIN);
      expect(across[0].changesCount).toBeGreaterThanOrEqual(2);
      await look(t0 + 45 * MIN);

      // After the window, the next visit starts where this one left off: only what is newer.
      const t1 = t0 + 45 * MIN + window + MIN;
      expect(await shown(t1)).toEqual([]);
      await give(9, 'Visit 9');
      expect(await shown(t1)).toEqual([9]);
      await look(t1);
      const visit = (await getForMe(db, n.actors.repB, n.networkId, t1)).changes;
      expect(visit.lastVisitAt).toBe(t0 + 45 * MIN);
      expect((await getForMeAcross(db, n.users.repB.id, t1))[0].changesCount).toBe(visit.total);

      // The digest leaves out what repB has looked at (7, 8, 9) and carries what came after (10).
      await give(10, 'Visit 10');
      const digest = await buildDigest(db, n.users.repB.id, 'en', t1 + 10 * MIN, 'daily');
      const lines = digest.flatMap((d) => d.changes.flatMap((c) => c.lines.map((l) => l.text)));
      const has = (amount: number) => lines.some((l) => l.includes(`recorded an entry of ${amount} hours`));
      expect(has(10)).toBe(true);
      for (const amount of [7, 8, 9]) expect(has(amount)).toBe(false);

      // "Mark all as seen" empties the visit at once; a later look does not bring it back.
      await markSeen(db, n.actors.repB, n.networkId, { activityId: visit.latestId + 1000 }, t1 + 11 * MIN);
      expect(await shown(t1 + 12 * MIN)).toEqual([]);
      await look(t1 + 13 * MIN);
      expect(await shown(t1 + 13 * MIN)).toEqual([]);

      // Outsiders and bad input are refused; nothing written.
      const before = await marker();
      await refused(recordLook(db, n.actors.outsider, n.networkId, { upToId: 1 }), 404);
      await refused(recordLook(db, n.actors.repB, n.networkId, { upToId: -1 }), 400);
      await refused(recordLook(db, n.actors.repB, n.networkId, { upToId: 'x' as unknown as number }), 400);
      expect(await marker()).toEqual(before);
      expect(
        await count(db, 'seen_markers WHERE user_id = ? AND network_id = ?', [n.users.outsider.id, n.networkId]),
      ).toBe(0);
    });

    it('digest: in the person’s language, only what is new and unseen, once per period, nothing when nothing is new', async () => {
      await updateNotificationSettings(db, n.actors.repB, {
        prefs: { mention: 'digest' },
        digest: { frequency: 'daily', sendAt: '00:00', weekday: 1, timeZone: 'Europe/Vienna' },
      });
      // seen in the app: a mention repB marks as seen. Unseen: a new comment by repC and a mention left unread.
      const seen = await comment('repA', `Gesehen ${mention('repB')}`);
      const note = (await getForMe(db, n.actors.repB, n.networkId)).needsMe.find((i) => i.source === 'mention')!;
      await markSeen(db, n.actors.repB, n.networkId, { notificationIds: [note.id] });
      await comment('repC', 'Neu von Gamma');
      const now = Date.now() + 86_400_000; // the test clock: tomorrow
      expect(await enqueueDueDigests(db, now)).toBeGreaterThan(0);
      const job = await db.get<{ payload: string; idempotency_key: string }>(
        "SELECT payload, idempotency_key FROM jobs WHERE kind = 'digest.person' AND idempotency_key LIKE ?",
        [`digest:${n.users.repB.id}:%`],
      );
      const input = JSON.parse(job!.payload) as { userId: string; period: string; now: number };
      expect(await enqueueDueDigests(db, now)).toBe(0); // one job per person and period
      expect(await runPersonDigest(db, input, finish)).toBe('sent');
      // Both the person's job and the mail are due at once, whatever moment the clock said.
      const due = await db.all<{ run_at: number | string }>(
        'SELECT run_at FROM jobs WHERE idempotency_key LIKE ? OR idempotency_key LIKE ?',
        [`digest:${n.users.repB.id}:%`, `mail:digest:${n.users.repB.id}:%`],
      );
      expect(due).toHaveLength(2);
      for (const j of due) expect(Number(j.run_at)).toBeLessThanOrEqual(Date.now());
      const [digest] = await mails(db, `digest:${n.users.repB.id}`);
      expect(digest.to).toBe(n.users.repB.email);
      expect(digest.subject).toMatch(/^Ihre Tagesübersicht/);
      expect(digest.text).toContain('Geben und Nehmen');
      expect(digest.text).toContain('hat einen Eintrag in Geben und Nehmen kommentiert');
      expect(digest.html).toContain('<a href="http');
      expect(digest.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
      expect(digest.text).not.toContain(seen.id);
      expect(
        digest.text.match(/repA [0-9a-f]{8} hat einen Eintrag in Geben und Nehmen kommentiert/g) ?? [],
      ).toHaveLength(0);
      // a retried job (crash after the commit) sends nothing twice
      await runPersonDigest(db, input, finish);
      expect(await mails(db, `digest:${n.users.repB.id}`)).toHaveLength(1);
      // the next period with nothing new: no mail
      expect(await runPersonDigest(db, { ...input, period: 'daily:2999-01-01', now: now + 1 }, finish)).toBe('empty');
      expect(await mails(db, `digest:${n.users.repB.id}`)).toHaveLength(1);
    });

    it('a digest for a person who left the network contains nothing of it', async () => {
      await comment('repA', 'Nach dem Gehen');
      await db.run('UPDATE memberships SET removed_at = ? WHERE user_id = ? AND network_id = ?', [
        Date.now(),
        n.users.repC.id,
        n.networkId,
      ]);
      const r = await runPersonDigest(db, { userId: n.users.repC.id, period: 'daily:left', now: Date.now() }, finish);
      expect(r).toBe('empty');
      expect(await mails(db, `digest:${n.users.repC.id}`)).toHaveLength(0);
      expect(await getForMeAcross(db, n.users.repC.id)).toEqual([]);
    });

    it('unsubscribe: a valid token turns the digest off without signing in; settings are the person’s own', async () => {
      const r = await unsubscribe(db, unsubscribeToken(n.users.repB.id, 'digest'));
      expect(r.ok).toBe(true);
      expect((await getNotificationSettings(db, n.actors.repB)).digest.frequency).toBe('off');
      expect(await unsubscribe(db, `${unsubscribeToken(n.users.repB.id, 'digest')}x`)).toEqual({
        ok: false,
        reason: 'invalid',
      });
      await unsubscribe(db, unsubscribeToken(n.users.repB.id, 'mention'));
      expect((await getNotificationSettings(db, n.actors.repB)).prefs.mention).toBe('app');
      await refused(getNotificationSettings(db, n.actors.repA, n.users.repB.id), 404);
      await refused(updateNotificationSettings(db, n.actors.repB, { prefs: { changes: 'email' } }), 400);
    });

    it('goal comments of before migration 011 are kept on the one model', async () => {
      const schema = `t_mig_${process.pid}_${Date.now()}`;
      const old = openDb(
        db.dialect === 'sqlite' ? { sqliteFile: ':memory:' } : { databaseUrl: TEST_DATABASE_URL, schema },
      );
      try {
        await migrate(
          old,
          migrations.filter((m) => m.id < 11),
        );
        const s = await seedNetwork(old);
        const goalId = randomUUID();
        await old.run(
          "INSERT INTO goals (id, network_id, title, status, created_by, created_at, updated_at) VALUES (?, ?, 'Alt', 'proposed', ?, 1, 1)",
          [goalId, s.networkId, s.users.repA.id],
        );
        await old.run('INSERT INTO goal_comments (id, goal_id, author_id, body, created_at) VALUES (?, ?, ?, ?, ?)', [
          randomUUID(),
          goalId,
          s.users.repA.id,
          'Ein alter Kommentar',
          1234,
        ]);
        await migrate(old);
        const actor = await loadActor(old, s.users.repB.id, s.networkId);
        const list = await listComments(old, actor, s.networkId, 'goal', goalId);
        expect(list.comments).toMatchObject([
          { body: 'Ein alter Kommentar', authorId: s.users.repA.id, createdAt: 1234 },
        ]);
      } finally {
        if (old.dialect === 'postgres') await old.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await old.close();
      }
    });
  });
}

followUpContract('SQLite', freshSqlite);
describe.skipIf(!(await available('postgres')))('PostgreSQL', () => {
  followUpContract('PostgreSQL', freshPostgres);
});
