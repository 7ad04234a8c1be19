import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { z } from 'zod';
import { record } from '../activity/record';
import { validate } from '../core/validate';
import type { Db, Queryable } from '../db/types';
import { docName, type DocName } from '../docs/names';
import { env } from '../env';
import { AppError } from '../errors';
import { formatter, translator, type Locale } from '../i18n';
import type { JobContext } from '../jobs/define';
import { enqueue } from '../jobs/outbox';
import { enqueueMail } from '../mail/queue';
import { documentPolicy, exportPolicy, liveMembership, type Actor } from '../policies';
import { loadActor } from '../policies/load-actor';
import { listNetworkDocs, loadStoredDoc, renderDocMarkdown } from './documents';
import {
  countSection,
  csvHeader,
  csvLines,
  jsonObject,
  networkSections,
  organisationSections,
  sectionRows,
  type Section,
} from './sections';
import { fileSlug } from './words';

/**
 * Archives: a network's full archive for its managers, an organisation's own
 * data for its people. Asked for in a request (a row in `exports` and a job in
 * the outbox, one transaction), made by the job runner (`exports.archive`),
 * which writes one zip — every record as CSV and JSON, every shared document
 * as Markdown — page by page straight into a file, so memory stays flat
 * however large the network is, and keeps `done` of `total` up to date for
 * the progress bar. When it is ready the requester gets a mail; only they may
 * download it, until it expires; the scheduled `exports.purge` removes it then.
 */

