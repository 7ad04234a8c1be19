/**
 * `npm run migrate`: applies the migrations that have not run yet to the
 * configured database (SQLite in DATA_DIR, or DATABASE_URL). Safe to run
 * again; on PostgreSQL several instances may run it at once (advisory lock).
 */
import path from 'node:path';
import { migrate, openDb } from '../lib/db';
import { env, EnvError } from '../lib/env';

async function main() {
  const e = env();
  const db = e.isPostgres
    ? openDb({ databaseUrl: e.DATABASE_URL })
    : openDb({ sqliteFile: path.join(e.dataDir, 'netzwerkraum.sqlite') });
  try {
    const applied = await migrate(db);
    console.log(
      applied.length
        ? `[migrate] ${db.description}: applied ${applied.length} migration(s): ${applied.join(', ')}`
        : `[migrate] ${db.description}: up to date`,
    );
  } finally {
    await db.close();
  }
}

main().catch((err) => {
  console.error(err instanceof EnvError ? err.message : err);
  process.exit(1);
});
