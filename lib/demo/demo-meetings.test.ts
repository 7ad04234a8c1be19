import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db';
import { listComments } from '../comments/list-comments';
import { getMeeting } from '../meetings/get-meeting';
import { loadActor } from '../policies/load-actor';
import { seedDemo } from './demo-network';
import { freshSqlite } from '@/tests/helpers/services';
import { decidedAt } from '@/lib/meetings/minutes';
import { readStoredRows, toU8 } from '@/lib/realtime/doc-storage';
import * as Y from 'yjs';

/** The demo's meetings: a past one with published minutes and decisions, an upcoming one with an agenda. */
describe('the demo meetings', () => {
  let db: Db & { drop(): Promise<void> };
  let networkId: string;
  beforeAll(async () => {
    db = await freshSqlite();
    networkId = (await seedDemo(db)).networkId!;
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('has a past meeting with published minutes, two adopted decisions and an action item', async () => {
    const past = await db.all<{ id: string; status: string; starts_at: number }>(
      'SELECT id, status, starts_at FROM meetings WHERE network_id = ? AND starts_at < ?',
      [networkId, Date.now()],
    );
    expect(past.map((m) => m.status)).toEqual(['published']);
    const decisions = await db.all<{ status: string; method: string }>(
      'SELECT status, method FROM decisions WHERE meeting_id = ? ORDER BY created_at',
      [past[0].id],
    );
    expect(decisions).toEqual([
      { status: 'adopted', method: 'consent' },
      { status: 'adopted', method: 'adopted' },
    ]);
    expect(
      await db.get('SELECT commitment_id FROM meeting_action_items WHERE meeting_id = ?', [past[0].id]),
    ).toBeTruthy();
  });

  it('has an upcoming meeting', async () => {
    const upcoming = await db.all<{ status: string }>(
      'SELECT status FROM meetings WHERE network_id = ? AND starts_at > ?',
      [networkId, Date.now()],
    );
    expect(upcoming.map((m) => m.status)).toEqual(['scheduled']);
  });

  it('has a commented agenda item in the upcoming meeting, in German and English, with a mention', async () => {
    const upcoming = await db.get<{ id: string }>('SELECT id FROM meetings WHERE network_id = ? AND starts_at > ?', [
      networkId,
      Date.now(),
    ]);
    const andrea = await db.get<{ id: string }>("SELECT id FROM users WHERE email = 'andrea.novak@example.org'");
    const page = await getMeeting(db, await loadActor(db, andrea!.id, networkId), networkId, upcoming!.id);
    const [itemId, count] = Object.entries(page.agendaComments.counts)[0];
    expect(count).toBe(2);
    const listed = await listComments(
      db,
      await loadActor(db, andrea!.id, networkId),
      networkId,
      'agenda_item',
      `${upcoming!.id}:${itemId}`,
    );
    expect(listed.comments.map((c) => c.body)).toEqual([
      expect.stringContaining('Kursraum 3'),
      expect.stringContaining('every other Tuesday'),
    ]);
    expect(
      await db.get(
        "SELECT id FROM notifications WHERE user_id = ? AND kind = 'mention' AND subject_type = 'agenda_item'",
        [andrea!.id],
      ),
    ).toBeTruthy();
    expect(page.facilitation.organisations.reduce((s, o) => s + o.comments, 0)).toBe(2);
  });

  it('the past meeting leaves its own date behind, not the day the demo was seeded', async () => {
    const m = (await db.get<{ id: string; started_at: number | string; ended_at: number | string }>(
      'SELECT id, started_at, ended_at FROM meetings WHERE network_id = ? AND starts_at < ?',
      [networkId, Date.now()],
    ))!;
    const [start, end] = [Number(m.started_at), Number(m.ended_at)];
    expect(Date.now() - start).toBeGreaterThan(20 * 86_400_000);
    const decisions = await db.all<{ closed_at: number | string }>(
      'SELECT closed_at FROM decisions WHERE meeting_id = ? ORDER BY created_at',
      [m.id],
    );
    for (const d of decisions) expect(Number(d.closed_at)).toBeGreaterThanOrEqual(start);
    for (const d of decisions) expect(Number(d.closed_at)).toBeLessThanOrEqual(end);
    // The activity tells the same time (the feed and the audit log read it).
    const acts = await db.all<{ created_at: number | string }>(
      "SELECT created_at FROM activity WHERE network_id = ? AND kind IN ('decision.text_adopted', 'decision.closed')",
      [networkId],
    );
    expect(acts).toHaveLength(2);
    for (const a of acts) expect(Number(a.created_at)).toBeLessThanOrEqual(end);
    // The decided part, written by the server, names the meeting's day and time in words people read.
    const { snap, rows } = await readStoredRows(db, `meeting.${networkId}.${m.id}`);
    const doc = new Y.Doc();
    if (snap) Y.applyUpdate(doc, toU8(snap.data));
    for (const r of rows) Y.applyUpdate(doc, toU8(r.data));
    const decided = doc.getXmlFragment('decisions').toString();
    expect(decided).toContain(`Adopted as decided (${decidedAt(Number(decisions[1].closed_at), 'Europe/Vienna')})`);
    expect(decided).not.toMatch(/\d{4}-\d{2}-\d{2}|UTC/);
  });
});
