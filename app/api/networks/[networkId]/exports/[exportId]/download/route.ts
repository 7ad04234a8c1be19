import fs from 'node:fs';
import { Readable } from 'node:stream';
import { route } from '@/app/_lib/route';
import { exportActor } from '@/lib/exports/access';
import { openArchive } from '@/lib/exports/archive';
import { attachment } from '@/lib/exports/words';

type P = { networkId: string; exportId: string };

/** The ready archive's zip, streamed from disk: only for the person who asked for it, until it expires. */
export const GET = route<undefined, P>({}, async ({ db, user, params }) => {
  const actor = await exportActor(db, user.id, params.networkId);
  const a = await openArchive(db, actor, params.networkId, params.exportId);
  return new Response(Readable.toWeb(fs.createReadStream(a.file)) as ReadableStream, {
    headers: {
      'content-type': 'application/zip',
      'content-length': String(a.size),
      'content-disposition': attachment(a.fileName),
      'cache-control': 'no-store, private',
    },
  });
});
