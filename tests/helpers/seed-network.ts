import { randomUUID } from 'node:crypto';
import type { Queryable } from '@/lib/db/types';
import type { Actor, Role } from '@/lib/policies';
import { loadActor } from '@/lib/policies/load-actor';

/**
 * Test fixture: a network with organisations and people in every role,
 * written with plain SQL (no command involved, so the tests of the goals,
 * ledger and commitments commands do not depend on the networks commands).
 * `passwordHash` lets the API tests sign these people in.
 */
export interface SeededNetwork {
  networkId: string;
  orgs: { a: string; b: string; c: string };
  users: Record<PersonKey, { id: string; email: string }>;
  actors: Record<PersonKey, Actor>;
}
export type PersonKey = 'manager' | 'repA' | 'repB' | 'repC' | 'homeA' | 'observer' | 'adviser' | 'outsider';

const PEOPLE: [PersonKey, Role | null, 'a' | 'b' | 'c' | null][] = [
  ['manager', 'manager', null],
  ['repA', 'representative', 'a'],
  ['repB', 'representative', 'b'],
  ['repC', 'representative', 'c'],
  ['homeA', 'home_member', 'a'],
  ['observer', 'observer', null],
  ['adviser', 'adviser', null],
  ['outsider', null, null],
];

export async function seedNetwork(
  db: Queryable,
  opts: { passwordHash?: string; orgNames?: [string, string, string]; locale?: 'en' | 'de' } = {},
): Promise<SeededNetwork> {
  const now = Date.now();
  const tag = randomUUID().slice(0, 8);
  const networkId = randomUUID();
  const users = {} as SeededNetwork['users'];
  for (const [key] of PEOPLE) {
    const id = randomUUID();
    const email = `${key.toLowerCase()}-${tag}@example.test`;
    await db.run('INSERT INTO users (id, email, name, password_hash, locale, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
      id,
      email,
      `${key} ${tag}`,
      opts.passwordHash ?? 'x',
      opts.locale ?? 'en',
      now,
    ]);
    users[key] = { id, email };
  }
  await db.run('INSERT INTO networks (id, name, purpose, created_by, created_at) VALUES (?, ?, ?, ?, ?)', [
    networkId,
    `Network ${tag}`,
    '',
    users.manager.id,
    now,
  ]);
  const names = opts.orgNames ?? ['Alpha Verein', 'Beta Initiative', 'Gamma Cluster'];
  const orgs = { a: randomUUID(), b: randomUUID(), c: randomUUID() };
  for (const [i, k] of (['a', 'b', 'c'] as const).entries()) {
    await db.run(
      `INSERT INTO organisations (id, network_id, name, name_key, kind, status, created_at, status_changed_at)
       VALUES (?, ?, ?, ?, 'ngo', 'active', ?, ?)`,
      [orgs[k], networkId, names[i], names[i].toLowerCase(), now, now],
    );
  }
  for (const [key, role, org] of PEOPLE) {
    if (!role) continue;
    await db.run(
      'INSERT INTO memberships (id, network_id, user_id, role, organisation_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      [randomUUID(), networkId, users[key].id, role, org ? orgs[org] : null, now],
    );
  }
  const actors = {} as SeededNetwork['actors'];
  for (const [key] of PEOPLE) actors[key] = await loadActor(db, users[key].id, networkId);
  return { networkId, orgs, users, actors };
}