export const ARCHIVE_SCOPES = ['network', 'organisation'] as const;
export type ArchiveScope = (typeof ARCHIVE_SCOPES)[number];
export const EXPORT_STATUSES = ['pending', 'running', 'ready', 'failed', 'expired'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

/** How long a ready archive may be downloaded. */
export const ARCHIVE_TTL_MS = 7 * 24 * 60 * 60_000;
/** How often the job writes its progress (ms). */
const PROGRESS_EVERY_MS = 400;

export const ZRequestArchive = z
  .object({
    scope: z.enum(ARCHIVE_SCOPES),
    organisationId: z.uuid().optional(),
  })
  .strict()
  .refine((v) => (v.scope === 'organisation') === !!v.organisationId, {
    path: ['organisationId'],
    message: 'organisationId is needed exactly for an organisation’s export',
  });
export type RequestArchive = z.input<typeof ZRequestArchive>;

interface ExportRow {
  id: string;
  network_id: string;
  scope: ArchiveScope;
  organisation_id: string | null;
  requested_by: string;
  locale: Locale;
  status: ExportStatus;
  done: number | string;
  total: number | string;
  file_size: number | string | null;
  error: string | null;
  created_at: number | string;
  started_at: number | string | null;
  finished_at: number | string | null;
  expires_at: number | string | null;
}

export function exportsDir(): string {
  return path.join(env().dataDir, 'exports');
}
const filePath = (id: string) => path.join(exportsDir(), `${id}.zip`);
const partPath = (id: string) => path.join(exportsDir(), `${id}.zip.part`);

const recordOf = (r: ExportRow) => ({
  networkId: r.network_id,
  scope: r.scope,
  organisationId: r.organisation_id,
  requestedBy: r.requested_by,
});

function present(actor: Actor, r: ExportRow, now = Date.now()) {
  const total = Number(r.total);
  const done = Math.min(Number(r.done), total);
  const expired =
    r.status === 'expired' || (r.status === 'ready' && r.expires_at !== null && Number(r.expires_at) <= now);
  const status: ExportStatus = expired ? 'expired' : r.status;
  return {
    id: r.id,
    networkId: r.network_id,
    scope: r.scope,
    organisationId: r.organisation_id,
    status,
    done,
    total,
    /** 0–100; 100 only when ready. */
    percent: status === 'ready' ? 100 : total > 0 ? Math.min(99, Math.floor((done / total) * 100)) : 0,
    fileSize: r.file_size === null ? null : Number(r.file_size),
    createdAt: Number(r.created_at),
    finishedAt: r.finished_at === null ? null : Number(r.finished_at),
    expiresAt: r.expires_at === null ? null : Number(r.expires_at),
    downloadUrl: status === 'ready' ? `/api/networks/${r.network_id}/exports/${r.id}/download` : null,
    abilities: { download: status === 'ready' && exportPolicy.can(actor, 'download', recordOf(r)) },
  };
}
export type ArchiveExport = ReturnType<typeof present>;

function authorizeScope(actor: Actor, networkId: string, scope: ArchiveScope, organisationId: string | null) {
  if (scope === 'network') exportPolicy.authorize(actor, 'archiveNetwork', { networkId });
  else exportPolicy.authorize(actor, 'archiveOrganisation', { networkId, organisationId, scope });
}

/**
 * Asks for an archive. A second request while one of the same scope is still
 * being made returns that one (one archive at a time per person and scope).
 */
export async function requestArchive(
  db: Db,
  actor: Actor,
  networkId: string,
  input: RequestArchive,
  locale: Locale,
): Promise<{ export: ArchiveExport; created: boolean }> {
  const data = validate(ZRequestArchive, input);
  const orgId = data.organisationId ?? null;
  authorizeScope(actor, networkId, data.scope, orgId);
  if (orgId) {
    const org = await db.get<{ status: string }>('SELECT status FROM organisations WHERE id = ? AND network_id = ?', [
      orgId,
      networkId,
    ]);
    if (!org) throw new AppError(404, 'cooperation.errors.organisationNotFound');
  }
  return db.tx(async (q) => {
    const open = await q.get<ExportRow>(
      `SELECT * FROM exports WHERE network_id = ? AND requested_by = ? AND scope = ? AND status IN ('pending', 'running')
         AND ${orgId ? 'organisation_id = ?' : 'organisation_id IS NULL'} ORDER BY created_at DESC LIMIT 1`,
      [networkId, actor.userId, data.scope, ...(orgId ? [orgId] : [])],
    );
    if (open) return { export: present(actor, open), created: false };
    const id = randomUUID();
    const now = Date.now();
    await q.run(
      `INSERT INTO exports (id, network_id, scope, organisation_id, requested_by, locale, status, done, total, created_at)
       VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, 0, ?)`,
      [id, networkId, data.scope, orgId, actor.userId, locale, now],
    );
    await enqueue(q, 'exports.archive', { exportId: id }, { key: `export:${id}`, networkId, now });
    await record(q, {
      kind: 'export.archive_requested',
      networkId,
      actorId: actor.userId,
      subjectId: id,
      data: { scope: data.scope, organisationId: orgId },
      at: now,
    });
    const row = (await q.get<ExportRow>('SELECT * FROM exports WHERE id = ?', [id]))!;
    return { export: present(actor, row), created: true };
  });
}

/** The person's own archives in this network (newest first), of one scope. */
export async function listArchives(
  db: Db,
  actor: Actor,
  networkId: string,
  filter: { scope: ArchiveScope; organisationId?: string | null },
): Promise<ArchiveExport[]> {
  authorizeScope(actor, networkId, filter.scope, filter.organisationId ?? null);
  const orgId = filter.organisationId ?? null;
  const rows = await db.all<ExportRow>(
    `SELECT * FROM exports WHERE network_id = ? AND requested_by = ? AND scope = ?
       AND ${orgId ? 'organisation_id = ?' : 'organisation_id IS NULL'} ORDER BY created_at DESC LIMIT 5`,
    [networkId, actor.userId, filter.scope, ...(orgId ? [orgId] : [])],
  );
  return rows.map((r) => present(actor, r));
}

/** The archive's file for its requester, or a refusal that says why. */
export async function openArchive(db: Db, actor: Actor, networkId: string, exportId: string) {
  const row = z.uuid().safeParse(exportId).success
    ? await db.get<ExportRow>('SELECT * FROM exports WHERE id = ? AND network_id = ?', [exportId, networkId])
    : undefined;
  if (!row) throw new AppError(404, 'exports.errors.notFound');
  exportPolicy.authorize(actor, 'download', recordOf(row));
  const p = present(actor, row);
  if (p.status === 'expired') throw new AppError(410, 'exports.errors.expired');
  if (p.status !== 'ready') throw new AppError(409, 'exports.errors.notReady');
  const file = filePath(row.id);
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new AppError(410, 'exports.errors.expired');
  }
  const names = await db.get<{ network: string; org: string | null }>(
    'SELECT n.name AS network, o.name AS org FROM networks n LEFT JOIN organisations o ON o.id = ? WHERE n.id = ?',
    [row.organisation_id, networkId],
  );
  const day = new Date(Number(row.finished_at ?? row.created_at)).toISOString().slice(0, 10);
  const base = fileSlug(row.scope === 'organisation' ? (names?.org ?? '') : (names?.network ?? ''), 'archive');
  return { file, size, fileName: `${base}-${row.scope === 'organisation' ? 'data' : 'archive'}-${day}.zip` };
}

