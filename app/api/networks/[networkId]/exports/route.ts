import { z } from 'zod';
import { NextResponse } from 'next/server';
import { route } from '@/app/_lib/route';
import { exportActor } from '@/lib/exports/access';
import { ARCHIVE_SCOPES, listArchives, requestArchive, ZRequestArchive } from '@/lib/exports/archive';
import { parseQuery } from '../ledger/_lib/query';

type P = { networkId: string };

const ZList = z.object({ scope: z.enum(ARCHIVE_SCOPES).default('network'), organisationId: z.uuid().optional() });

/** My archives of one scope in this network (newest first), with their progress. */
export const GET = route<undefined, P>({}, async ({ req, db, user, params, locale }) => {
  const q = parseQuery(req, ZList, locale);
  const actor = await exportActor(db, user.id, params.networkId);
  return { exports: await listArchives(db, actor, params.networkId, q) };
});

/** Asks for an archive (network: managers; organisation: its people). 202: it is being made by the job runner. */
export const POST = route<typeof ZRequestArchive, P>(
  { body: ZRequestArchive },
  async ({ db, user, params, body, locale }) => {
    const actor = await exportActor(db, user.id, params.networkId);
    const r = await requestArchive(db, actor, params.networkId, body, locale);
    return NextResponse.json({ export: r.export, created: r.created }, { status: r.created ? 202 : 200 });
  },
);
