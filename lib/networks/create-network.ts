import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { record } from '../activity/record';
import { validate } from '../core/validate';
import type { Db } from '../db/types';
import type { Actor } from '../policies';

export const ZCreateNetwork = z.object({
  name: z.string().trim().min(2).max(120),
  purpose: z.string().trim().max(2000).default(''),
});
export type CreateNetwork = z.input<typeof ZCreateNetwork>;

/**
 * Creates a network. Any signed-in person may; the creator becomes its first
 * network manager (a network always has at least one).
 */
export async function createNetwork(db: Db, actor: Actor, input: CreateNetwork) {
  const data = validate(ZCreateNetwork, input);
  const id = randomUUID();
  const now = Date.now();
  await db.tx(async (q) => {
    await q.run('INSERT INTO networks (id, name, purpose, created_by, created_at) VALUES (?, ?, ?, ?, ?)', [
      id,
      data.name,
      data.purpose,
      actor.userId,
      now,
    ]);
    await q.run(
      `INSERT INTO memberships (id, network_id, user_id, role, organisation_id, created_at) VALUES (?, ?, ?, 'manager', NULL, ?)`,
      [randomUUID(), id, actor.userId, now],
    );
    await record(q, {
      networkId: id,
      actorId: actor.userId,
      kind: 'network.created',
      subjectId: id,
      data: { name: data.name },
      at: now,
    });
    await record(q, {
      networkId: id,
      actorId: actor.userId,
      kind: 'member.joined',
      subjectId: actor.userId,
      data: { role: 'manager' },
      at: now,
    });
  });
  return { id, name: data.name, purpose: data.purpose, createdAt: now };
}