// ---------------------------------------------------------------- the job

interface DocItem {
  name: DocName;
  path: string;
  title: string;
}

/** Runs one archive (the `exports.archive` job). Throws to be tried again; a failure on the last try is kept. */
export async function runArchive(db: Db, exportId: string, ctx: Pick<JobContext, 'job' | 'finish' | 'log'>) {
  const row = await db.get<ExportRow>('SELECT * FROM exports WHERE id = ?', [exportId]);
  if (!row || row.status === 'ready' || row.status === 'expired' || row.status === 'failed') return;
  const t = translator(row.locale);
  const actor = await loadActor(db, row.requested_by, row.network_id);
  const allowed =
    liveMembership(actor, row.network_id) !== null &&
    (row.scope === 'network'
      ? exportPolicy.can(actor, 'archiveNetwork', { networkId: row.network_id })
      : exportPolicy.can(actor, 'archiveOrganisation', {
          networkId: row.network_id,
          organisationId: row.organisation_id,
          scope: 'organisation',
        }));
  if (!allowed) {
    // The person left or lost the right since asking: nothing is written, and trying again would not help.
    await ctx.finish(async (q) => {
      await q.run("UPDATE exports SET status = 'failed', error = ?, finished_at = ? WHERE id = ?", [
        'no longer allowed',
        Date.now(),
        exportId,
      ]);
    });
    return;
  }
  try {
    await writeArchive(db, row, actor, t);
  } catch (err) {
    if (ctx.job.attempt >= ctx.job.maxAttempts) {
      await db.run("UPDATE exports SET status = 'failed', error = ?, finished_at = ? WHERE id = ?", [
        String((err as Error)?.message ?? err).slice(0, 500),
        Date.now(),
        exportId,
      ]);
      fs.rmSync(partPath(exportId), { force: true, recursive: true });
    }
    throw err;
  }
  const size = fs.statSync(filePath(exportId)).size;
  const now = Date.now();
  const expiresAt = now + ARCHIVE_TTL_MS;
  const user = await db.get<{ email: string; name: string }>('SELECT email, name FROM users WHERE id = ?', [
    row.requested_by,
  ]);
  const names = await db.get<{ network: string; org: string | null }>(
    'SELECT n.name AS network, o.name AS org FROM networks n LEFT JOIN organisations o ON o.id = ? WHERE n.id = ?',
    [row.organisation_id, row.network_id],
  );
  const f = formatter(row.locale);
  const link =
    row.scope === 'network'
      ? `${env().appUrl}/networks/${row.network_id}/settings#archive`
      : `${env().appUrl}/networks/${row.network_id}/organisations/${row.organisation_id}#export`;
  await ctx.finish(async (q) => {
    const r = await q.run(
      "UPDATE exports SET status = 'ready', done = total, file_size = ?, finished_at = ?, expires_at = ?, error = NULL WHERE id = ? AND status = 'running'",
      [size, now, expiresAt, exportId],
    );
    if (r.changes !== 1) return;
    const vars = {
      name: user?.name ?? '',
      network: names?.network ?? '',
      organisation: names?.org ?? '',
      scope: row.scope,
      link,
      date: f.dateTime(expiresAt),
    };
    if (user)
      await enqueueMail(
        q,
        { to: user.email, subject: t('exports.mail.subject', vars), text: t('exports.mail.body', vars) },
        { key: `export-ready:${exportId}`, networkId: row.network_id, now },
      );
    await record(q, {
      kind: 'export.archive_ready',
      networkId: row.network_id,
      actorId: row.requested_by,
      subjectId: exportId,
      data: { scope: row.scope, organisationId: row.organisation_id },
      at: now,
    });
  });
}

