import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import * as Y from 'yjs';
import { createCommitment } from '@/lib/commitments/create-commitment';
import type { Db } from '@/lib/db';
import { resetEnvCache } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { exportActor } from '@/lib/exports/access';
import { exportsDir, listArchives, openArchive, purgeArchives, requestArchive } from '@/lib/exports/archive';
import { goalMarkdown, loadGoalExport } from '@/lib/exports/goal-export';
import { goalPdf } from '@/lib/exports/goal-pdf';
import { ledgerXlsxStream } from '@/lib/exports/ledger-xlsx';
import { createGoal } from '@/lib/goals/create-goal';
import { rateGoal } from '@/lib/goals/rate-goal';
import { translator } from '@/lib/i18n';
import { JobRunner } from '@/lib/jobs/runner';
import { recordEntry } from '@/lib/ledger/record-entry';
import { acceptInvitation, createInvitation, createNetwork, createOrganisation, leaveNetwork } from '@/lib/networks';
import { ForbiddenError } from '@/lib/policies';
import { loadActor } from '@/lib/policies/load-actor';
import { available, freshPostgres, freshSqlite } from '../helpers/services';

type Fresh = Db & { drop(): Promise<void> };

async function refusal(p: Promise<unknown> | (() => unknown)): Promise<{ status: number; key: string }> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (err) {
    if (err instanceof AppError) return { status: err.status, key: err.key };
    if (err instanceof ForbiddenError) return { status: err.notFound ? 404 : 403, key: 'forbidden' };
    throw err;
  }
  throw new Error('expected a refusal, but it succeeded');
}

