import { record } from '../activity/record';
import { validate } from '../core/validate';
import type { Db } from '../db/types';
import { authorizeWith, type Actor } from '../policies';
import { ZDormancyWeeks } from './query';

/**
 * Sets after how many falling weeks in a row an organisation counts as
 * dormant. Network managers only (others 403, non-members 404).
 */
export async function setDormancyWeeks(db: Db, actor: Actor, networkId: string, input: unknown) {
  authorizeWith(actor, 'network.update', { type: 'network', networkId }, 'health.errors.onlyManagers');
  const { dormancyWeeks } = validate(ZDormancyWeeks, input);
  const now = Date.now();
  await db.tx(async (q) => {
    await q.run('UPDATE networks SET dormancy_weeks = ? WHERE id = ?', [dormancyWeeks, networkId]);
    await record(q, {
      networkId,
      actorId: actor.userId,
      kind: 'network.dormancyWeeksSet',
      subjectId: networkId,
      data: { dormancyWeeks },
      at: now,
    });
  });
  return { dormancyWeeks };
}