async function writeArchive(db: Db, row: ExportRow, actor: Actor, t: ReturnType<typeof translator>) {
  const networkId = row.network_id;
  const sections =
    row.scope === 'network' ? networkSections(networkId, actor) : organisationSections(networkId, row.organisation_id!);
  const docs = await archiveDocs(db, row, actor, t);
  const counts = await Promise.all(sections.map((s) => countSection(db, s)));
  // Each record is written twice (CSV and JSON); each document once.
  const total = counts.reduce((a, b) => a + 2 * b, 0) + docs.length + 1;
  await db.run(
    "UPDATE exports SET status = 'running', started_at = ?, done = 0, total = ?, error = NULL WHERE id = ?",
    [Date.now(), total, row.id],
  );
  let done = 0;
  let lastFlush = Date.now();
  const progress = async (n: number) => {
    done += n;
    if (Date.now() - lastFlush < PROGRESS_EVERY_MS) return;
    lastFlush = Date.now();
    await db.run('UPDATE exports SET done = ? WHERE id = ?', [Math.min(done, total - 1), row.id]);
  };

  fs.mkdirSync(exportsDir(), { recursive: true });
  const part = partPath(row.id);
  const zip = new yazl.ZipFile();
  const written = pipeline(zip.outputStream as unknown as Readable, fs.createWriteStream(part));
  const root = row.scope === 'network' ? 'archive' : 'data';
  const mtime = new Date();
  const kept: Record<string, number> = {};
  const lazy = (name: string, gen: () => AsyncGenerator<string>) =>
    zip.addReadStreamLazy(`${root}/${name}`, { mtime }, (cb) => cb(null, Readable.from(gen())));

  for (const s of sections) {
    lazy(`csv/${s.name}.csv`, async function* () {
      yield '\uFEFF' + csvHeader(s);
      let n = 0;
      for await (const rows of sectionRows(db, s)) {
        n += rows.length;
        yield csvLines(s, rows);
        await progress(rows.length);
      }
      kept[s.name] = n;
    });
    lazy(`json/${s.name}.json`, async function* () {
      yield '[';
      let first = true;
      for await (const rows of sectionRows(db, s)) {
        let chunk = '';
        for (const r of rows) {
          chunk += (first ? '\n' : ',\n') + jsonObject(s, r);
          first = false;
        }
        yield chunk;
        await progress(rows.length);
      }
      yield first ? ']\n' : '\n]\n';
    });
  }
  for (const d of docs) {
    lazy(d.path, async function* () {
      const doc = await loadStoredDoc(db, docName(d.name));
      try {
        yield renderDocMarkdown(d.name, doc, docWords(t, d.title, await goalTitles(db, networkId)));
      } finally {
        doc.destroy();
      }
      await progress(1);
    });
  }
  lazy('README.md', async function* () {
    yield readme(t, row, sections, kept, docs);
  });
  zip.end();
  await written;
  fs.renameSync(part, filePath(row.id));
}

let titlesCache: { networkId: string; at: number; map: Map<string, string> } | null = null;
async function goalTitles(db: Queryable, networkId: string): Promise<Map<string, string>> {
  if (titlesCache && titlesCache.networkId === networkId && Date.now() - titlesCache.at < 10_000)
    return titlesCache.map;
  const rows = await db.all<{ id: string; title: string }>('SELECT id, title FROM goals WHERE network_id = ?', [
    networkId,
  ]);
  titlesCache = { networkId, at: Date.now(), map: new Map(rows.map((r) => [r.id, r.title])) };
  return titlesCache.map;
}

function docWords(t: ReturnType<typeof translator>, title: string, goals: Map<string, string>) {
  return {
    title,
    root: (root: string) => t(`exports.doc.root.${root === '_empty' ? 'empty' : root}`),
    goalTitle: (id: string) => goals.get(id) ?? null,
  };
}

