import type { Db, Queryable } from '../db/types';
import { loadOrganisation } from '../networks/load-organisation';
import { liveMembership, requireMember, type Actor } from '../policies';
import { readinessPolicy } from '../policies/readiness';
import { QUESTIONS } from './questions';
import { CHECK_COLUMNS, presentCheck, summaryOf, type CheckRow, type ReadinessSummary } from './records';

/** The most checks one read returns (newest first; the trend uses them oldest first). */
export const MAX_CHECKS = 60;

/**
 * An organisation's readiness checks, for its own people only (everyone else:
 * 404, so not a byte of them leaves): every check with answers and notes,
 * newest first, the trend oldest first (mean score and applying statements
 * per check, and each question's score per check), and the latest summary.
 */
export async function listReadinessChecks(db: Db, actor: Actor, networkId: string, organisationId: string) {
  requireMember(actor, networkId);
  readinessPolicy.authorize(actor, 'read', { networkId, organisationId });
  const org = await loadOrganisation(db, networkId, organisationId);
  const rows = await db.all<CheckRow>(
    `SELECT ${CHECK_COLUMNS} FROM readiness_checks c LEFT JOIN users u ON u.id = c.answered_by
      WHERE c.network_id = ? AND c.organisation_id = ?
      ORDER BY c.answered_on DESC, c.created_at DESC LIMIT ${MAX_CHECKS}`,
    [networkId, organisationId],
  );
  const checks = rows.map((r) => readinessPolicy.present(actor, { ...presentCheck(r), networkId }));
  const oldestFirst = [...checks].reverse();
  return {
    organisation: { id: org.id, name: org.name, status: org.status },
    checks,
    latest: checks[0] ? summaryOf(checks[0]) : null,
    trend: {
      points: oldestFirst.map((c) => ({
        checkId: c.id,
        answeredOn: c.answeredOn,
        average: c.average,
        againstCount: c.againstCount,
        verdict: c.verdict,
      })),
      questions: QUESTIONS.map((question) => ({
        question,
        scores: oldestFirst.map((c) => c.answers.find((a) => a.question === question)?.score ?? null),
      })),
    },
    abilities: readinessPolicy.abilities(actor, { networkId, organisationId }),
  };
}
export type ReadinessPage = Awaited<ReturnType<typeof listReadinessChecks>>;

/**
 * The readiness check's last summary for one viewer (the tension view and the
 * organisation pages ask it): the organisation's own people get their newest
 * check; any other member the newest check the organisation shared; anyone
 * else, and when there is none, null. Never the notes or who answered.
 */
export async function latestReadinessSummary(
  q: Queryable,
  { networkId, organisationId, viewer }: { networkId: string; organisationId: string; viewer: Actor | null },
): Promise<ReadinessSummary | null> {
  if (!liveMembership(viewer, networkId)) return null;
  const own = readinessPolicy.can(viewer, 'read', { networkId, organisationId });
  const row = await q.get<CheckRow>(
    `SELECT ${CHECK_COLUMNS} FROM readiness_checks c LEFT JOIN users u ON u.id = c.answered_by
      WHERE c.network_id = ? AND c.organisation_id = ? ${own ? '' : 'AND c.shared_at IS NOT NULL'}
      ORDER BY c.answered_on DESC, c.created_at DESC LIMIT 1`,
    [networkId, organisationId],
  );
  if (!row) return null;
  const summary = summaryOf(presentCheck(row));
  return readinessPolicy.can(viewer, 'readSummary', { networkId, organisationId, shared: summary.shared })
    ? summary
    : null;
}
