import Link from '@/app/_components/ui/link';
import { Badge, Card, Table } from '@/app/_components/ui';
import type { Db } from '@/lib/db';
import { formatter, type Locale, type Translate } from '@/lib/i18n';
import { decisionTimes, networkDecisionTimes } from '@/lib/mandates/decision-times';
import { durationParts } from '@/lib/mandates/duration';
import { listMandates } from '@/lib/mandates/list-mandates';
import type { Actor } from '@/lib/policies';
import { ApprovalDaysForm } from './approval-days-form';

/**
 * On an organisation's page, for every member: how long its home decisions
 * take (median, longest, open requests and their age, late ones flagged
 * against the network's agreed time) and whether its representatives have a
 * mandate and until when — no more of the mandate than its home side
 * discloses.
 */
export async function DecisionPaths({
  db,
  actor,
  networkId,
  orgId,
  t,
  locale,
}: {
  db: Db;
  actor: Actor;
  networkId: string;
  orgId: string;
  t: Translate;
  locale: Locale;
}) {
  const f = formatter(locale);
  const [dt, mandates] = await Promise.all([
    decisionTimes(db, { networkId, organisationId: orgId }),
    listMandates(db, actor, networkId, { organisationId: orgId }),
  ]);
  const duration = (ms: number) => t('mandates.duration', durationParts(ms));
  const current = mandates.mandates.filter((m) => m.state !== 'expired');
  return (
    <Card title={t('mandates.paths.title')} id="decision-paths">
      <div data-testid="decision-paths">
        {dt.decided ? (
          <p data-testid="decision-median">
            {t('mandates.approvals.times', {
              median: duration(dt.medianMs ?? 0),
              longest: duration(dt.longestMs ?? 0),
              count: dt.decided,
            })}
          </p>
        ) : (
          <p>{t('mandates.paths.noneDecided')}</p>
        )}
        <p className="mt-1">
          {dt.open
            ? t('mandates.paths.open', { count: dt.open, oldest: duration(dt.oldestOpenMs ?? 0) })
            : t('mandates.paths.noneOpen')}{' '}
          {dt.overdue ? (
            <Badge tone="warning" data-testid="decision-overdue">
              {t('mandates.paths.overdue', { count: dt.overdue, days: dt.agreedDays })}
            </Badge>
          ) : null}
        </p>
        <p className="mt-1 text-sm text-stone-700">{t('mandates.approvals.agreed', { days: dt.agreedDays })}</p>
        {dt.requests.length ? (
          <ul className="mt-3 grid gap-1 text-sm" aria-label={t('mandates.paths.recent')}>
            {dt.requests.slice(0, 5).map((r) => (
              <li key={r.id}>
                {t('mandates.paths.request', {
                  status: r.status,
                  asked: f.dateTime(r.requestedAt),
                  waited: duration(r.waitedMs),
                })}
                {r.goalId ? (
                  <>
                    {' · '}
                    <Link
                      href={`/networks/${networkId}/goals/${r.goalId}`}
                      className="text-brand-800 underline underline-offset-4"
                    >
                      {r.goalTitle}
                    </Link>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
        <h3 className="mt-4 font-semibold">{t('mandates.paths.mandate')}</h3>
        <p data-testid="mandate-existence">
          {current.length
            ? current
                .map((m) =>
                  m.validUntil
                    ? t('mandates.paths.mandateUntil', { until: f.date(m.validUntil), state: m.state })
                    : t('mandates.paths.mandateOpen', { state: m.state }),
                )
                .join(' ')
            : t('mandates.paths.noMandate')}
        </p>
      </div>
    </Card>
  );
}

/**
 * On the organisations list, for every member: each organisation's home
 * decision path side by side (long paths become a fact, not a rumour), the
 * network's agreed time, and for managers the form to change it.
 */
export async function NetworkDecisionPaths({
  db,
  networkId,
  t,
  canSet,
}: {
  db: Db;
  networkId: string;
  t: Translate;
  canSet: boolean;
}) {
  const all = await networkDecisionTimes(db, networkId);
  const duration = (ms: number | null) => (ms === null ? '—' : t('mandates.duration', durationParts(ms)));
  return (
    <Card
      title={t('mandates.paths.networkTitle')}
      id="network-decision-paths"
      actions={canSet ? <ApprovalDaysForm networkId={networkId} current={all.agreedDays} /> : null}
    >
      <p className="mb-3 text-stone-700">{t('mandates.approvals.agreed', { days: all.agreedDays })}</p>
      {all.organisations.length === 0 ? (
        <p className="text-stone-700">{t('mandates.paths.networkNone')}</p>
      ) : (
        <Table
          caption={t('mandates.paths.networkTitle')}
          rows={all.organisations}
          rowKey={(o) => o.organisationId}
          testId="network-decision-paths"
          columns={[
            {
              key: 'org',
              header: t('mandates.paths.organisation'),
              primary: true,
              cell: (o) => (
                <Link
                  href={`/networks/${networkId}/organisations/${o.organisationId}`}
                  className="text-brand-800 underline underline-offset-4"
                >
                  {o.organisationName}
                </Link>
              ),
            },
            { key: 'median', header: t('mandates.paths.median'), cell: (o) => duration(o.medianMs), numeric: true },
            { key: 'longest', header: t('mandates.paths.longest'), cell: (o) => duration(o.longestMs), numeric: true },
            {
              key: 'open',
              header: t('mandates.paths.openColumn'),
              numeric: true,
              cell: (o) => (
                <>
                  {o.open ? t('mandates.paths.openCell', { count: o.open, oldest: duration(o.oldestOpenMs) }) : '0'}
                  {o.overdue ? (
                    <>
                      {' '}
                      <Badge tone="warning">{t('mandates.approvals.late')}</Badge>
                    </>
                  ) : null}
                </>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
