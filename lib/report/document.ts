import { formatter, translator, type Locale } from '../i18n';
import { readinessSummaryWords } from '../readiness/summary-words';
import { durationParts } from '../mandates/duration';
import { MAX_ROWS, type BoardReport } from './get-board-report';

/**
 * The report as one document in the reader's language: a title, and sections
 * of paragraphs and tables. The page, the Markdown and the PDF are all drawn
 * from it, so the three say the same words and show the same figures.
 */
export interface ReportTable {
  caption: string;
  columns: string[];
  /** Which columns hold numbers (right-aligned). */
  numeric: boolean[];
  rows: string[][];
}
export interface ReportSection {
  id: string;
  title: string;
  paragraphs: string[];
  tables: ReportTable[];
  /** Shown when the section has nothing to list. */
  empty?: string;
  /** A part that is not available yet (said plainly). */
  unavailable?: boolean;
}
export interface ReportDocument {
  title: string;
  subtitle: string;
  meta: string;
  sections: ReportSection[];
}

export function reportDocument(r: BoardReport, locale: Locale): ReportDocument {
  const t = translator(locale);
  const f = formatter(locale);
  const n = (v: number) => f.number(v);
  const unit = (u: string) => (u.startsWith('custom:') ? (r.unitLabels[u] ?? u.slice(7)) : t(`cooperation.unit.${u}`));
  const partner = (name: string | null) => name ?? t('report.ledger.network');

  const sections: ReportSection[] = [];

  sections.push({
    id: 'ledger',
    title: t('report.ledger.title'),
    paragraphs: [t('report.ledger.intro')],
    empty: r.ledger.perUnit.length === 0 ? t('report.ledger.empty') : undefined,
    tables:
      r.ledger.perUnit.length === 0
        ? []
        : [
            {
              caption: t('report.ledger.perUnit'),
              columns: [
                t('report.col.unit'),
                t('report.col.givenConfirmed'),
                t('report.col.givenPending'),
                t('report.col.receivedConfirmed'),
                t('report.col.receivedPending'),
              ],
              numeric: [false, true, true, true, true],
              rows: r.ledger.perUnit.map((u) => [
                unit(u.unit),
                n(u.given.confirmed),
                n(u.given.pending),
                n(u.received.confirmed),
                n(u.received.pending),
              ]),
            },
            {
              caption: t('report.ledger.perPartner'),
              columns: [t('report.col.partner'), t('report.col.unit'), t('report.col.given'), t('report.col.received')],
              numeric: [false, false, true, true],
              rows: r.ledger.byPartner.map((p) => [
                partner(p.partnerName),
                unit(p.unit),
                n(p.given.confirmed + p.given.pending),
                n(p.received.confirmed + p.received.pending),
              ]),
            },
          ],
  });

  sections.push({
    id: 'commitments',
    title: t('report.commitments.title'),
    paragraphs: [t('report.commitments.intro')],
    empty: r.commitments.total === 0 ? t('report.commitments.empty') : undefined,
    tables:
      r.commitments.total === 0
        ? []
        : [
            {
              caption: t('report.commitments.perUnit'),
              columns: [
                t('report.col.unit'),
                t('report.col.made'),
                t('report.col.madeAmount'),
                t('report.col.delivered'),
                t('report.col.deliveredAmount'),
              ],
              numeric: [false, true, true, true, true],
              rows: r.commitments.totals.map((c) => [
                unit(c.unit),
                n(c.madeCount),
                n(c.made),
                n(c.deliveredCount),
                n(c.delivered),
              ]),
            },
            {
              caption: t('report.commitments.list'),
              columns: [t('report.col.goal'), t('report.col.amount'), t('report.col.due'), t('report.col.status')],
              numeric: [false, true, false, false],
              rows: r.commitments.list.map((c) => [
                c.goalTitle,
                `${n(c.amount)} ${unit(c.unit)}`,
                f.date(c.dueOn),
                t(`cooperation.commitmentStatus.${c.status}`),
              ]),
            },
          ],
  });

  sections.push({
    id: 'goals',
    title: t('report.goals.title'),
    paragraphs: [t('report.goals.intro')],
    empty: r.goals.length === 0 ? t('report.goals.empty') : undefined,
    tables:
      r.goals.length === 0
        ? []
        : [
            {
              caption: t('report.goals.title'),
              columns: [
                t('report.col.goal'),
                t('report.col.status'),
                t('report.col.target'),
                t('report.col.progress'),
                t('report.col.entries'),
              ],
              numeric: [false, false, false, false, true],
              rows: r.goals.map((g) => [
                g.title,
                t(`cooperation.goalStatus.${g.status}`),
                f.date(g.targetDate),
                g.indicators.length === 0
                  ? t('report.goals.noIndicators')
                  : g.indicators
                      .map((i) =>
                        t('report.goals.indicator', {
                          label: i.label,
                          current: i.current ?? 0,
                          target: i.target ?? 0,
                          unit: i.unit,
                        }),
                      )
                      .join('; '),
                n(g.entriesInPeriod),
              ]),
            },
          ],
  });

  sections.push({
    id: 'decisions',
    title: t('report.decisions.title'),
    paragraphs: [t('report.decisions.intro')],
    empty: r.decisions.length === 0 ? t('report.decisions.empty') : undefined,
    tables:
      r.decisions.length === 0
        ? []
        : [
            {
              caption: t('report.decisions.title'),
              columns: [t('report.col.date'), t('report.col.about'), t('report.col.decision'), t('report.col.reason')],
              numeric: [false, false, false, false],
              rows: r.decisions.map((d) => [
                f.day(d.on),
                t(`report.decisions.about.${d.about}`, { goal: d.goalTitle }),
                t(`report.decision.${d.decision}`),
                d.reason,
              ]),
            },
          ],
  });

  const mm = r.managementMandate;
  sections.push({
    id: 'management',
    title: t('report.management.title'),
    paragraphs: mm
      ? [
          t('report.management.given', {
            givenBy: mm.givenBy,
            from: f.date(mm.validFrom),
            until: f.date(mm.validUntil),
          }),
          t('report.management.authority', { authority: mm.authority }),
          t('report.management.tasks', { tasks: f.list(mm.tasks) }),
          ...(mm.resources.length
            ? [
                t('report.management.resources', {
                  resources: f.list(
                    mm.resources.map((x) =>
                      t('management.resource', {
                        amount: t(`cooperation.amount.${x.unit}`, { amount: x.amount }),
                        per: x.per,
                      }),
                    ),
                  ),
                }),
              ]
            : []),
        ]
      : [],
    tables: [],
    empty: mm ? undefined : t('report.management.none'),
  });

  const home = r.home;
  const days = (ms: number | null) => (ms === null ? '—' : t('mandates.duration', durationParts(ms)));
  const limit = (v: number | null, u: string) => (v === null ? '—' : `${n(v)} ${unit(u)}`);
  const d = home.decisions;
  sections.push({
    id: 'mandate',
    title: t('report.mandate.title'),
    paragraphs: [
      t('report.mandate.intro'),
      t('report.approvals.decided', { decided: d.decided, median: days(d.medianMs), longest: days(d.longestMs) }),
      t('report.approvals.open', { open: d.open, overdue: d.overdue, agreedDays: d.agreedDays }),
    ],
    empty: home.usage.units.length === 0 ? t('report.mandate.none') : undefined,
    tables: [
      ...(home.usage.units.length === 0
        ? []
        : [
            {
              caption: t('report.mandate.use'),
              columns: [
                t('report.col.for'),
                t('report.col.unit'),
                t('report.col.perCommitment'),
                t('report.col.allowed'),
                t('report.col.used'),
                t('report.col.left'),
                t('report.col.overLimit'),
              ],
              numeric: [false, false, true, true, true, true, true],
              rows: home.usage.units.map((x) => [
                x.representativeName ?? t('mandates.forAll'),
                unit(x.unit),
                limit(x.perCommitment, x.unit),
                x.allowance === null ? '—' : n(x.allowance),
                n(x.used),
                x.left === null ? '—' : n(x.left),
                n(x.overPerCommitment),
              ]),
            },
          ]),
      ...(d.requests.length === 0
        ? []
        : [
            {
              caption: t('report.approvals.title'),
              columns: [
                t('report.col.requested'),
                t('report.col.goal'),
                t('report.col.amount'),
                t('report.col.status'),
                t('report.col.decisionTime'),
              ],
              numeric: [false, false, true, false, true],
              rows: d.requests
                .slice(0, MAX_ROWS)
                .map((x) => [
                  f.day(x.requestedAt),
                  x.goalTitle ?? '—',
                  x.amount === null || x.unit === null ? '—' : `${n(x.amount)} ${unit(x.unit)}`,
                  t(`report.approvals.status.${x.status}`) + (x.late ? ` (${t('report.approvals.late')})` : ''),
                  x.status === 'withdrawn' ? '—' : days(x.waitedMs),
                ]),
            },
          ]),
    ],
  });

  sections.push({
    id: 'readiness',
    title: t('report.readiness.title'),
    paragraphs: r.readiness
      ? [
          t('report.readiness.date', { date: f.date(r.readiness.answeredOn) }),
          ...readinessSummaryWords(locale, r.readiness),
        ]
      : [],
    tables: [],
    empty: r.readiness ? undefined : t('report.readiness.none'),
  });

  return {
    title: t('report.title', { organisation: r.organisation.name }),
    subtitle: t('report.subtitle', {
      network: r.network.name,
      from: f.date(r.period.from, 'long'),
      to: f.date(r.period.to, 'long'),
    }),
    meta: t('report.generated', { when: f.dateTime(r.generatedAt) }),
    sections,
  };
}
