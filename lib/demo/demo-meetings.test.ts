import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db';
import { listComments } from '../comments/list-comments';
import { getMeeting } from '../meetings/get-meeting';
import { loadActor } from '../policies/load-actor';
import { seedDemo } from './demo-network';
import { freshSqlite } from '@/tests/helpers/services';

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
});
