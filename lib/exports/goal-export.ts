import * as Y from 'yjs';
import { listCommitments } from '../commitments/list-commitments';
import type { Db } from '../db/types';
import { docName } from '../docs/names';
import { SCALES, getGoal } from '../goals/get-goal';
import { fragmentToDoc, ZDescriptionDoc, type DescNode } from '../goals/description-doc';
import { listGoalRevisions } from '../goals/list-goal-revisions';
import { formatter, hasMessage, translator, type Locale } from '../i18n';
import { exportPolicy, type Actor } from '../policies';
import { loadStoredDoc } from './documents';
import { docMarkdown, mdLine, mdText } from './markdown';
import { amountWords } from './words';

/**
 * One goal to take home: its accountable parts (status, dates, indicators,
 * the organisations taking part), its text as the shared editor shows it,
 * every version, the organisations' ratings with their spread, and the
 * commitments made to it — as Markdown or as a PDF, in the reader's language.
 * Every member may read a goal, so every member may export it.
 */

export interface GoalExport {
  locale: Locale;
  networkName: string;
  goal: Awaited<ReturnType<typeof getGoal>>['goal'];
  organisations: string[];
  description: DescNode[];
  ratings: Awaited<ReturnType<typeof getGoal>>['ratings'];
  spread: Awaited<ReturnType<typeof getGoal>>['spread'];
  versions: Awaited<ReturnType<typeof listGoalRevisions>>;
  commitments: Awaited<ReturnType<typeof listCommitments>>['commitments'];
  commitmentsTotal: number;
  unitLabels: Map<string, string>;
  exportedAt: number;
}

/** The most commitments one goal export lists (the rest are counted). */
const MAX_COMMITMENTS = 500;

/** The goal's text: the live shared document when it has one, else the last saved structure, else its plain text. */
async function goalDescription(db: Db, networkId: string, goalId: string, saved: string, plain: string) {
  const doc = await loadStoredDoc(db, docName({ kind: 'commons', networkId }));
  try {
    const frag = doc.getMap<unknown>('goals').get(goalId);
    if (frag instanceof Y.XmlFragment && frag.length) return fragmentToDoc(frag);
  } finally {
    doc.destroy();
  }
  if (saved) {
    const parsed = ZDescriptionDoc.safeParse(JSON.parse(saved));
    if (parsed.success && parsed.data.length) return parsed.data;
  }
  return plain
    ? plain.split('\n').map((line) => ({ type: 'paragraph', content: line ? [{ delta: [{ insert: line }] }] : [] }))
    : [];
}

export async function loadGoalExport(
  db: Db,
  actor: Actor,
  networkId: string,
  goalId: string,
  locale: Locale,
): Promise<GoalExport> {
  exportPolicy.authorize(actor, 'goal', { networkId });
  const { goal, ratings, spread } = await getGoal(db, actor, networkId, goalId);
  const row = await db.get<{ description_doc: string | null; description: string }>(
    'SELECT description_doc, description FROM goals WHERE id = ?',
    [goalId],
  );
  const [versions, commitments, net, orgs, units] = await Promise.all([
    listGoalRevisions(db, actor, networkId, goalId),
    listCommitments(db, actor, networkId, { goalId, limit: MAX_COMMITMENTS }),
    db.get<{ name: string }>('SELECT name FROM networks WHERE id = ?', [networkId]),
    db.all<{ id: string; name: string }>('SELECT id, name FROM organisations WHERE network_id = ? ORDER BY name', [
      networkId,
    ]),
    db.all<{ unit_key: string; label: string }>('SELECT unit_key, label FROM network_units WHERE network_id = ?', [
      networkId,
    ]),
  ]);
  return {
    locale,
    networkName: net?.name ?? '',
    goal,
    organisations: orgs.filter((o) => goal.organisationIds.includes(o.id)).map((o) => o.name),
    description: await goalDescription(db, networkId, goalId, row?.description_doc ?? '', row?.description ?? ''),
    ratings,
    spread,
    versions,
    commitments: commitments.commitments,
    commitmentsTotal: commitments.total,
    unitLabels: new Map(units.map((u) => [u.unit_key, u.label])),
    exportedAt: Date.now(),
  };
}

