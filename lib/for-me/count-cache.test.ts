import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db';
import { today } from '@/lib/core/dates';
import { recordEntry } from '@/lib/ledger/record-entry';
import { updateNotificationSettings } from '@/lib/notifications/prefs';
import { seedNetwork, type SeededNetwork } from '@/tests/helpers/seed-network';
import { freshSqlite } from '@/tests/helpers/services';
import { cachedForMeCount, COUNT_CACHE_MS, forgetForMeCounts } from './count-cache';
import { forMeCount } from './get-for-me';

process.env.NEXTAUTH_SECRET ??= 'count-cache-test-secret-count-cache-test-secret';

describe("the bell's cached count", () => {
  let db: Db & { drop(): Promise<void> };
  let n: SeededNetwork;
  const give = (amount: number) =>
    recordEntry(db, n.actors.repA, n.networkId, {
      organisationId: n.orgs.a,
      kind: 'give',
      partnerOrganisationId: n.orgs.b,
      unit: 'hours',
      amount,
      date: today(),
      description: `Gift ${amount}`,
    });

  beforeAll(async () => {
    db = await freshSqlite();
    n = await seedNetwork(db);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('answers what forMeCount answers, and again at once after anyone changes something', async () => {
    const t0 = Date.now();
    const before = await cachedForMeCount(db, n.actors.repB, n.networkId, t0);
    expect(before).toBe(await forMeCount(db, n.actors.repB, n.networkId, t0));
    // A partner's entry waits for repB's confirmation: a new activity row, so the kept count is not used.
    await give(2);
    const after = await cachedForMeCount(db, n.actors.repB, n.networkId, t0 + 1);
    expect(after).toBe(before + 1);
    expect(after).toBe(await forMeCount(db, n.actors.repB, n.networkId, t0 + 1));
  });

  it('is kept while nothing changed, and no longer than a few seconds', async () => {
    const t0 = Date.now();
    const first = await cachedForMeCount(db, n.actors.repB, n.networkId, t0);
    // A change that writes no activity row (here straight into the table) is not seen while the count is kept …
    await db.run('UPDATE ledger_entries SET status = ? WHERE network_id = ? AND status = ?', [
      'confirmed',
      n.networkId,
      'pending',
    ]);
    expect(await cachedForMeCount(db, n.actors.repB, n.networkId, t0 + 10)).toBe(first);
    // … but after the few seconds, and at once when the person changed something themselves.
    const fresh = await forMeCount(db, n.actors.repB, n.networkId, t0 + COUNT_CACHE_MS);
    expect(fresh).toBeLessThan(first);
    expect(await cachedForMeCount(db, n.actors.repB, n.networkId, t0 + COUNT_CACHE_MS)).toBe(fresh);
    await give(3);
    await cachedForMeCount(db, n.actors.repB, n.networkId, t0 + COUNT_CACHE_MS + 1);
    await db.run('UPDATE ledger_entries SET status = ? WHERE network_id = ? AND status = ?', [
      'confirmed',
      n.networkId,
      'pending',
    ]);
    forgetForMeCounts(n.users.repB.id);
    expect(await cachedForMeCount(db, n.actors.repB, n.networkId, t0 + COUNT_CACHE_MS + 2)).toBe(
      await forMeCount(db, n.actors.repB, n.networkId, t0 + COUNT_CACHE_MS + 2),
    );
  });

  it('follows the preferences at once (a kind turned off is not counted)', async () => {
    await give(4);
    const t0 = Date.now();
    const on = await cachedForMeCount(db, n.actors.repB, n.networkId, t0);
    expect(on).toBeGreaterThan(0);
    await updateNotificationSettings(db, n.actors.repB, { prefs: { confirmation: 'off' } });
    expect(await cachedForMeCount(db, n.actors.repB, n.networkId, t0 + 1)).toBe(on - 1);
  });

  it('is refused to a stranger, also when a member asked just before', async () => {
    await cachedForMeCount(db, n.actors.repB, n.networkId);
    await expect(cachedForMeCount(db, n.actors.outsider, n.networkId)).rejects.toBeTruthy();
  });
});
