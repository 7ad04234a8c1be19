import type { Queryable } from '../db/types';
import { enqueue } from '../jobs/outbox';
import type { Mail } from './index';

/**
 * Puts a mail into the outbox inside the caller's transaction: it is sent by
 * the job runner once (and only if) the transaction commits. `key` names the
 * cause (e.g. `invitation:<id>`); the same key enqueues one mail, ever.
 */
export async function enqueueMail(
  q: Queryable,
  mail: Omit<Mail, 'messageId'>,
  opts: { key: string; networkId?: string | null; now?: number },
): Promise<boolean> {
  return enqueue(q, 'mail.send', mail, { key: `mail:${opts.key}`, networkId: opts.networkId, now: opts.now });
}