/** The words both renderings share: one list of labelled lines per section. */
export function goalSections(x: GoalExport) {
  const t = translator(x.locale);
  const f = formatter(x.locale);
  const g = x.goal;
  const facts: [string, string][] = [
    [t('exports.goal.status'), t(`cooperation.goalStatus.${g.status}`)],
    [t('exports.goal.version'), String(g.version)],
  ];
  if (g.targetDate) facts.push([t('exports.goal.targetDate'), f.date(g.targetDate)]);
  if (g.reviewOn) facts.push([t('exports.goal.reviewOn'), f.date(g.reviewOn)]);
  facts.push([
    t('exports.goal.organisations'),
    x.organisations.length ? f.list(x.organisations) : t('exports.goal.noOrganisations'),
  ]);
  const indicators = g.indicators.map((i) =>
    t('exports.goal.indicator', { label: i.label, current: i.current, target: i.target, unit: i.unit || '-' }),
  );
  const ratings = x.ratings.map((r) => ({
    head: r.organisationName,
    lines: [
      SCALES.map((s) => `${t(`cooperation.rating.${s}`)}: ${r[s]}`).join(' · '),
      ...(r.comment ? [r.comment] : []),
    ],
  }));
  const spread = SCALES.flatMap((s) => {
    const v = x.spread.scales[s];
    return v
      ? [
          t('exports.goal.spread', {
            scale: t(`cooperation.rating.${s}`),
            mean: v.mean,
            min: v.min,
            max: v.max,
            sd: v.sd,
          }),
        ]
      : [];
  });
  const versions = x.versions.map((v) => ({
    head: t('exports.goal.versionHead', {
      version: v.version,
      when: f.dateTime(v.createdAt),
      actor: v.actorName || '—',
    }),
    lines: [
      v.changed.includes('created') || !v.changed.length
        ? t('exports.goal.created')
        : t('exports.goal.changed', {
            fields: f.list(v.changed.map((c) => (hasMessage(`exports.field.${c}`) ? t(`exports.field.${c}`) : c))),
          }),
      ...(v.restoredFrom !== null ? [t('exports.goal.restored', { version: v.restoredFrom })] : []),
      ...(v.decision
        ? [t('exports.goal.decision', { decision: v.decision.decision, reason: v.decision.reason || '—' })]
        : []),
      t('exports.goal.snapshot', {
        title: v.snapshot.title,
        status: t(`cooperation.goalStatus.${v.snapshot.status}`),
      }),
    ],
  }));
  const commitments = x.commitments.map((c) => ({
    head: `${c.organisationName ?? ''}: ${amountWords(t, c.unit, c.amount, x.unitLabels)}`,
    lines: [
      t('exports.goal.commitmentLine', {
        status: t(`cooperation.commitmentStatus.${c.status}`),
        due: f.date(c.dueOn),
      }),
      ...(c.note ? [c.note] : []),
      ...(c.withdrawReason ? [t('exports.goal.withdrawReason', { reason: c.withdrawReason })] : []),
    ],
  }));
  return {
    t,
    title: g.title,
    subtitle: t('exports.goal.subtitle', { network: x.networkName, when: f.dateTime(x.exportedAt) }),
    facts,
    why: g.whyTogether,
    indicators,
    ratings,
    spread,
    versions,
    commitments,
    moreCommitments: Math.max(0, x.commitmentsTotal - x.commitments.length),
  };
}

/** The goal as Markdown. */
export function goalMarkdown(x: GoalExport): string {
  const s = goalSections(x);
  const { t } = s;
  const out: string[] = [
    `# ${mdLine(s.title)}`,
    `_${mdText(s.subtitle)}_`,
    s.facts.map(([k, v]) => `- **${mdText(k)}:** ${mdText(v)}`).join('\n'),
  ];
  if (s.why) out.push(`## ${mdLine(t('exports.goal.why'))}`, mdText(s.why));
  out.push(
    `## ${mdLine(t('exports.goal.description'))}`,
    docMarkdown(x.description).trim() || `_${mdText(t('exports.goal.noDescription'))}_`,
  );
  if (s.indicators.length)
    out.push(`## ${mdLine(t('exports.goal.indicators'))}`, s.indicators.map((i) => `- ${mdText(i)}`).join('\n'));
  const list = (items: { head: string; lines: string[] }[]) =>
    items.map((i) => [`### ${mdLine(i.head)}`, ...i.lines.map((l) => mdText(l))].join('\n\n')).join('\n\n');
  out.push(`## ${mdLine(t('exports.goal.ratings'))}`);
  if (s.ratings.length) {
    out.push(s.spread.map((l) => `- ${mdText(l)}`).join('\n'), list(s.ratings));
  } else out.push(`_${mdText(t('exports.goal.noRatings'))}_`);
  out.push(`## ${mdLine(t('exports.goal.commitments'))}`);
  out.push(s.commitments.length ? list(s.commitments) : `_${mdText(t('exports.goal.noCommitments'))}_`);
  if (s.moreCommitments) out.push(`_${mdText(t('exports.goal.moreCommitments', { count: s.moreCommitments }))}_`);
  out.push(`## ${mdLine(t('exports.goal.versions'))}`, list(s.versions));
  return out.join('\n\n') + '\n';
}
