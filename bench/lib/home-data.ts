import { randomUUID } from 'node:crypto';
import { addDays, today } from '../../lib/core/dates';
import type { Db } from '../../lib/db';
import { setCapacity } from '../../lib/mandates/set-capacity';
import { createMandate } from '../../lib/mandates/set-mandate';
import { loadActor } from '../../lib/policies/load-actor';
import type { GeneratedNetwork } from '../../scripts/generate-large-network';

/**
 * Gives the first representative's organisation of a generated network what
 * "Home and network" shows beyond the ledger: a home member, a mandate,
 * capacity and 60 requests for home approval (10 still open), 20 more on
 * gifts in the ledger (5 still waiting; the mandate covers gifts), so the bench
 * measures the page with all its parts filled.
 */
export async function addHomeData(db: Db, g: GeneratedNetwork): Promise<void> {
  const org = g.representatives[0].organisationId;
  const now = Date.now();
  const homeId = randomUUID();
  await db.run('INSERT INTO users (id, email, name, password_hash, locale, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
    homeId,
    `home-${homeId.slice(0, 8)}@example.test`,
    'Bench Home Member',
    'x',
    'en',
    now,
  ]);
  await db.run(
    "INSERT INTO memberships (id, network_id, user_id, role, organisation_id, created_at) VALUES (?, ?, ?, 'home_member', ?, ?)",
    [randomUUID(), g.networkId, homeId, org, now],
  );
  const home = await loadActor(db, homeId, g.networkId);
  const day = today(now);
  await createMandate(db, home, g.networkId, {
    organisationId: org,
    validFrom: addDays(day, -90),
    validUntil: addDays(day, 270),
    limits: [
      { unit: 'hours', perCommitment: 20, perPeriod: 80, period: 'month' },
      { unit: 'money_eur', perCommitment: 1000, perPeriod: 5000, period: 'quarter' },
    ],
    scopeNote: 'Bench mandate',
    coversGifts: true,
  });
  await setCapacity(db, home, g.networkId, { organisationId: org, unit: 'hours', period: 'month', amount: 120 });
  const commitments = await db.all<{ id: string; committed_by: string; status: string }>(
    'SELECT id, committed_by, status FROM commitments WHERE network_id = ? AND organisation_id = ? LIMIT 60',
    [g.networkId, org],
  );
  for (const [i, c] of commitments.entries()) {
    const open = i < 10;
    const asked = now - (i + 1) * 26 * 3_600_000;
    if (open) await db.run("UPDATE commitments SET status = 'awaiting_home_approval' WHERE id = ?", [c.id]);
    await db.run(
      `INSERT INTO home_approvals (id, network_id, organisation_id, commitment_id, reasons, status, requested_by, requested_at,
         decided_by, decided_at, reason)
       VALUES (?, ?, ?, ?, '["perCommitment"]', ?, ?, ?, ?, ?, '')`,
      [
        randomUUID(),
        g.networkId,
        org,
        c.id,
        open ? 'open' : i % 5 === 0 ? 'declined' : 'approved',
        c.committed_by,
        asked,
        open ? null : homeId,
        open ? null : asked + (i % 7) * 9 * 3_600_000,
      ],
    );
  }
  // Gifts in the ledger held to the mandate: 20 requests on the organisation's own gifts, 5 still waiting.
  const gifts = await db.all<{ id: string; recorded_by: string }>(
    `SELECT id, recorded_by FROM ledger_entries
      WHERE network_id = ? AND recorder_org_id = ? AND giver_org_id = recorder_org_id AND status = 'pending'
        AND reverses_id IS NULL LIMIT 20`,
    [g.networkId, org],
  );
  for (const [i, e] of gifts.entries()) {
    const open = i < 5;
    const asked = now - (i + 1) * 20 * 3_600_000;
    if (open) await db.run("UPDATE ledger_entries SET status = 'awaiting_home_approval' WHERE id = ?", [e.id]);
    await db.run(
      `INSERT INTO home_approvals (id, network_id, organisation_id, entry_id, reasons, status, requested_by, requested_at,
         decided_by, decided_at, reason)
       VALUES (?, ?, ?, ?, '["perPeriod"]', ?, ?, ?, ?, ?, '')`,
      [
        randomUUID(),
        g.networkId,
        org,
        e.id,
        open ? 'open' : 'approved',
        e.recorded_by,
        asked,
        open ? null : homeId,
        open ? null : asked + (i % 4) * 5 * 3_600_000,
      ],
    );
  }
}
