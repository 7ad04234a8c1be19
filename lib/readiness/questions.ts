/**
 * The readiness check's seven questions: the essay's "when not to invest"
 * checklist (concept 4, after Lobnig 2000). Each is a statement about the
 * organisation, answered on a scale from 1 (does not apply at all) to 5
 * (applies fully); the more apply, the more the answers argue against
 * investing in the network. Words: `readiness.question.<id>` (en, de).
 */
export const QUESTIONS = [
  'alone', // we can reach it alone
  'occasional', // we need the others only now and then
  'selfInterest', // our self-interest forbids open communication
  'longPaths', // our decision paths are long
  'hierarchy', // our culture is strongly hierarchical
  'direction', // we already know the direction
  'noTime', // we have no time for the network's pace
] as const;
export type QuestionId = (typeof QUESTIONS)[number];

export const SCALE_MIN = 1;
export const SCALE_MAX = 5;
/** From this score on a statement counts as applying. */
export const APPLIES_FROM = 4;
/** From this many applying statements the answers argue against investing. */
export const AGAINST_FROM = 3;
/** A note's longest length. */
export const NOTE_MAX = 1000;

export type Verdict = 'invest' | 'caution' | 'against';

export interface Answer {
  question: QuestionId;
  score: number;
  note: string;
}

/**
 * What the answers say, in one word: `against` when at least three statements
 * apply (score 4 or 5) or the mean is 3.5 or more; `caution` when one or two
 * apply or the mean is 2.5 or more; else `invest`.
 */
export function judge(answers: readonly Answer[]): { verdict: Verdict; applies: QuestionId[]; average: number } {
  const applies = answers.filter((a) => a.score >= APPLIES_FROM).map((a) => a.question);
  const average = answers.length ? answers.reduce((s, a) => s + a.score, 0) / answers.length : 0;
  const verdict: Verdict =
    applies.length >= AGAINST_FROM || average >= 3.5
      ? 'against'
      : applies.length > 0 || average >= 2.5
        ? 'caution'
        : 'invest';
  return { verdict, applies, average: Math.round(average * 1000) / 1000 };
}
