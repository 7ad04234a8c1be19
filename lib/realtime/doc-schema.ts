import type { DocName } from '../docs/names';

/**
 * The allowed shape of each kind of collaborative document. The realtime
 * server refuses an update that would add any other root, nest types deeper
 * than `maxDepth`, or carry longer strings: such an update could poison every
 * reader (e.g. 10,000 nested maps overflow `toJSON()`'s stack).
 *
 * Root names and their intended types (the server checks names, depth and
 * sizes; the type is the client's contract):
 */
export const DOC_ROOTS: Record<DocName['kind'], Readonly<Record<string, 'xml' | 'text' | 'map' | 'array'>>> = {
  // Network-wide notes; `goals` is reserved for the goals issue.
  commons: { notes: 'xml', goals: 'map' },
  // The organisation's public profile text and notes (others read).
  org: { profile: 'xml', notes: 'xml' },
  // The organisation's private home notes.
  home: { notes: 'xml' },
  // Live minutes and agenda drafts; `decisions`: adopted decisions, written by the server only (lib/meetings/minutes.ts).
  meeting: { minutes: 'xml', agenda: 'xml', decisions: 'xml' },
};

export { SHAPE_LIMITS } from './limits';

export function allowedRoots(kind: DocName['kind']): ReadonlySet<string> {
  return new Set(Object.keys(DOC_ROOTS[kind]));
}
