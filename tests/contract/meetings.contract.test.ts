import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db';
import { addDays, today } from '@/lib/core/dates';
import { createGoal } from '@/lib/goals/create-goal';
import { createMandate } from '@/lib/mandates/set-mandate';
import { addActionItem } from '@/lib/meetings/add-action-item';
import { adoptText } from '@/lib/meetings/adopt-text';
import { answerMinutes } from '@/lib/meetings/answer-minutes';
import { feedStatus, meetingIcs, readFeed, renewFeed, revokeFeed } from '@/lib/meetings/calendar-feed';
import { closeDecision, closeDueDecisions, outcomeOf } from '@/lib/meetings/close-decision';
import { documentAccess } from '@/lib/meetings/doc-access';
import { getMeeting, listMeetings } from '@/lib/meetings/get-meeting';
import { proposeDecision } from '@/lib/meetings/propose-decision';
import { scheduleMeeting } from '@/lib/meetings/schedule-meeting';
import { setMeetingSettings } from '@/lib/meetings/set-meeting-settings';
import { transitionMeeting } from '@/lib/meetings/transition-meeting';
import { updateMeeting } from '@/lib/meetings/update-meeting';
import { voteDecision } from '@/lib/meetings/vote-decision';
import { readStoredRows, toU8 } from '@/lib/realtime/doc-storage';
import { mintTicket } from '@/lib/realtime/tickets';
import * as Y from 'yjs';
import { seedNetwork, type SeededNetwork } from '@/tests/helpers/seed-network';
import { available, freshPostgres, freshSqlite } from '../helpers/services';
import { parseIcs } from '../helpers/ics';
import { refused } from './refused';

type Fresh = Db & { drop(): Promise<void> };

const count = async (db: Db, table: string) =>
  Number((await db.get<{ c: number }>(`SELECT COUNT(*) AS c FROM ${table}`))?.c);

/**
 * Meetings and decisions on both databases: scheduling (who may, bad input),
 * the meeting's document access by state and invitation, attendance, the
 * minutes' approval by the organisations that attended (with objections),
 * publication and lock, proposals with one voice per organisation until the
 * closing time, adopted texts, action items as commitments, the calendars.
 * Every refusal writes nothing.
 */
