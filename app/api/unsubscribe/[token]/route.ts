import { route, errorResponse } from '@/app/_lib/route';
import { unsubscribe } from '@/lib/notifications/unsubscribe';

type P = { token: string };

/**
 * Unsubscribe without signing in (the page's button, and mail programs'
 * one-click POST of RFC 8058 from the List-Unsubscribe header). The signed,
 * expiring token is the only authority; a tampered or expired one is a 410/400
 * with a clear message.
 */
export const POST = route<undefined, P>({ anonymous: true }, async ({ db, params, t }) => {
  const r = await unsubscribe(db, params.token);
  if (!r.ok)
    return r.reason === 'expired'
      ? errorResponse(410, 'followUp.unsubscribe.expired', t('followUp.unsubscribe.expired'))
      : errorResponse(400, 'followUp.unsubscribe.invalid', t('followUp.unsubscribe.invalid'));
  return { ok: true, topic: r.topic };
});
