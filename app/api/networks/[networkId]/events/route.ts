import { z } from 'zod';
import { route } from '@/app/_lib/route';
import { latestActivityId, listFeed } from '@/lib/activity/list-feed';
import { activityWake } from '@/lib/activity/wake';
import { sessionVersionValid } from '@/lib/auth/session-version';
import { loadActor } from '@/lib/policies/load-actor';
import { parseQuery } from '../ledger/_lib/query';

export const dynamic = 'force-dynamic';

type P = { networkId: string };

/**
 * The stream is woken after every commit of an activity row of this network
 * (`lib/activity/wake.ts`: in process, over Redis in scale mode); this slow
 * poll is only the safety net for a lost wake-up.
 */
const SAFETY_POLL_MS = 5000;
/** How often the viewer's membership is looked up again without a wake-up (an access change wakes it at once). */
const RECHECK_MS = 10_000;
const HEARTBEAT_MS = 15_000;

const ZEventsQuery = z.object({
  /** Resume after this activity id (EventSource sends Last-Event-ID on reconnect). */
  after: z.coerce.number().int().min(0).optional(),
  /** `recent=1`: answer once with the latest rows as JSON instead of streaming. */
  recent: z.enum(['1']).optional(),
  organisationId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/**
 * The network's live change feed as Server-Sent Events: every activity row
 * the viewer may see, as it is written, by any instance (woken after the
 * commit; rows are read from the shared database by id, so a wake-up is only
 * a doorbell and this works with any number of web instances). Each event's id is the activity id; a reconnecting EventSource
 * resumes from Last-Event-ID and misses nothing. Members only (else 404).
 */
export const GET = route<undefined, P>({}, async ({ req, db, user, params, locale }) => {
  const { networkId } = params;
  const q = parseQuery(req, ZEventsQuery, locale);
  let actor = await loadActor(db, user.id, networkId);
  if (q.recent)
    return { items: await listFeed(db, actor, networkId, { limit: q.limit, organisationId: q.organisationId }) };

  const lastEventId = Number(req.headers.get('last-event-id'));
  let cursor =
    Number.isInteger(lastEventId) && lastEventId > 0
      ? lastEventId
      : (q.after ?? (await latestActivityId(db, networkId)));
  // A stranger gets the usual 404 before any stream opens.
  await listFeed(db, actor, networkId, { afterId: cursor, limit: 1 });

  const encoder = new TextEncoder();
  let closed = false;
  let unsubscribe: () => void = () => undefined;
  let stopTimer: () => void = () => undefined;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const close = () => {
        if (closed) return;
        closed = true;
        unsubscribe();
        stopTimer();
        try {
          controller.close();
        } catch {
          // already closed by the client going away
        }
      };
      req.signal.addEventListener('abort', close);
      send(`retry: 2000\nevent: ready\ndata: ${JSON.stringify({ after: cursor })}\n\n`);

      let lastCheck = Date.now();
      let lastBeat = Date.now();
      let timer: ReturnType<typeof setTimeout> | null = null;
      let busy = false;
      let again = false;
      let recheckNow = false;
      const tick = async () => {
        if (closed) return;
        if (busy) {
          again = true;
          return;
        }
        busy = true;
        if (timer) clearTimeout(timer);
        timer = null;
        try {
          if (recheckNow || Date.now() - lastCheck > RECHECK_MS) {
            recheckNow = false;
            lastCheck = Date.now();
            // The session that opened the stream has ended (sign out everywhere, password change): end it. The
            // EventSource comes back by itself with the browser's cookie now: a browser signed in again resumes
            // from its last event id; a signed-out one gets 401 and stops.
            if (!(await sessionVersionValid(db, user.id, user.sessionVersion))) return close();
            actor = await loadActor(db, user.id, networkId);
            if (!actor.membership) {
              send(`event: revoked\ndata: {}\n\n`);
              return close();
            }
          }
          // Read raw ids first so rows the viewer may not see still move the cursor.
          const items = await listFeed(db, actor, networkId, { afterId: cursor, limit: 200 });
          const maxRow = await db.get<{ id: number | null }>(
            'SELECT MAX(id) AS id FROM (SELECT id FROM activity WHERE network_id = ? AND id > ? ORDER BY id LIMIT 200) x',
            [networkId, cursor],
          );
          for (const item of items) send(`id: ${item.id}\nevent: activity\ndata: ${JSON.stringify(item)}\n\n`);
          const next = Math.max(cursor, ...items.map((i) => i.id), Number(maxRow?.id ?? 0));
          if (next > cursor && items.length === 0) send(`id: ${next}\n: skipped rows not visible to you\n\n`);
          cursor = next;
          if (Date.now() - lastBeat > HEARTBEAT_MS) {
            lastBeat = Date.now();
            send(`: keep-alive\n\n`);
          }
        } catch (err) {
          if ((err as { notFound?: boolean })?.notFound) {
            send(`event: revoked\ndata: {}\n\n`);
            return close();
          }
          console.error('[events] poll failed:', (err as Error)?.message);
        } finally {
          busy = false;
        }
        if (closed) return;
        if (again) {
          again = false;
          void tick();
        } else timer = setTimeout(() => void tick(), SAFETY_POLL_MS);
      };
      // Woken after each commit of a row of this network; an access change re-reads the viewer's membership first,
      // and the end of this person's sessions ends the stream.
      unsubscribe = activityWake().subscribe((signal) => {
        if (closed) return;
        const mine = signal.access === 'sessions' && signal.subjectId === user.id;
        if (signal.networkId !== networkId && !mine) return;
        if (signal.access !== 'none') recheckNow = true;
        void tick();
      });
      stopTimer = () => {
        if (timer) clearTimeout(timer);
      };
      // Rows committed between the cursor and the subscription are picked up by this first read.
      void tick();
    },
    cancel() {
      closed = true;
      unsubscribe();
      stopTimer();
    },
  });
  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    },
  });
});
