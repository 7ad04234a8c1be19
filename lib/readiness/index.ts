/**
 * The Netzwerk-Check (readiness check) for other areas: the summary a viewer
 * may see (the tension view asks it) and its plain words. Commands and the
 * full list live in their own files (answer-check, share-check, list-checks).
 */
export { latestReadinessSummary } from './list-checks';
export { readinessSummaryWords } from './summary-words';
export type { ReadinessSummary } from './records';
export type { Verdict, QuestionId } from './questions';
