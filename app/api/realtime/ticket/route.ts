import { z } from 'zod';
import { route } from '@/app/_lib/route';
import { env } from '@/lib/env';
import { mintTicket } from '@/lib/realtime/tickets';
import type { TicketResponse } from '@/lib/realtime/protocol';

const ZBody = z.object({ doc: z.string().min(1).max(200) });

/**
 * POST /api/realtime/ticket `{ doc }` → `{ ticket, url, access, expiresAt }`.
 * 401 signed out, 404 unknown document or not a member, 403 no read access.
 * The ticket is single-use and lives 60 s: fetch a new one before every (re)connect.
 */
export const POST = route({ body: ZBody }, async ({ db, user, body }): Promise<TicketResponse> => {
  const minted = await mintTicket(db, user.id, { doc: body.doc, sessionVersion: user.sessionVersion });
  return { ticket: minted.ticket, url: env().realtimeUrl, access: minted.access, expiresAt: minted.expiresAt };
});
