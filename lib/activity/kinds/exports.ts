import { z } from 'zod';
import { net, spec, type LinkContext } from '../spec';

/**
 * Exports (lib/exports): an archive asked for and an archive ready. Seen by
 * who may make that archive themselves (audience `archive`): a network's
 * archive by its managers, an organisation's own data by its people. The
 * single-file exports (a goal, the ledger) are reads and leave no row.
 */
const ZArchive = z.strictObject({
  scope: z.enum(['network', 'organisation']),
  organisationId: z.string().min(1).max(200).nullable(),
});

const archivePage = (r: LinkContext) =>
  r.data.scope === 'organisation' && typeof r.data.organisationId === 'string'
    ? `${net(r)}/organisations/${r.data.organisationId}#export`
    : `${net(r)}/settings#archive`;

export const EXPORT_KINDS = {
  'export.archive_requested': spec({
    payload: ZArchive,
    audience: 'archive',
    access: 'none',
    link: archivePage,
    example: { scope: 'network', organisationId: null },
  }),
  'export.archive_ready': spec({
    payload: ZArchive,
    audience: 'archive',
    access: 'none',
    link: archivePage,
    example: { scope: 'organisation', organisationId: 'o1' },
  }),
};