/** The shared documents the requester may read, with their file names and titles. */
async function archiveDocs(db: Db, row: ExportRow, actor: Actor, t: ReturnType<typeof translator>) {
  const orgs = new Map(
    (
      await db.all<{ id: string; name: string }>('SELECT id, name FROM organisations WHERE network_id = ?', [
        row.network_id,
      ])
    ).map((o) => [o.id, o.name]),
  );
  const all = await listNetworkDocs(db, row.network_id);
  const items: DocItem[] = [];
  for (const d of all) {
    // Only what the requester may read; an organisation's export holds only that organisation's documents.
    if (!documentPolicy.can(actor, 'read', d)) continue;
    if (row.scope === 'organisation' && !('orgId' in d && d.orgId === row.organisation_id)) continue;
    if (d.kind === 'commons')
      items.push({ name: d, path: 'documents/shared-notes.md', title: t('exports.doc.commons') });
    else if (d.kind === 'org' || d.kind === 'home') {
      const name = orgs.get(d.orgId) ?? d.orgId;
      const slug = `${fileSlug(name, 'organisation')}-${d.orgId.slice(0, 8)}`;
      items.push({
        name: d,
        path: `documents/${d.kind === 'org' ? 'organisations' : 'home'}/${slug}.md`,
        title: t(d.kind === 'org' ? 'exports.doc.org' : 'exports.doc.home', { name }),
      });
    } else if (d.kind === 'meeting')
      items.push({ name: d, path: `documents/meetings/${d.meetingId}.md`, title: t('exports.doc.meeting') });
  }
  return items;
}

function readme(
  t: ReturnType<typeof translator>,
  row: ExportRow,
  sections: Section[],
  kept: Record<string, number>,
  docs: DocItem[],
): string {
  const lines = [
    `# ${t(row.scope === 'network' ? 'exports.readme.titleNetwork' : 'exports.readme.titleOrganisation')}`,
    '',
    t('exports.readme.intro'),
    '',
    `## ${t('exports.readme.records')}`,
    '',
    ...sections.map(
      (s) =>
        `- \`csv/${s.name}.csv\`, \`json/${s.name}.json\`: ${t('exports.readme.rows', { count: kept[s.name] ?? 0 })}`,
    ),
    '',
    `## ${t('exports.readme.documents')}`,
    '',
    ...(docs.length ? docs.map((d) => `- \`${d.path}\`: ${d.title}`) : [t('exports.readme.noDocuments')]),
    '',
    t('exports.readme.formats'),
    '',
  ];
  return lines.join('\n');
}

// ---------------------------------------------------------------- cleaning up

/** Removes expired archives' files and any file no archive row is waiting for (the scheduled `exports.purge`). */
export async function purgeArchives(db: Db, now = Date.now()): Promise<{ expired: number; removed: number }> {
  const due = await db.all<{ id: string }>(
    "SELECT id FROM exports WHERE (status = 'ready' AND expires_at <= ?) OR status = 'failed'",
    [now],
  );
  for (const r of due) {
    fs.rmSync(filePath(r.id), { force: true, recursive: true });
    fs.rmSync(partPath(r.id), { force: true, recursive: true });
  }
  const expired = (
    await db.run("UPDATE exports SET status = 'expired' WHERE status = 'ready' AND expires_at <= ?", [now])
  ).changes;
  let removed = 0;
  const dir = exportsDir();
  if (fs.existsSync(dir)) {
    for (const f of fs.readdirSync(dir)) {
      const id = f.replace(/\.zip(\.part)?$/, '');
      const live = await db.get<{ status: string }>('SELECT status FROM exports WHERE id = ?', [id]);
      const keep =
        live &&
        (f.endsWith('.part') ? live.status === 'running' || live.status === 'pending' : live.status === 'ready');
      if (!keep) {
        fs.rmSync(path.join(dir, f), { force: true, recursive: true });
        removed += 1;
      }
    }
  }
  // Forget the rows of long-gone archives after 90 days.
  await db.run("DELETE FROM exports WHERE status IN ('expired', 'failed') AND created_at < ?", [
    now - 90 * 24 * 60 * 60_000,
  ]);
  return { expired, removed };
}
