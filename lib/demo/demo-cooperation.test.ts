import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db';
import { freshSqlite } from '@/tests/helpers/services';
import { seedDemo } from './demo-network';

describe('the demo network shows cooperation from the start', () => {
  let db: Db & { drop(): Promise<void> };
  let networkId: string;
  beforeAll(async () => {
    db = await freshSqlite();
    networkId = (await seedDemo(db)).networkId!;
  });
  afterAll(async () => {
    await db?.drop();
  });

  const count = async (sql: string) => Number((await db.get<{ n: number }>(sql, [networkId]))!.n);

  it('has three shared goals in different states, each described and rated', async () => {
    const goals = await db.all<{ status: string }>('SELECT status FROM goals WHERE network_id = ? ORDER BY status', [
      networkId,
    ]);
    expect(goals.map((g) => g.status)).toEqual(['active', 'pilot', 'proposed']);
    expect(
      await count('SELECT COUNT(*) AS n FROM goal_ratings r JOIN goals g ON g.id = r.goal_id WHERE g.network_id = ?'),
    ).toBe(7);
    const rated = await count(
      'SELECT COUNT(DISTINCT r.goal_id) AS n FROM goal_ratings r JOIN goals g ON g.id = r.goal_id WHERE g.network_id = ?',
    );
    expect(rated).toBe(3);
    const described = await db.all<{ description: string }>('SELECT description FROM goals WHERE network_id = ?', [
      networkId,
    ]);
    for (const g of described) expect(g.description.length).toBeGreaterThan(120);
    // The live editor shows the same text: it is in the network's shared document.
    const shared = await count("SELECT COUNT(*) AS n FROM yjs_updates WHERE doc = 'commons.' || ?");
    expect(shared).toBe(1);
  });

  it('its pilot goal has a review date a few days ahead', async () => {
    const pilot = await db.get<{ review_on: string | null }>(
      "SELECT review_on FROM goals WHERE network_id = ? AND status = 'pilot'",
      [networkId],
    );
    const inFourDays = new Date(Date.now() + 4 * 86_400_000).toISOString().slice(0, 10);
    expect(pilot?.review_on).toBe(inFourDays);
  });

  it('has confirmed, disputed and pending give-and-take entries (and one gift waiting for home)', async () => {
    const rows = await db.all<{ status: string; n: number }>(
      'SELECT status, COUNT(*) AS n FROM ledger_entries WHERE network_id = ? GROUP BY status ORDER BY status',
      [networkId],
    );
    expect(Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]))).toEqual({
      awaiting_home_approval: 1,
      confirmed: 2,
      disputed: 1,
      pending: 1,
    });
  });

  it('has one commitment delivered with a ledger entry as evidence and one still open', async () => {
    const rows = await db.all<{ status: string }>(
      // The demo meeting's action item (lib/demo/demo-meetings.ts) is its own commitment.
      `SELECT status FROM commitments WHERE network_id = ?
          AND id NOT IN (SELECT commitment_id FROM meeting_action_items) ORDER BY status`,
      [networkId],
    );
    // (demo-mandates.ts adds commitments within and beyond mandates; see demo-mandates.test.ts)
    expect(rows.filter((r) => r.status === 'delivered')).toHaveLength(1);
    expect(rows.map((r) => r.status)).toContain('committed');
    expect(
      await count(
        'SELECT COUNT(*) AS n FROM commitment_evidence e JOIN commitments c ON c.id = e.commitment_id WHERE c.network_id = ?',
      ),
    ).toBe(1);
  });
});

describe('the demo network has comments with mentions', () => {
  it('mentions notify in the app, and nobody at example.org is mailed', async () => {
    const db = await freshSqlite();
    try {
      const networkId = (await seedDemo(db)).networkId!;
      const comments = await db.all<{ subject_type: string }>(
        'SELECT subject_type FROM comments WHERE network_id = ? ORDER BY subject_type',
        [networkId],
      );
      // Two on an agenda item of the upcoming meeting (lib/demo/demo-meetings.ts), one with a mention.
      expect(comments.map((c) => c.subject_type)).toEqual(['agenda_item', 'agenda_item', 'goal', 'ledger_entry']);
      expect(
        Number((await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM notifications WHERE kind = 'mention'"))!.n),
      ).toBe(3);
      expect(await db.get("SELECT id FROM jobs WHERE idempotency_key LIKE 'mail:mention:%'")).toBeUndefined();
    } finally {
      await db.drop();
    }
  });
});
