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
 * capacity and 60 requests for home approval (10 still open), so the bench
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
}
