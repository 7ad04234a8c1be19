import { z } from 'zod';
import { parseDocName } from '../../docs/names';
import { goalPage, net, spec, type LinkContext } from '../spec';

/**
 * Collaborative documents: changes a command wrote into a document
 * (`writeDocument`, lib/realtime/server-write.ts) and locks set and lifted by
 * network managers (lib/realtime/locks.ts). The subject is the document's name;
 * the audience is whoever may read that document (`document` in
 * lib/policies/activity.ts): a home space's rows stay within its organisation.
 */
const doc = z.string().min(1).max(200);
const part = z.string().max(120);
/** What the part is, for the words: a root's name, or `goal` for a goal's text. */
const partKind = z.enum(['notes', 'profile', 'agenda', 'minutes', 'decisions', 'goal']);

/** Where a row about a document points: a goal's page for a goal text, an organisation's page, else the network. */
const documentPage = (r: LinkContext) => {
  const name = typeof r.data.doc === 'string' ? parseDocName(r.data.doc) : null;
  const part = typeof r.data.part === 'string' ? r.data.part : '';
  if (part.startsWith('goals/')) return `${net(r)}/goals/${part.slice('goals/'.length)}`;
  if (name && (name.kind === 'org' || name.kind === 'home')) return `${net(r)}/organisations/${name.orgId}`;
  if (name?.kind === 'meeting') return `${net(r)}/meetings/${name.meetingId}`;
  return net(r);
};

export const DOCUMENT_KINDS = {
  'document.written': spec({
    payload: z.strictObject({ doc, reason: z.string().max(500), bytes: z.number().int() }),
    audience: 'document',
    access: 'none',
    link: documentPage,
    example: {
      doc: 'commons.00000000-0000-4000-8000-000000000000',
      reason: 'goal text restored',
      bytes: 120,
    },
  }),
  'document.locked': spec({
    payload: z.strictObject({ doc, part, partKind, reason: z.string().max(500), endsAt: z.number().nullable() }),
    audience: 'document',
    access: 'none',
    link: documentPage,
    example: {
      doc: 'commons.00000000-0000-4000-8000-000000000000',
      part: 'notes',
      partKind: 'notes',
      reason: 'Agreed text, please do not change',
      endsAt: 1_900_000_000_000,
    },
  }),
  'document.unlocked': spec({
    payload: z.strictObject({ doc, part, partKind, reason: z.string().max(500) }),
    audience: 'document',
    access: 'none',
    link: documentPage,
    example: {
      doc: 'commons.00000000-0000-4000-8000-000000000000',
      part: 'notes',
      partKind: 'notes',
      reason: 'Agreed text, please do not change',
    },
  }),
  /** A goal's title, "why" and text restored from an earlier version (the text written by the server). */
  'goal.version_restored': spec({
    payload: z.strictObject({ version: z.number().int(), restoredFrom: z.number().int() }),
    audience: 'members',
    access: 'none',
    link: goalPage,
    example: { version: 5, restoredFrom: 2 },
  }),
} as const;