function meetingsContract(name: string, open: () => Promise<Fresh>) {
  describe(`meetings on ${name}`, () => {
    let db: Fresh;
    let n: SeededNetwork;
    const written = async () =>
      Promise.all(
        [
          'meetings',
          'meeting_organisations',
          'decisions',
          'decision_votes',
          'meeting_action_items',
          'activity',
          'commitments',
        ].map((t) => count(db, t)),
      );
    const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();
    const schedule = (extra: Record<string, unknown> = {}) =>
      scheduleMeeting(db, n.actors.manager, n.networkId, {
        title: 'Netzwerktreffen Dezember',
        startsAt: inAnHour(),
        place: 'Bücherei, Saal 2',
        onlineUrl: 'https://meet.example.org/netz',
        organisationIds: [n.orgs.a, n.orgs.b],
        ...extra,
      });
    const doc = (meetingId: string) => ({ kind: 'meeting' as const, networkId: n.networkId, meetingId });
    /** The stored document's decided part, as the server wrote it. */
    const decidedText = async (meetingId: string) => {
      const { snap, rows } = await readStoredRows(db, `meeting.${n.networkId}.${meetingId}`);
      const d = new Y.Doc();
      if (snap) Y.applyUpdate(d, toU8(snap.data));
      for (const r of rows) Y.applyUpdate(d, toU8(r.data));
      return d.getXmlFragment('decisions').toString();
    };

    beforeAll(async () => {
      db = await open();
      n = await seedNetwork(db);
    });
    afterAll(async () => {
      await db?.drop();
    });

    it('a manager schedules; a representative only where the network allows it; bad input writes nothing', async () => {
      const before = await written();
      await refused(
        scheduleMeeting(db, n.actors.repA, n.networkId, {
          title: 'Rep meeting',
          startsAt: inAnHour(),
          place: 'Hier',
          organisationIds: [n.orgs.a],
        }),
        403,
      );
      await refused(schedule({ startsAt: new Date(Date.now() - 60_000).toISOString() }), 400, 'meetings.errors.inPast');
      await refused(schedule({ startsAt: '2026-13-45T10:00' }), 400, 'meetings.errors.timeMalformed');
      await refused(schedule({ place: '', onlineUrl: '' }), 400, 'meetings.errors.placeOrLink');
      await refused(schedule({ onlineUrl: 'javascript:alert(1)' }), 400);
      await refused(schedule({ organisationIds: [] }), 400);
      await refused(schedule({ organisationIds: ['00000000-0000-4000-8000-000000000000'] }), 400);
      expect(await written()).toEqual(before);
      await refused(
        scheduleMeeting(db, n.actors.outsider, n.networkId, {
          title: 'x',
          startsAt: inAnHour(),
          place: 'x',
          organisationIds: [n.orgs.a],
        }),
        404,
      );
      await refused(setMeetingSettings(db, n.actors.repA, n.networkId, { representativesMaySchedule: true }), 403);
      await setMeetingSettings(db, n.actors.manager, n.networkId, { representativesMaySchedule: true });
      const m = await scheduleMeeting(db, n.actors.repA, n.networkId, {
        title: 'Arbeitsgruppe',
        startsAt: inAnHour(),
        place: 'Jugendzentrum',
        organisationIds: [n.orgs.a],
      });
      expect(m).toMatchObject({ status: 'scheduled', createdBy: n.users.repA.id });
      await setMeetingSettings(db, n.actors.manager, n.networkId, { representativesMaySchedule: false });
      // The local time is read in the network's zone (Europe/Vienna).
      const local = await schedule({ startsAt: `${addDays(today(), 30)}T10:00` });
      expect(new Date(local.startsAt).toISOString().slice(11, 16)).toMatch(/^0[89]:00$/);
      const list = await listMeetings(db, n.actors.observer, n.networkId);
      expect(list.upcoming.map((x) => x.id)).toContain(local.id);
      expect(list.abilities.schedule).toBe(false);
    });

    it('meeting documents exist only for meetings that exist; read and write follow state and invitation', async () => {
      const m = await schedule();
      const unknown = doc('11111111-1111-4111-8111-111111111111');
      expect(await documentAccess(db, n.actors.repA, unknown)).toBe('unknown');
      await refused(
        mintTicket(db, n.users.repA.id, { doc: `meeting.${n.networkId}.11111111-1111-4111-8111-111111111111` }),
        404,
      );
      expect(await documentAccess(db, n.actors.repA, doc(m.id))).toBe('write');
      expect(await documentAccess(db, n.actors.manager, doc(m.id))).toBe('write');
      expect(await documentAccess(db, n.actors.repC, doc(m.id))).toBe('read'); // not invited
      expect(await documentAccess(db, n.actors.homeA, doc(m.id))).toBe('read');
      expect(await documentAccess(db, n.actors.observer, doc(m.id))).toBe('read');
      expect(await documentAccess(db, n.actors.outsider, doc(m.id))).toBeNull();
      expect((await mintTicket(db, n.users.repB.id, { doc: m.doc })).access).toBe('write');
      await refused(mintTicket(db, n.users.outsider.id, { doc: m.doc }), 404);
    });

    it('the whole meeting: live minutes, attendance, a proposal with one voice per organisation, approval, lock', async () => {
      const m = await schedule({ organisationIds: [n.orgs.a, n.orgs.b, n.orgs.c] });
      await refused(transitionMeeting(db, n.actors.repA, n.networkId, m.id, { action: 'start' }), 403);
      await refused(
        transitionMeeting(db, n.actors.manager, n.networkId, m.id, { action: 'end' }),
        409,
        'meetings.errors.notLive',
      );
      await transitionMeeting(db, n.actors.manager, n.networkId, m.id, { action: 'start' });
      await refused(
        updateMeeting(db, n.actors.manager, n.networkId, m.id, { title: 'Neu' }),
        409,
        'meetings.errors.notScheduled',
      );
      await refused(
        transitionMeeting(db, n.actors.manager, n.networkId, m.id, { action: 'end' }),
        409,
        'meetings.errors.noAttendance',
      );
      for (const org of [n.orgs.a, n.orgs.b])
        await transitionMeeting(db, n.actors.manager, n.networkId, m.id, {
          action: 'attendance',
          organisationId: org,
          attended: true,
        });

      const closesAt = new Date(Date.now() + 3_600_000).toISOString();
      const d = await proposeDecision(db, n.actors.repA, n.networkId, m.id, {
        agendaItem: '2. Gemeinsamer Flyer',
        title: 'Wir drucken einen gemeinsamen Flyer',
        method: 'consent',
        closesAt,
      });
      await refused(
        proposeDecision(db, n.actors.repA, n.networkId, m.id, {
          title: 'Gestern',
          method: 'consent',
          closesAt: new Date(Date.now() - 1000).toISOString(),
        }),
        400,
        'meetings.errors.closingInPast',
      );
      await refused(
        proposeDecision(db, n.actors.repA, n.networkId, m.id, {
          title: 'Poll',
          method: 'poll',
          options: ['Ja'],
          closesAt,
        }),
        400,
      );
      await refused(
        proposeDecision(db, n.actors.observer, n.networkId, m.id, { title: 'Obs', method: 'consent', closesAt }),
        403,
      );

      // B objects, then consents; A consents; C too. Voting twice, a stranger's voice and a poll option are refused.
      const objected = await voteDecision(db, n.actors.repB, n.networkId, m.id, d.id, {
        action: 'object',
        objection: 'Zu teuer',
      });
      expect(objected.abilities).toMatchObject({ vote: false, withdrawObjection: true });
      const before = await written();
      await refused(
        voteDecision(db, n.actors.repB, n.networkId, m.id, d.id, { action: 'consent' }),
        409,
        'meetings.errors.alreadyVoted',
      );
      await refused(
        voteDecision(db, n.actors.repA, n.networkId, m.id, d.id, { action: 'choose', option: 'x' }),
        400,
        'meetings.errors.consentOnly',
      );
      await refused(voteDecision(db, n.actors.homeA, n.networkId, m.id, d.id, { action: 'consent' }), 403);
      await refused(voteDecision(db, n.actors.outsider, n.networkId, m.id, d.id, { action: 'consent' }), 404);
      await refused(
        voteDecision(db, n.actors.repA, n.networkId, m.id, d.id, { action: 'withdrawObjection' }),
        409,
        'meetings.errors.noObjection',
      );
      await refused(closeDecision(db, n.actors.manager, n.networkId, m.id, d.id), 409, 'meetings.errors.stillOpen');
      expect(await written()).toEqual(before);
      await voteDecision(db, n.actors.repB, n.networkId, m.id, d.id, { action: 'withdrawObjection' });
      await voteDecision(db, n.actors.repA, n.networkId, m.id, d.id, { action: 'consent' });
      await voteDecision(db, n.actors.repC, n.networkId, m.id, d.id, { action: 'consent' });
      await refused(closeDecision(db, n.actors.repA, n.networkId, m.id, d.id), 403);
      const closed = await closeDecision(db, n.actors.manager, n.networkId, m.id, d.id);
      expect(closed).toMatchObject({ status: 'adopted' });
      expect(closed.votes.map((v) => [v.organisationId, v.choice]).sort()).toEqual(
        [
          [n.orgs.a, 'consent'],
          [n.orgs.b, 'consent'],
          [n.orgs.c, 'consent'],
        ].sort(),
      );
      expect(closed.votes.find((v) => v.organisationId === n.orgs.b)?.objection).toBe('Zu teuer');
      await refused(voteDecision(db, n.actors.repA, n.networkId, m.id, d.id, { action: 'consent' }), 409);
      // The adopted decision is written into the decided part of the minutes by the server, which only it writes.
      expect(await decidedText(m.id)).toContain('Wir drucken einen gemeinsamen Flyer');
      expect(await decidedText(m.id)).toContain('objection withdrawn');
      const locks = await db.all<{ part: string }>(
        'SELECT part FROM document_locks WHERE doc = ? AND unlocked_at IS NULL',
        [m.doc],
      );
      expect(locks.map((l) => l.part)).toEqual(['decisions']);

      // Voting after the closing time: refused, nothing written.
      const late = await proposeDecision(db, n.actors.manager, n.networkId, m.id, {
        title: 'Poll on the date',
        method: 'poll',
        options: ['März', 'April'],
        closesAt,
      });
      await db.run('UPDATE decisions SET closes_at = ? WHERE id = ?', [Date.now() - 1000, late.id]);
      const b2 = await written();
      await refused(
        voteDecision(db, n.actors.repA, n.networkId, m.id, late.id, { action: 'choose', option: 'März' }),
        409,
        'meetings.errors.votingClosed',
      );
      expect(await written()).toEqual(b2);
      // The job runner's chore closes it at its closing time, without a person.
      expect(await closeDueDecisions(db)).toBeGreaterThanOrEqual(1);
      const closedLate = await db.get<{ status: string }>('SELECT status FROM decisions WHERE id = ?', [late.id]);
      expect(closedLate?.status).toBe('closed');
      expect(await closeDueDecisions(db)).toBe(0);
      await refused(
        closeDecision(db, n.actors.manager, n.networkId, m.id, late.id),
        409,
        'meetings.errors.alreadyClosed',
      );

      // Moderation: a manager adopts a text as decided, with a reason; a representative may not.
      await refused(adoptText(db, n.actors.repA, n.networkId, m.id, { title: 'x', text: 'y', reason: 'z' }), 403);
      const adopted = await adoptText(db, n.actors.manager, n.networkId, m.id, {
        title: 'Raumregeln',
        text: 'Wir teilen den Saal.',
        reason: 'Alle waren einverstanden',
      });
      expect(adopted).toMatchObject({ method: 'adopted', status: 'adopted', outcome: 'Alle waren einverstanden' });
      expect(await decidedText(m.id)).toContain('Wir teilen den Saal.');

      // An action item becomes A's commitment, linked to the meeting.
      const goal = await createGoal(db, n.actors.repA, n.networkId, { title: 'Flyer', organisationIds: [n.orgs.a] });
      await refused(
        addActionItem(db, n.actors.repA, n.networkId, m.id, {
          text: 'Druckerei fragen',
          organisationId: n.orgs.b,
          goalId: goal.id,
          unit: 'hours',
          amount: 2,
          dueOn: addDays(today(), 14),
        }),
        403,
        'meetings.errors.ownOrganisationOnly',
      );
      const item = await addActionItem(db, n.actors.repA, n.networkId, m.id, {
        text: 'Druckerei fragen',
        organisationId: n.orgs.a,
        goalId: goal.id,
        unit: 'hours',
        amount: 2,
        dueOn: addDays(today(), 14),
        commit: true,
      });
      expect(item.commitment).toMatchObject({
        organisationId: n.orgs.a,
        status: 'committed',
        note: 'Druckerei fragen',
      });

      await transitionMeeting(db, n.actors.manager, n.networkId, m.id, { action: 'end' });
      expect(await documentAccess(db, n.actors.repA, doc(m.id))).toBe('read');
      expect(await documentAccess(db, n.actors.manager, doc(m.id))).toBe('write'); // answers objections
      const page = await getMeeting(db, n.actors.repA, n.networkId, m.id);
      expect(page.actionItems).toHaveLength(1);
      expect(page.decisions).toHaveLength(3);
      const fa = page.facilitation.organisations.find((o) => o.organisationId === n.orgs.a)!;
      expect(fa).toMatchObject({ proposals: 1, voices: 1, actionItems: 1 });

      // Approval: C did not attend; B objects, then approves; A approves → published and locked.
      const b3 = await written();
      await refused(
        answerMinutes(db, n.actors.repC, n.networkId, m.id, { answer: 'approve' }),
        403,
        'meetings.errors.notAttended',
      );
      await refused(answerMinutes(db, n.actors.observer, n.networkId, m.id, { answer: 'approve' }), 403);
      expect(await written()).toEqual(b3);
      await answerMinutes(db, n.actors.repB, n.networkId, m.id, { answer: 'object', objection: 'Punkt 3 fehlt' });
      await answerMinutes(db, n.actors.repA, n.networkId, m.id, { answer: 'approve' });
      await refused(
        answerMinutes(db, n.actors.repA, n.networkId, m.id, { answer: 'approve' }),
        409,
        'meetings.errors.alreadyApproved',
      );
      const published = await answerMinutes(db, n.actors.repB, n.networkId, m.id, { answer: 'approve' });
      expect(published.status).toBe('published');
      for (const who of ['manager', 'repA', 'repB'] as const)
        expect(await documentAccess(db, n.actors[who], doc(m.id))).toBe('read');
      expect((await mintTicket(db, n.users.manager.id, { doc: m.doc })).access).toBe('read');
      // …and locked for good, in the same transaction as the last approval.
      const after = await db.all<{ part: string; ends_at: number | null }>(
        'SELECT part, ends_at FROM document_locks WHERE doc = ? AND unlocked_at IS NULL ORDER BY part',
        [m.doc],
      );
      expect(after).toEqual([
        { part: 'agenda', ends_at: null },
        { part: 'decisions', ends_at: null },
        { part: 'minutes', ends_at: null },
      ]);
      const kinds = (
        await db.all<{ kind: string }>('SELECT kind FROM activity WHERE subject_id = ? ORDER BY id', [m.id])
      ).map((r) => r.kind);
      expect(kinds).toEqual([
        'meeting.scheduled',
        'meeting.started',
        'meeting.attendance_recorded',
        'meeting.attendance_recorded',
        'meeting.ended',
        'meeting.minutes_objected',
        'meeting.minutes_approved',
        'meeting.minutes_approved',
        'meeting.published',
      ]);
    });

    it('an action item beyond the representative’s mandate waits for home approval (lib/mandates)', async () => {
      await createMandate(db, n.actors.homeA, n.networkId, {
        organisationId: n.orgs.a,
        validFrom: today(),
        limits: [{ unit: 'expertise_days', perCommitment: 1 }],
      });
      const m = await schedule();
      await transitionMeeting(db, n.actors.manager, n.networkId, m.id, { action: 'start' });
      const goal = await createGoal(db, n.actors.repA, n.networkId, { title: 'Beyond', organisationIds: [n.orgs.a] });
      const item = await addActionItem(db, n.actors.repA, n.networkId, m.id, {
        text: 'Drei Beratungstage',
        organisationId: n.orgs.a,
        goalId: goal.id,
        unit: 'expertise_days',
        amount: 3,
        dueOn: addDays(today(), 30),
        commit: true,
      });
      expect(item.commitment.status).toBe('awaiting_home_approval');
      const page = await getMeeting(db, n.actors.observer, n.networkId, m.id);
      expect(page.actionItems.map((i) => i.status)).toEqual(['awaiting_home_approval']);
    });

    it('a poll adopts its single most chosen option; a tie decides nothing', () => {
      const poll = { method: 'poll' as const, options: JSON.stringify(['A', 'B']) };
      expect(outcomeOf(poll, [{ choice: 'A' }, { choice: 'A' }, { choice: 'B' }])).toEqual({
        status: 'adopted',
        outcome: 'A',
      });
      expect(outcomeOf(poll, [{ choice: 'A' }, { choice: 'B' }])).toEqual({ status: 'closed', outcome: '' });
      expect(
        outcomeOf({ method: 'consent', options: '[]' }, [{ choice: 'consent' }, { choice: 'object' }]).status,
      ).toBe('rejected');
    });

    it('calendars: the meeting as .ics, the personal feed behind a secret that can be renewed', async () => {
      const m = await schedule({
        title:
          'Treffen; mit, Sonderzeichen\\ und einem sehr langen Titel, der über fünfundsiebzig Bytes hinausgeht – ganz sicher',
      });
      const ics = await meetingIcs(db, n.actors.observer, n.networkId, m.id, 'http://app.test', 'de');
      expect(ics.body).toContain('\r\n '); // the long title is folded
      for (const line of ics.body.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
      const cal = parseIcs(ics.body);
      const ev = cal.events[0];
      expect(ev.SUMMARY).toBe(m.title);
      expect(ev.UID).toBe(`meeting-${m.id}@netzwerkraum`);
      expect(ev.start).toBe(m.startsAt);
      expect(ev.LOCATION).toBe('Bücherei, Saal 2');
      await refused(meetingIcs(db, n.actors.outsider, n.networkId, m.id, 'http://app.test', 'en'), 404);

      expect((await feedStatus(db, n.users.repA.id)).active).toBe(false);
      const first = await renewFeed(db, n.users.repA.id);
      const feed = await readFeed(db, first.token, 'http://app.test');
      if (feed.revoked) throw new Error('revoked');
      const parsed = parseIcs(feed.body);
      expect(parsed.events.some((e) => e.UID === `meeting-${m.id}@netzwerkraum`)).toBe(true);
      expect(parsed.events.some((e) => e.UID.startsWith('commitment-'))).toBe(true);
      const second = await renewFeed(db, n.users.repA.id);
      expect(await readFeed(db, first.token, 'http://app.test')).toMatchObject({ revoked: true, locale: 'en' });
      expect((await readFeed(db, second.token, 'http://app.test')).revoked).toBe(false);
      await refused(readFeed(db, 'x'.repeat(43), 'http://app.test'), 404, 'meetings.errors.feedUnknown');
      await revokeFeed(db, n.users.repA.id);
      expect(await readFeed(db, second.token, 'http://app.test')).toMatchObject({ revoked: true });
      expect((await feedStatus(db, n.users.repA.id)).active).toBe(false);
    });
  });
}

meetingsContract('SQLite', freshSqlite);
describe.skipIf(!(await available('postgres')))('PostgreSQL', () => {
  meetingsContract('PostgreSQL', freshPostgres);
});
