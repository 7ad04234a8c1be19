import type { Db } from '../db/types';
import { messageIdFor, sendMail, type Mail } from './index';

export type Delivery = 'sent' | 'already-sent' | 'resent-in-doubt';

/**
 * Sends the mail of the job with idempotency key `key` — at most once per key,
 * as far as a process that can die at any instant can promise it.
 *
 * The `mail_log` row for `key` brackets the conversation with the relay:
 * 1. `sending` is committed BEFORE the relay is asked;
 * 2. the relay accepts (SMTP 250 after DATA, or the .eml file is written);
 * 3. `sent` is committed right after.
 * A job retried after its runner died finds the row:
 * - `sent`: the mail went out; nothing is sent again (this covers a crash
 *   anywhere after step 3, e.g. before the job itself was marked done);
 * - `failed`: the relay refused or could not be reached: sent again;
 * - `sending`: the runner died between 1 and 3, and we cannot know whether
 *   the relay accepted (nobody can: SMTP has no "did you get it?"). It is
 *   sent again, with the same Message-ID (derived from `key`), and `tries`
 *   counts it. A duplicate therefore needs a crash inside the relay's
 *   acceptance-to-commit gap (a local round-trip and one small commit), and it
 *   is the same message to every mail program. See docs/jobs.md.
 */
export async function deliverMail(
  db: Db,
  key: string,
  mail: Mail,
  opts: { now?: () => number; log?: (msg: string) => void } = {},
): Promise<Delivery> {
  const now = opts.now ?? Date.now;
  const messageId = messageIdFor(key);
  const before = await db.get<{ state: string }>('SELECT state FROM mail_log WHERE idempotency_key = ?', [key]);
  if (before?.state === 'sent') return 'already-sent';
  const inDoubt = before?.state === 'sending';
  if (before) {
    await db.run("UPDATE mail_log SET state = 'sending', tries = tries + 1 WHERE idempotency_key = ?", [key]);
    if (inDoubt)
      opts.log?.(`mail ${messageId}: an earlier try died while the relay had it; sending again with the same id`);
  } else {
    await db.run(
      "INSERT INTO mail_log (idempotency_key, message_id, recipient, state, created_at) VALUES (?, ?, ?, 'sending', ?)",
      [key, messageId, mail.to, now()],
    );
  }
  try {
    await sendMail({ ...mail, messageId });
  } catch (err) {
    await db
      .run("UPDATE mail_log SET state = 'failed' WHERE idempotency_key = ? AND state = 'sending'", [key])
      .catch(() => undefined);
    throw err;
  }
  await db.run("UPDATE mail_log SET state = 'sent', sent_at = ? WHERE idempotency_key = ?", [now(), key]);
  return inDoubt ? 'resent-in-doubt' : 'sent';
}
