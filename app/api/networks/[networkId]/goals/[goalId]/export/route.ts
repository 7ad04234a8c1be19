import { z } from 'zod';
import { route } from '@/app/_lib/route';
import { exportActor } from '@/lib/exports/access';
import { goalMarkdown, loadGoalExport } from '@/lib/exports/goal-export';
import { goalPdf } from '@/lib/exports/goal-pdf';
import { attachment, fileSlug } from '@/lib/exports/words';
import { parseQuery } from '../../../ledger/_lib/query';

type P = { networkId: string; goalId: string };

const ZFormat = z.object({ format: z.enum(['md', 'pdf']).default('md') });

/** One goal with its versions, ratings and commitments as Markdown (`?format=md`) or PDF (`?format=pdf`), in my language. */
export const GET = route<undefined, P>({}, async ({ req, db, user, params, locale }) => {
  const { format } = parseQuery(req, ZFormat, locale);
  const actor = await exportActor(db, user.id, params.networkId);
  const x = await loadGoalExport(db, actor, params.networkId, params.goalId, locale);
  const name = `${fileSlug(x.goal.title, 'goal')}.${format}`;
  const headers = { 'content-disposition': attachment(name), 'cache-control': 'no-store' };
  if (format === 'pdf') {
    const pdf = await goalPdf(x);
    return new Response(new Uint8Array(pdf), { headers: { ...headers, 'content-type': 'application/pdf' } });
  }
  return new Response(goalMarkdown(x), { headers: { ...headers, 'content-type': 'text/markdown; charset=utf-8' } });
});
