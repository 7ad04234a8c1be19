import { route } from '@/app/_lib/route';
import { getHealth } from '@/lib/health/get-health';
import { ZDormancyWeeks, ZHealthQuery } from '@/lib/health/query';
import { setDormancyWeeks } from '@/lib/health/set-dormancy-weeks';
import { loadActor } from '@/lib/policies/load-actor';
import { parseQuery } from '../ledger/_lib/query';

type P = { networkId: string };

/**
 * The network's health: exchange map, structure and its trend, investment and
 * dormancy, horizon (docs/health.md). Members only (else 404). Query: unit,
 * from, to, organisations (comma-separated ids).
 */
export const GET = route<undefined, P>({}, async ({ req, db, user, params, locale }) => {
  const query = parseQuery(req, ZHealthQuery, locale);
  return getHealth(db, await loadActor(db, user.id, params.networkId), params.networkId, query);
});

/** Sets after how many falling weeks an organisation counts as dormant. Network managers. */
export const PATCH = route<typeof ZDormancyWeeks, P>({ body: ZDormancyWeeks }, async ({ db, user, params, body }) =>
  setDormancyWeeks(db, await loadActor(db, user.id, params.networkId), params.networkId, body),
);
