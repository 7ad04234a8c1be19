import { randomUUID } from 'node:crypto';
import { record, type ActivityEntry } from '../activity/record';
import { hashPassword } from '../auth/password';
import type { Db, Queryable } from '../db/types';
import { nameKey } from '../networks/organisation-name';
import { seedDemoComments } from './demo-comments';
import { seedDemoCooperation } from './demo-cooperation';
import { seedDemoMandates } from './demo-mandates';
import { seedDemoMeetings } from './demo-meetings';
import { seedDemoReadiness } from './demo-readiness';

/**
 * The demo network a fresh `npm start` shows: a believable education network
 * in Vienna's 10th district with four member organisations and thirteen
 * people. Everyone signs in with DEMO_PASSWORD.
 *
 * Rows are written with plain SQL against the core schema
 * (lib/db/migrations/001-core.ts), in one transaction, and only into an empty
 * database (no users yet). A `demo.seeded` activity row marks that it ran.
 */
export const DEMO_PASSWORD = 'demo-netzwerk-2026';

export type DemoRole = 'manager' | 'representative' | 'home_member';

export interface DemoPerson {
  email: string;
  name: string;
  locale: 'de' | 'en';
  role: DemoRole;
  /** Key into DEMO_ORGANISATIONS; none for the network manager. */
  org?: DemoOrgKey;
}

type DemoOrgKey = 'jugend' | 'vhs' | 'beratung' | 'buecherei';

export const DEMO_NETWORK = {
  name: 'Bildungsnetzwerk Wien-Favoriten',
  purpose:
    'Wir öffnen Bildungswege im 10. Bezirk: Jugendarbeit, Erwachsenenbildung, Beratung und Bücherei stimmen ' +
    'Angebote ab, teilen Räume und Wissen und gehen gemeinsam auf Familien zu, die bisher niemand erreicht. ' +
    '/ Education network Vienna-Favoriten: youth work, adult education, counselling and the library plan ' +
    'together, share rooms and know-how, and reach families nobody reaches alone.',
} as const;

export const DEMO_ORGANISATIONS: Record<
  DemoOrgKey,
  { name: string; kind: 'ngo' | 'nonprofit' | 'public'; website: string; description: string }
> = {
  jugend: {
    name: 'Verein Jugendzentrum Arthaberpark',
    kind: 'nonprofit',
    website: 'https://jugendzentrum-arthaberpark.example.org',
    description:
      'Offene Jugendarbeit für 12- bis 21-Jährige: Lernclub, Werkstatt, Mädchentag und Streetwork rund um ' +
      'den Arthaberpark.',
  },
  vhs: {
    name: 'Volkshochschule Favoriten',
    kind: 'public',
    website: 'https://vhs-favoriten.example.org',
    description:
      'Erwachsenenbildung im Bezirk: Deutschkurse, Basisbildung, Pflichtschulabschluss und Abendkurse für ' + 'Eltern.',
  },
  beratung: {
    name: 'Neuer Anfang – Beratung für Migrantinnen und Migranten',
    kind: 'ngo',
    website: 'https://neuer-anfang.example.org',
    description:
      'Mehrsprachige Sozial- und Bildungsberatung: Anerkennung von Abschlüssen, Schulwahl, Begleitung zu ' + 'Ämtern.',
  },
  buecherei: {
    name: 'Bezirksbücherei Favoriten',
    kind: 'public',
    website: 'https://buecherei-favoriten.example.org',
    description:
      'Öffentliche Bücherei mit Lernplätzen, Lesepatenschaften, Medien in zwölf Sprachen und einem ' +
      'offenen Veranstaltungsraum.',
  },
};

export const DEMO_PEOPLE: DemoPerson[] = [
  { email: 'sabine.hofer@example.org', name: 'Sabine Hofer', locale: 'de', role: 'manager' },
  { email: 'emre.yilmaz@example.org', name: 'Emre Yılmaz', locale: 'de', role: 'representative', org: 'jugend' },
  { email: 'lena.bauer@example.org', name: 'Lena Bauer', locale: 'en', role: 'representative', org: 'jugend' },
  { email: 'markus.steiner@example.org', name: 'Markus Steiner', locale: 'de', role: 'home_member', org: 'jugend' },
  { email: 'andrea.novak@example.org', name: 'Andrea Novak', locale: 'de', role: 'representative', org: 'vhs' },
  { email: 'thomas.gruber@example.org', name: 'Thomas Gruber', locale: 'en', role: 'representative', org: 'vhs' },
  { email: 'petra.wimmer@example.org', name: 'Petra Wimmer', locale: 'de', role: 'home_member', org: 'vhs' },
  { email: 'amira.haddad@example.org', name: 'Amira Haddad', locale: 'en', role: 'representative', org: 'beratung' },
  {
    email: 'jovana.petrovic@example.org',
    name: 'Jovana Petrović',
    locale: 'de',
    role: 'representative',
    org: 'beratung',
  },
  { email: 'daniel.fischer@example.org', name: 'Daniel Fischer', locale: 'en', role: 'home_member', org: 'beratung' },
  {
    email: 'katharina.leitner@example.org',
    name: 'Katharina Leitner',
    locale: 'de',
    role: 'representative',
    org: 'buecherei',
  },
  { email: 'stefan.huber@example.org', name: 'Stefan Huber', locale: 'en', role: 'representative', org: 'buecherei' },
  { email: 'julia.pichler@example.org', name: 'Julia Pichler', locale: 'de', role: 'home_member', org: 'buecherei' },
];

