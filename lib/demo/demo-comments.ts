import { createComment } from '../comments/create-comment';
import type { Db } from '../db/types';
import { loadActor } from '../policies/load-actor';

/**
 * Comments with mentions in the demo network, so "for me", the bell and the
 * activity feed have something to show from the first sign-in: a question on
 * a ledger entry that mentions its other side, and a reply on a goal. Written
 * through the same command people use. The demo's people are not mailed about
 * them (the mention mails the command enqueues are taken out again: nobody
 * reads example.org).
 */
export async function seedDemoComments(db: Db, networkId: string): Promise<void> {
  const person = async (email: string) => {
    const row = await db.get<{ id: string; name: string }>('SELECT id, name FROM users WHERE email = ?', [email]);
    if (!row) throw new Error(`demo person missing: ${email}`);
    return { ...row, actor: await loadActor(db, row.id, networkId) };
  };
  const lena = await person('lena.bauer@example.org');
  const andrea = await person('andrea.novak@example.org');
  const amira = await person('amira.haddad@example.org');
  const mention = (p: { id: string; name: string }) => `@[${p.name}](${p.id})`;

  const entry = await db.get<{ id: string }>(
    `SELECT e.id FROM ledger_entries e JOIN memberships m ON m.organisation_id = e.counterparty_org_id
      WHERE e.network_id = ? AND m.user_id = ? ORDER BY e.created_at LIMIT 1`,
    [networkId, andrea.id],
  );
  const ids: string[] = [];
  if (entry) {
    const c = await createComment(db, lena.actor, networkId, {
      subjectType: 'ledger_entry',
      subjectId: entry.id,
      body: `${mention(andrea)} kannst du das bitte bestätigen? Es waren **zwei Abende** im Saal.\n\n- Aufbau ab 17 Uhr\n- Abbau bis 21 Uhr`,
    });
    ids.push(c.id);
  }
  const goal = await db.get<{ id: string }>(
    "SELECT id FROM goals WHERE network_id = ? AND status = 'pilot' ORDER BY created_at LIMIT 1",
    [networkId],
  );
  if (goal) {
    const c = await createComment(db, amira.actor, networkId, {
      subjectType: 'goal',
      subjectId: goal.id,
      body: `Before the review: ${mention(lena)}, could the youth centre share *how many* young people came? Our notes are in [the counselling plan](https://neuer-anfang.example.org/plan).`,
    });
    ids.push(c.id);
  }
  for (const id of ids) await db.run('DELETE FROM jobs WHERE idempotency_key LIKE ?', [`mail:mention:${id}:%`]);
}
