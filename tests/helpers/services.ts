import net from 'node:net';
import fs from 'node:fs';
import { migrate, openDb, type Db } from '@/lib/db';

/**
 * Services the tests need beyond Node: PostgreSQL, Redis, Chromium.
 *
 * On a developer machine without one of them, the suites that need it skip
 * with a loud message. With REQUIRE_SERVICES=1 (set by .ci/run) a missing
 * service fails the run instead.
 */
export const REQUIRE_SERVICES = process.env.REQUIRE_SERVICES === '1';
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function canConnect(url: string): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: u.hostname, port: Number(u.port) }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
    socket.setTimeout(2000, () => {
      socket.destroy();
      resolve(false);
    });
  });
}

const cache = new Map<string, Promise<boolean>>();

/**
 * Resolves true when the service is there. When it is not: throws under
 * REQUIRE_SERVICES=1, else prints a loud warning and resolves false (the
 * caller skips, e.g. `describe.skipIf(!(await available('postgres')))`).
 */
export function available(service: 'postgres' | 'redis' | 'chromium'): Promise<boolean> {
  let p = cache.get(service);
  if (!p) {
    p = (async () => {
      const ok =
        service === 'postgres'
          ? await canConnect(TEST_DATABASE_URL)
          : service === 'redis'
            ? await canConnect(TEST_REDIS_URL)
            : fs.existsSync(CHROMIUM_PATH);
      if (!ok) {
        const msg = `${service} is not available (${service === 'chromium' ? CHROMIUM_PATH : service === 'postgres' ? TEST_DATABASE_URL : TEST_REDIS_URL})`;
        if (REQUIRE_SERVICES) throw new Error(`REQUIRE_SERVICES=1 and ${msg}`);
        console.warn(`\n*** SKIPPING: ${msg}. These tests did NOT run. ***\n`);
      }
      return ok;
    })();
    cache.set(service, p);
  }
  return p;
}

/** A fresh, migrated PostgreSQL schema for one test file; `drop` removes it. */
export async function freshPostgres(): Promise<Db & { drop(): Promise<void> }> {
  const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const db = openDb({ databaseUrl: TEST_DATABASE_URL, schema });
  await migrate(db);
  return Object.assign(db, {
    async drop() {
      await db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await db.close();
    },
  });
}

/** A fresh, migrated in-memory SQLite database. */
export async function freshSqlite(): Promise<Db & { drop(): Promise<void> }> {
  const db = openDb({ sqliteFile: ':memory:' });
  await migrate(db);
  return Object.assign(db, { drop: () => db.close() });
}
