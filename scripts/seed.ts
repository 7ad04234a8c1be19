/**
 * `npm run seed`: seeds the demo network (lib/demo/demo-network.ts) into the
 * configured database if it has no users yet; otherwise changes nothing.
 *
 *   --json        print one JSON line: { seeded, present, signIns } (used by scripts/start.mjs)
 *   --check-only  do not seed; only report whether the demo is present
 */
import path from 'node:path';
import { migrate, openDb } from '../lib/db';
import { demoSignIns, DEMO_PASSWORD, isDemoSeeded, seedDemo } from '../lib/demo/demo-network';
import { env, EnvError } from '../lib/env';

async function main() {
  const json = process.argv.includes('--json');
  const checkOnly = process.argv.includes('--check-only');
  const e = env();
  const db = e.isPostgres
    ? openDb({ databaseUrl: e.DATABASE_URL })
    : openDb({ sqliteFile: path.join(e.dataDir, 'netzwerkraum.sqlite') });
  try {
    await migrate(db);
    const seeded = checkOnly ? false : (await seedDemo(db)).seeded;
    const present = await isDemoSeeded(db);
    if (json) {
      console.log(JSON.stringify({ seeded, present, signIns: present ? demoSignIns() : [] }));
    } else if (seeded) {
      console.log(
        `[seed] demo network seeded into ${db.description}; every demo account's password is ${DEMO_PASSWORD}`,
      );
    } else {
      console.log(`[seed] ${db.description} already has accounts; nothing seeded`);
    }
  } finally {
    await db.close();
  }
}

main().catch((err) => {
  console.error(err instanceof EnvError ? err.message : err);
  process.exit(1);
});
