import { NextResponse } from 'next/server';
import { getDb } from '@/lib/db';

export const dynamic = 'force-dynamic';

/**
 * Liveness and readiness of the web process: answers 200 `{ ok: true }` when
 * the database (SQLite or PostgreSQL) answers a query, 503 otherwise. Used by
 * `npm start`, the test harness and load balancers. Anonymous and cheap; it
 * reveals nothing but up or down.
 */
export async function GET() {
  try {
    const db = await getDb();
    await db.get('SELECT 1 AS one');
    return NextResponse.json({ ok: true }, { headers: { 'cache-control': 'no-store' } });
  } catch (err) {
    console.error('[health] database check failed:', (err as Error).message);
    return NextResponse.json({ ok: false }, { status: 503, headers: { 'cache-control': 'no-store' } });
  }
}