export interface DemoSignIn {
  email: string;
  password: string;
  name: string;
  role: DemoRole;
  organisation: string;
  locale: 'de' | 'en';
}

/** Who can sign in to the demo (printed by `npm start`, listed in the README). */
export function demoSignIns(): DemoSignIn[] {
  return DEMO_PEOPLE.map((p) => ({
    email: p.email,
    password: DEMO_PASSWORD,
    name: p.name,
    role: p.role,
    organisation: p.org ? DEMO_ORGANISATIONS[p.org].name : '—',
    locale: p.locale,
  }));
}

/** True when the demo network was seeded into this database. */
export async function isDemoSeeded(db: Queryable): Promise<boolean> {
  return !!(await db.get(`SELECT id FROM activity WHERE kind = 'demo.seeded'`));
}

/**
 * Seeds the demo network into an empty database. Does nothing (and returns
 * `{ seeded: false }`) when any user exists, so running it again, or against
 * a database people already use, never adds or changes anything.
 *
 * Called by `scripts/seed.ts` (on `npm start`), not by people.
 */
export async function seedDemo(db: Db, opts: { now?: number } = {}): Promise<{ seeded: boolean; networkId?: string }> {
  if (await db.get('SELECT id FROM users LIMIT 1')) return { seeded: false };
  // Hashing is slow on purpose; do it before the transaction.
  const hashes = await Promise.all(DEMO_PEOPLE.map(() => hashPassword(DEMO_PASSWORD)));
  const now = opts.now ?? Date.now();
  const result = await db.tx(async (q): Promise<{ seeded: boolean; networkId?: string }> => {
    if (await q.get('SELECT id FROM users LIMIT 1')) return { seeded: false }; // someone signed up meanwhile
    const userIds = new Map<string, string>();
    for (const [i, p] of DEMO_PEOPLE.entries()) {
      const id = randomUUID();
      userIds.set(p.email, id);
      await q.run(
        `INSERT INTO users (id, email, name, password_hash, locale, session_version, created_at) VALUES (?, ?, ?, ?, ?, 1, ?)`,
        [id, p.email, p.name, hashes[i], p.locale, now],
      );
    }
    const manager = DEMO_PEOPLE.find((p) => p.role === 'manager')!;
    const managerId = userIds.get(manager.email)!;
    const networkId = randomUUID();
    await q.run(`INSERT INTO networks (id, name, purpose, created_by, created_at) VALUES (?, ?, ?, ?, ?)`, [
      networkId,
      DEMO_NETWORK.name,
      DEMO_NETWORK.purpose,
      managerId,
      now,
    ]);
    const activity = (entry: Pick<ActivityEntry, 'kind' | 'subjectId' | 'data'>) =>
      record(q, { networkId, actorId: managerId, at: now, ...entry } as ActivityEntry);
    await activity({ kind: 'network.created', subjectId: networkId, data: { name: DEMO_NETWORK.name } });

    const orgIds = new Map<DemoOrgKey, string>();
    for (const [key, org] of Object.entries(DEMO_ORGANISATIONS) as [
      DemoOrgKey,
      (typeof DEMO_ORGANISATIONS)[DemoOrgKey],
    ][]) {
      const id = randomUUID();
      orgIds.set(key, id);
      await q.run(
        `INSERT INTO organisations (id, network_id, name, name_key, kind, website, description, status, created_at, status_changed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?, ?)`,
        [id, networkId, org.name, nameKey(org.name), org.kind, org.website, org.description, now, now],
      );
      await activity({ kind: 'organisation.created', subjectId: id, data: { name: org.name } });
    }

    for (const p of DEMO_PEOPLE) {
      const userId = userIds.get(p.email)!;
      const orgId = p.org ? orgIds.get(p.org)! : null;
      await q.run(
        `INSERT INTO memberships (id, network_id, user_id, role, organisation_id, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
        [randomUUID(), networkId, userId, p.role, orgId, now],
      );
      await activity({
        kind: 'member.joined',
        subjectId: userId,
        data: { role: p.role, ...(orgId ? { organisationId: orgId } : {}) },
      });
    }

    // The marker lives outside any network, so no network's activity feed shows it.
    await record(q, {
      networkId: null,
      actorId: null,
      kind: 'demo.seeded',
      subjectId: networkId,
      data: { people: DEMO_PEOPLE.length },
      at: now,
    });
    return { seeded: true, networkId };
  });
  // Goals, ratings, entries and commitments go through the product's own commands (each its own transaction).
  if (result.seeded && result.networkId) await seedDemoCooperation(db, result.networkId, now);
  if (result.seeded && result.networkId) await seedDemoMandates(db, result.networkId, now);
  if (result.seeded && result.networkId) await seedDemoMeetings(db, result.networkId, now);
  if (result.seeded && result.networkId) await seedDemoReadiness(db, result.networkId, now);
  if (result.seeded && result.networkId) await seedDemoComments(db, result.networkId);
  return result;
}