/** Every entry of a zip file: name → text. */
function unzip(file: string): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    const out = new Map<string, string>();
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e2, stream) => {
          if (e2 || !stream) return reject(e2);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** A shared document as the realtime server stores it: one update in the log. */
async function storeDoc(db: Db, name: string, fill: (doc: Y.Doc) => void) {
  const doc = new Y.Doc();
  fill(doc);
  await db.run('INSERT INTO yjs_updates (doc, data, created_at) VALUES (?, ?, ?)', [
    name,
    Y.encodeStateAsUpdate(doc),
    Date.now(),
  ]);
  doc.destroy();
}
const paragraphs = (frag: Y.XmlFragment, ...lines: string[]) =>
  frag.insert(
    0,
    lines.map((l) => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(l)]);
      return p;
    }),
  );

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nwr-exports-'));
beforeAll(() => {
  process.env.DATA_DIR = dataDir;
  delete process.env.SMTP_URL;
  resetEnvCache();
});
afterAll(() => {
  delete process.env.DATA_DIR;
  resetEnvCache();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function exportsContract(name: string, open: () => Promise<Fresh>) {
  describe(`exports on ${name}`, () => {
    let db: Fresh;
    let s: Awaited<ReturnType<typeof setup>>;

    async function user(label: string, locale = 'en') {
      const id = randomUUID();
      await db.run('INSERT INTO users (id, email, name, password_hash, locale, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
        id,
        `${label}-${id.slice(0, 8)}@example.org`,
        label,
        'x',
        locale,
        Date.now(),
      ]);
      return id;
    }
    const actor = (userId: string) => loadActor(db, userId, s.net.id);

    async function setup() {
      const manager = await user('Mia Manager');
      const net = await createNetwork(db, { userId: manager, membership: null }, { name: 'Exportnetz', purpose: '' });
      const m = await loadActor(db, manager, net.id);
      const orgA = await createOrganisation(db, m, net.id, { name: 'Alpha e.V.', kind: 'ngo' });
      const orgB = await createOrganisation(db, m, net.id, { name: 'Beta gGmbH', kind: 'ngo' });
      const join = async (label: string, role: 'representative' | 'home_member' | 'observer', orgId: string | null) => {
        const person = await user(label);
        const inv = await createInvitation(
          db,
          await loadActor(db, manager, net.id),
          net.id,
          { role, organisationId: orgId },
          { appUrl: 'http://app.test' },
        );
        await acceptInvitation(db, { userId: person, membership: null }, inv.token);
        return person;
      };
      const repA = await join('Anton', 'representative', orgA.id);
      const homeA = await join('Hanna', 'home_member', orgA.id);
      const repB = await join('Berta', 'representative', orgB.id);
      const observer = await join('Otto', 'observer', null);
      const leaver = await join('Lea', 'representative', orgB.id);
      const goal = await createGoal(db, await loadActor(db, repA, net.id), net.id, {
        title: 'Gemeinsame Lernwerkstatt für Ältere',
        whyTogether: 'Allein fehlen uns Räume',
        organisationIds: [orgB.id],
      });
      await rateGoal(db, await loadActor(db, repA, net.id), net.id, goal.id, {
        organisationId: orgA.id,
        attractive: 5,
        concrete: 3,
        flexible: 4,
        comment: 'Sehr wichtig',
      });
      await createCommitment(db, await loadActor(db, repB, net.id), net.id, {
        organisationId: orgB.id,
        goalId: goal.id,
        unit: 'hours',
        amount: 12.5,
        dueOn: '2099-06-01',
        note: 'Raum am Dienstag',
        commit: true,
      });
      const today = new Date().toISOString().slice(0, 10);
      for (let i = 0; i < 7; i++)
        await recordEntry(db, await loadActor(db, repA, net.id), net.id, {
          organisationId: orgA.id,
          kind: 'give',
          partnerOrganisationId: orgB.id,
          unit: 'hours',
          amount: i + 1,
          date: today,
          description: i === 0 ? '=HYPERLINK("x")' : `Hilfe ${i}`,
          goalId: i === 1 ? goal.id : null,
        });
      await recordEntry(db, await loadActor(db, repB, net.id), net.id, {
        organisationId: orgB.id,
        kind: 'give',
        partnerOrganisationId: null,
        unit: 'contacts',
        amount: 3,
        date: today,
      });
      await storeDoc(db, `commons.${net.id}`, (d) => {
        paragraphs(d.getXmlFragment('notes'), 'Shared plan for spring');
        const g = new Y.XmlFragment();
        d.getMap('goals').set(goal.id, g);
        paragraphs(g, 'Wir öffnen die Werkstatt **jeden** Dienstag');
      });
      await storeDoc(db, `org.${net.id}.${orgA.id}`, (d) =>
        paragraphs(d.getXmlFragment('profile'), 'Alpha profile text'),
      );
      await storeDoc(db, `home.${net.id}.${orgA.id}`, (d) =>
        paragraphs(d.getXmlFragment('notes'), 'SECRET-HOME-A budget'),
      );
      await storeDoc(db, `home.${net.id}.${orgB.id}`, (d) =>
        paragraphs(d.getXmlFragment('notes'), 'SECRET-HOME-B salaries'),
      );
      await leaveNetwork(db, await loadActor(db, leaver, net.id), net.id);
      return { manager, net, orgA, orgB, repA, homeA, repB, observer, leaver, goal };
    }

    beforeAll(async () => {
      db = await open();
      s = await setup();
    }, 60_000);
    afterAll(async () => {
      await db?.drop();
    });

    const runJobs = () => new JobRunner(db, { schedule: [], log: () => {} }).runUntilIdle();

    it('a goal as Markdown holds its text, versions, ratings and commitments, in the reader’s language', async () => {
      const en = goalMarkdown(await loadGoalExport(db, await actor(s.observer), s.net.id, s.goal.id, 'en'));
      expect(en).toContain('# Gemeinsame Lernwerkstatt für Ältere');
      expect(en).toContain('## Versions');
      expect(en).toContain('Goal created');
      expect(en).toContain('Alpha e.V.');
      expect(en).toContain('Attractive & visionary: 5');
      expect(en).toContain('Beta gGmbH: 12.5 hours');
      // The live shared text, escaped: what a person typed never becomes Markdown of its own.
      expect(en).toContain('Wir öffnen die Werkstatt \\*\\*jeden\\*\\* Dienstag');
      const de = goalMarkdown(await loadGoalExport(db, await actor(s.repB), s.net.id, s.goal.id, 'de'));
      expect(de).toContain('## Versionen');
      expect(de).toContain('Beta gGmbH: 12,5 Stunden');
      expect(de).toContain('Zugesagt, fällig am');
    });

    it('a goal as PDF carries its title and sections (read back with unpdf)', async () => {
      const pdf = await goalPdf(await loadGoalExport(db, await actor(s.repA), s.net.id, s.goal.id, 'de'));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
      expect(text).toContain('Gemeinsame Lernwerkstatt für Ältere');
      expect(text).toContain('Bewertungen');
      expect(text).toContain('Raum am Dienstag');
    });

    it('the ledger as a spreadsheet: the same columns and filters as the CSV, amounts as numbers', async () => {
      const t = translator('de');
      const read = async (filter: Record<string, string>) => {
        const stream = ledgerXlsxStream(
          db,
          await actor(s.observer),
          s.net.id,
          filter,
          (c) => t(`cooperation.csv.${c}`),
          t,
        );
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.read(stream);
        return wb.worksheets[0];
      };
      const all = await read({});
      expect(all.rowCount).toBe(1 + 8);
      expect(all.getRow(1).getCell(2).value).toBe(t('cooperation.csv.date'));
      const filtered = await read({ unit: 'contacts' });
      expect(filtered.rowCount).toBe(2);
      expect(filtered.getRow(2).getCell(7).value).toBe(3);
      const formula = (await read({ unit: 'hours' })).getRow(2);
      // A text cell stays text: nothing in it runs as a formula.
      expect(formula.getCell(9).type).toBe(ExcelJS.ValueType.String);
    });

    it('bad archive input is a 400 and writes nothing; only managers archive the network', async () => {
      const before = await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM exports');
      expect(
        await refusal(requestArchive(db, await actor(s.manager), s.net.id, { scope: 'organisation' }, 'en')),
      ).toMatchObject({ status: 400 });
      expect(
        await refusal(requestArchive(db, await actor(s.manager), s.net.id, { scope: 'everything' } as never, 'en')),
      ).toMatchObject({ status: 400 });
      expect(await refusal(requestArchive(db, await actor(s.repA), s.net.id, { scope: 'network' }, 'en'))).toEqual({
        status: 403,
        key: 'forbidden',
      });
      expect(
        await refusal(
          requestArchive(db, await actor(s.repB), s.net.id, { scope: 'organisation', organisationId: s.orgA.id }, 'en'),
        ),
      ).toEqual({ status: 403, key: 'forbidden' });
      const after = await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM exports');
      expect(Number(after!.n)).toBe(Number(before!.n));
      // Someone who never was a member: the network does not exist for them.
      const stranger = await user('Stranger');
      expect(
        await refusal(async () =>
          loadGoalExport(db, await exportActor(db, stranger, s.net.id), s.net.id, s.goal.id, 'en'),
        ),
      ).toEqual({
        status: 404,
        key: 'forbidden',
      });
      // A goal of this network asked for under another network's id is not found either.
      expect(
        await refusal(async () =>
          loadGoalExport(db, await actor(s.repA), s.net.id, '00000000-0000-4000-8000-000000000000', 'en'),
        ),
      ).toMatchObject({
        status: 404,
      });
      expect(await refusal(() => exportActor(db, s.leaver, s.net.id))).toEqual({
        status: 403,
        key: 'exports.errors.leftNetwork',
      });
    });

    it('the network archive: made by the job runner, every record checked against the database, no home space', async () => {
      const m = await actor(s.manager);
      const { export: asked, created } = await requestArchive(db, m, s.net.id, { scope: 'network' }, 'de');
      expect(created).toBe(true);
      expect(asked).toMatchObject({ status: 'pending', percent: 0, downloadUrl: null });
      // Enqueued in the same transaction; asking again while it is made returns the same one.
      expect(await db.get('SELECT kind FROM jobs WHERE idempotency_key = ?', [`export:${asked.id}`])).toEqual({
        kind: 'exports.archive',
      });
      expect((await requestArchive(db, m, s.net.id, { scope: 'network' }, 'de')).export.id).toBe(asked.id);
      await runJobs();
      const [ready] = await listArchives(db, m, s.net.id, { scope: 'network' });
      expect(ready).toMatchObject({ id: asked.id, status: 'ready', percent: 100 });
      expect(ready.done).toBe(ready.total);
      expect(ready.abilities.download).toBe(true);
      // The mail, once, in the requester's language.
      const mail = await db.get<{ payload: string }>('SELECT payload FROM jobs WHERE idempotency_key = ?', [
        `mail:export-ready:${asked.id}`,
      ]);
      expect(JSON.parse(mail!.payload).subject).toContain('ist fertig');

      const a = await openArchive(db, m, s.net.id, asked.id);
      expect(a.fileName).toMatch(/^exportnetz-archive-\d{4}-\d{2}-\d{2}\.zip$/);
      const files = await unzip(a.file);
      const csv = (n: string) =>
        files
          .get(`archive/csv/${n}.csv`)!
          .replace(/^\uFEFF/, '')
          .trim()
          .split('\r\n');
      const json = (n: string) => JSON.parse(files.get(`archive/json/${n}.json`)!) as Record<string, unknown>[];
      const count = async (sql: string) => Number((await db.get<{ n: number }>(sql, [s.net.id]))!.n);
      for (const [section, sql] of [
        ['ledger_entries', 'SELECT COUNT(*) AS n FROM ledger_entries WHERE network_id = ?'],
        ['commitments', 'SELECT COUNT(*) AS n FROM commitments WHERE network_id = ?'],
        ['organisations', 'SELECT COUNT(*) AS n FROM organisations WHERE network_id = ?'],
        ['members', 'SELECT COUNT(*) AS n FROM memberships WHERE network_id = ?'],
        ['goals', 'SELECT COUNT(*) AS n FROM goals WHERE network_id = ?'],
        [
          'goal_revisions',
          'SELECT COUNT(*) AS n FROM goal_revisions r JOIN goals g ON g.id = r.goal_id WHERE g.network_id = ?',
        ],
        [
          'goal_ratings',
          'SELECT COUNT(*) AS n FROM goal_ratings r JOIN goals g ON g.id = r.goal_id WHERE g.network_id = ?',
        ],
      ] as const) {
        const n = await count(sql);
        expect(csv(section).length - 1, section).toBe(n);
        expect(json(section).length, section).toBe(n);
      }
      // Some rows as they are in the database.
      const entry = await db.get<{ id: string; amount_milli: number; description: string }>(
        "SELECT id, amount_milli, description FROM ledger_entries WHERE network_id = ? AND unit = 'contacts'",
        [s.net.id],
      );
      expect(json('ledger_entries').find((e) => e.id === entry!.id)).toMatchObject({
        amount: Number(entry!.amount_milli) / 1000,
        unit: 'contacts',
        giver_org_id: s.orgB.id,
        receiver_org_id: null,
      });
      expect(csv('ledger_entries').some((l) => l.includes(`'=HYPERLINK`))).toBe(true);
      expect(json('goal_revisions')[0].snapshot).toMatchObject({ title: s.goal.title });
      // Managers see e-mail addresses; tokens and idempotency keys are never exported.
      expect(json('members').every((p) => typeof p.email === 'string' && p.email.includes('@'))).toBe(true);
      expect([...files.values()].join('\n')).not.toMatch(/token_hash|idempotency/);
      // Documents as Markdown; the home spaces are not the manager's to see.
      expect(files.get('archive/documents/shared-notes.md')).toContain('Shared plan for spring');
      expect(files.get('archive/documents/shared-notes.md')).toContain('### Gemeinsame Lernwerkstatt für Ältere');
      expect([...files.keys()].some((f) => f.includes('documents/organisations/alpha-e-v-'))).toBe(true);
      expect([...files.keys()].some((f) => f.includes('/home/'))).toBe(false);
      expect([...files.values()].join('\n')).not.toContain('SECRET-HOME');
      expect(files.get('archive/README.md')).toContain('# Netzwerkarchiv');
      // The activity holds what the manager may see, including this archive's own row.
      expect(json('activity').some((r) => r.kind === 'export.archive_requested')).toBe(true);

      // Only the requester may download it.
      expect(await refusal(openArchive(db, await actor(s.repA), s.net.id, asked.id))).toMatchObject({ status: 404 });
      expect(await refusal(openArchive(db, await actor(s.repA), s.net.id, 'not-an-id'))).toMatchObject({ status: 404 });
    });

    it('an organisation’s own data: its records and its home notes, never another organisation’s', async () => {
      const h = await actor(s.homeA);
      const { export: asked } = await requestArchive(
        db,
        h,
        s.net.id,
        { scope: 'organisation', organisationId: s.orgA.id },
        'en',
      );
      await runJobs();
      const a = await openArchive(db, h, s.net.id, asked.id);
      expect(a.fileName).toMatch(/^alpha-e-v-data-/);
      const files = await unzip(a.file);
      const all = [...files.values()].join('\n');
      expect(all).toContain('SECRET-HOME-A budget');
      expect(all).toContain('Alpha profile text');
      expect(all).not.toContain('SECRET-HOME-B');
      expect(all).not.toContain('Shared plan for spring');
      const entries = JSON.parse(files.get('data/json/ledger_entries.json')!) as {
        giver_org_id: string;
        receiver_org_id: string;
      }[];
      const n = await db.get<{ n: number }>(
        'SELECT COUNT(*) AS n FROM ledger_entries WHERE network_id = ? AND (giver_org_id = ? OR receiver_org_id = ? OR recorder_org_id = ?)',
        [s.net.id, s.orgA.id, s.orgA.id, s.orgA.id],
      );
      expect(entries).toHaveLength(Number(n!.n));
      expect(entries.every((e) => e.giver_org_id === s.orgA.id || e.receiver_org_id === s.orgA.id)).toBe(true);
      expect(JSON.parse(files.get('data/json/goal_ratings.json')!)).toHaveLength(1);
      // The other organisation's people may not download it.
      expect(await refusal(openArchive(db, await actor(s.repB), s.net.id, asked.id))).toMatchObject({ status: 404 });
    });

    it('a failing archive is tried again (one mail in the end), and after its last try it is marked failed', async () => {
      const m = await actor(s.manager);
      // The file cannot be written while a folder stands where it goes.
      const { export: first } = await requestArchive(db, m, s.net.id, { scope: 'network' }, 'en');
      const blocker = path.join(exportsDir(), `${first.id}.zip.part`);
      fs.mkdirSync(blocker, { recursive: true });
      let clock = Date.now();
      const runner = () => new JobRunner(db, { schedule: [], log: () => {}, now: () => clock });
      await runner().runUntilIdle();
      const job = () =>
        db.get<{ status: string; attempts: number }>('SELECT status, attempts FROM jobs WHERE idempotency_key = ?', [
          `export:${first.id}`,
        ]);
      expect(await job()).toMatchObject({ status: 'pending', attempts: 1 });
      expect((await listArchives(db, m, s.net.id, { scope: 'network' }))[0]).toMatchObject({
        id: first.id,
        status: 'running',
      });
      fs.rmSync(blocker, { recursive: true });
      clock += 10 * 60_000;
      await runner().runUntilIdle();
      expect(await job()).toMatchObject({ status: 'done', attempts: 2 });
      expect((await listArchives(db, m, s.net.id, { scope: 'network' }))[0]).toMatchObject({
        id: first.id,
        status: 'ready',
      });
      const mails = await db.all('SELECT 1 FROM jobs WHERE idempotency_key = ?', [`mail:export-ready:${first.id}`]);
      expect(mails).toHaveLength(1);

      const { export: second } = await requestArchive(db, m, s.net.id, { scope: 'network' }, 'en');
      fs.mkdirSync(path.join(exportsDir(), `${second.id}.zip.part`), { recursive: true });
      for (let i = 0; i < 3; i++) {
        await runner().runUntilIdle();
        clock += 60 * 60_000;
      }
      expect(await db.get('SELECT status FROM jobs WHERE idempotency_key = ?', [`export:${second.id}`])).toEqual({
        status: 'dead',
      });
      expect((await listArchives(db, m, s.net.id, { scope: 'network' }))[0]).toMatchObject({
        id: second.id,
        status: 'failed',
        downloadUrl: null,
      });
      // The purge clears what a failed archive left.
      await purgeArchives(db);
      expect(fs.existsSync(path.join(exportsDir(), `${second.id}.zip.part`))).toBe(false);
    });

    it('an expired archive is refused with a clear word and its file is removed by the purge', async () => {
      const m = await actor(s.manager);
      const ready = (await listArchives(db, m, s.net.id, { scope: 'network' })).find((e) => e.status === 'ready')!;
      const file = path.join(exportsDir(), `${ready.id}.zip`);
      expect(fs.existsSync(file)).toBe(true);
      await db.run('UPDATE exports SET expires_at = ? WHERE id = ?', [Date.now() - 1, ready.id]);
      expect(await refusal(openArchive(db, m, s.net.id, ready.id))).toEqual({
        status: 410,
        key: 'exports.errors.expired',
      });
      const r = await purgeArchives(db);
      expect(r.expired).toBeGreaterThanOrEqual(1);
      expect(fs.existsSync(file)).toBe(false);
      expect((await listArchives(db, m, s.net.id, { scope: 'network' })).find((e) => e.id === ready.id)).toMatchObject({
        status: 'expired',
        downloadUrl: null,
      });
    });
  });
}

exportsContract('SQLite', freshSqlite);
describe.skipIf(!(await available('postgres')))('PostgreSQL', () => {
  exportsContract('PostgreSQL', freshPostgres);
});
