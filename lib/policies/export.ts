import { belongsTo, isManager } from './actor';
import { definePolicy, type AbilitiesOf } from './define';

export interface ExportRecord {
  networkId: string;
  /** For an organisation's own export: which organisation. */
  organisationId?: string | null;
  /** For an existing archive: network | organisation. */
  scope?: 'network' | 'organisation';
  /** For an existing archive: who asked for it (only they may download it). */
  requestedBy?: string | null;
}

/** May this member make an archive of this scope (asked again when it is downloaded)? */
const mayArchive = (m: Parameters<typeof belongsTo>[0], e: ExportRecord) =>
  e.scope === 'organisation' ? belongsTo(m, e.organisationId ?? null) : isManager(m);

/**
 * Exports: what a person may take home. Every export holds only what its
 * requester may see (lib/exports): a goal and the ledger are read by every
 * member, so every member may export them; the network's full archive is the
 * managers' (it holds every record, never a home space); an organisation's own
 * data (its entries, commitments, ratings and home notes) is for its own people.
 */
export const exportPolicy = definePolicy({
  subject: 'export',
  describe: 'Exports: a goal as Markdown or PDF, the ledger as CSV or spreadsheet, archives made by the job runner',
  networkOf: (e: ExportRecord) => e.networkId,
  actions: {
    goal: { who: 'Every member (a goal with its versions, ratings and commitments)', allow: () => true },
    ledger: { who: 'Every member (the filtered ledger, as the ledger page shows it)', allow: () => true },
    archiveNetwork: {
      who: 'Network managers (every record and shared document of the network, never a home space)',
      allow: (m) => isManager(m),
    },
    archiveOrganisation: {
      who: 'The organisation’s own representatives and home members (its entries, commitments, ratings, home notes)',
      allow: (m, e) => belongsTo(m, e.organisationId ?? null),
    },
    download: {
      who: 'Only the person who asked for the archive, while they may still make it',
      allow: (m, e, actor) => e.requestedBy === actor.userId && mayArchive(m, e),
      refusal: 404,
    },
  },
});

/** What the actor may export in a network (sent with the pages that offer exports). */
export type ExportAbilities = AbilitiesOf<typeof exportPolicy>;
