import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Db } from '@/lib/db';
import { addDays, today } from '@/lib/core/dates';
import { createComment, deleteComment, editComment, hideComment, listComments, restoreComment } from '@/lib/comments';
import { createGoal } from '@/lib/goals/create-goal';
import { addActionItem } from '@/lib/meetings/add-action-item';
import { agendaSubjectId } from '@/lib/meetings/agenda-items';
import { forMeCount, getForMe } from '@/lib/for-me/get-for-me';
import { getMeeting } from '@/lib/meetings/get-meeting';
import { writeMeetingText } from '@/lib/meetings/minutes';
import { scheduleMeeting } from '@/lib/meetings/schedule-meeting';
import { transitionMeeting } from '@/lib/meetings/transition-meeting';
import { writeDocument } from '@/lib/realtime/server-write';
import { seedNetwork, type SeededNetwork } from '@/tests/helpers/seed-network';
import { available, freshPostgres, freshSqlite } from '../helpers/services';
import { refused } from './refused';

type Fresh = Db & { drop(): Promise<void> };

const count = async (db: Db, sql: string, params: string[] = []) =>
  Number((await db.get<{ c: number }>(`SELECT COUNT(*) AS c FROM ${sql}`, params))?.c);

/**
 * Comments on a meeting's agenda items, on both databases: the item is found
 * in the meeting's stored document (lib/meetings/agenda-comments.ts); strangers,
 * items of another meeting or network, and ids that are not on the agenda get
 * 404 with nothing written; hidden comments are seen only by managers and the
 * author; a mention of someone outside the network notifies no one; an item
 * removed from the agenda keeps its comments reachable; the facilitation
 * figures count comments per organisation of the author.
 */
function agendaCommentsContract(name: string, open: () => Promise<Fresh>) {
  describe(`comments on agenda items on ${name}`, () => {
    let db: Fresh;
    let n: SeededNetwork;
    let other: SeededNetwork;
    let meetingId: string;
    let items: string[];
    let otherMeetingId: string;
    let otherItems: string[];
    const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();
    const subject = (itemId: string, mId = meetingId) => agendaSubjectId(mId, itemId);
    const written = () =>
      Promise.all([
        count(db, 'comments'),
        count(db, 'notifications'),
        count(db, 'activity'),
        count(db, 'meeting_agenda_items'),
      ]);

    beforeAll(async () => {
      db = await open();
      n = await seedNetwork(db);
      other = await seedNetwork(db);
      const m = await scheduleMeeting(db, n.actors.manager, n.networkId, {
        title: 'Netzwerktreffen Jänner',
        startsAt: inAnHour(),
        place: 'Bücherei',
        organisationIds: [n.orgs.a, n.orgs.b],
      });
      meetingId = m.id;
      items = await writeMeetingText(
        db,
        { id: m.id, networkId: n.networkId, createdBy: n.users.manager.id },
        'agenda',
        ['1. Lesecafé im Winter', '2. Gemeinsamer Flyer', '3. Raumregeln'],
      );
      const o = await scheduleMeeting(db, other.actors.manager, other.networkId, {
        title: 'Other network meeting',
        startsAt: inAnHour(),
        place: 'Elsewhere',
        organisationIds: [other.orgs.a],
      });
      otherMeetingId = o.id;
      otherItems = await writeMeetingText(
        db,
        { id: o.id, networkId: other.networkId, createdBy: other.users.manager.id },
        'agenda',
        ['Secret budget line'],
      );
    });
    afterAll(async () => {
      await db?.drop();
    });

    it('a representative comments on an agenda item; the row links to the meeting at the item', async () => {
      const c = await createComment(db, n.actors.repA, n.networkId, {
        subjectType: 'agenda_item',
        subjectId: subject(items[0]),
        body: 'Wir können **jeden zweiten Donnerstag**.',
      });
      expect(c).toMatchObject({ subjectType: 'agenda_item', authorId: n.users.repA.id, hidden: false });
      const listed = await listComments(db, n.actors.repB, n.networkId, 'agenda_item', subject(items[0]));
      expect(listed.comments.map((x) => x.id)).toEqual([c.id]);
      const row = await db.get<{ data: string }>(
        "SELECT data FROM activity WHERE network_id = ? AND kind = 'comment.created' ORDER BY id DESC LIMIT 1",
        [n.networkId],
      );
      expect(JSON.parse(row!.data)).toMatchObject({
        subjectType: 'agenda_item',
        path: `/meetings/${meetingId}?item=${items[0]}`,
        title: '1. Lesecafé im Winter',
      });
      // The item's words are remembered for the meeting (so its comments outlive its removal).
      expect(
        await db.get('SELECT title FROM meeting_agenda_items WHERE meeting_id = ? AND item_id = ?', [
          meetingId,
          items[0],
        ]),
      ).toEqual({ title: '1. Lesecafé im Winter' });
    });

    it('strangers, items of another network or meeting and ids not on the agenda get 404; nothing is written', async () => {
      const before = await written();
      const body = { subjectType: 'agenda_item', body: 'x' };
      // Not a member of this network.
      await refused(createComment(db, n.actors.outsider, n.networkId, { ...body, subjectId: subject(items[0]) }), 404);
      await refused(listComments(db, n.actors.outsider, n.networkId, 'agenda_item', subject(items[0])), 404);
      // A member of the other network asking through its own network for ours.
      await refused(
        createComment(db, other.actors.repA, other.networkId, { ...body, subjectId: subject(items[0]) }),
        404,
        'followUp.errors.subjectNotFound',
      );
      // The other network's item, asked for in this network (the meeting is not ours).
      await refused(
        createComment(db, n.actors.repA, n.networkId, {
          ...body,
          subjectId: subject(otherItems[0], otherMeetingId),
        }),
        404,
        'followUp.errors.subjectNotFound',
      );
      await refused(
        listComments(db, n.actors.manager, n.networkId, 'agenda_item', subject(otherItems[0], otherMeetingId)),
        404,
      );
      // Our meeting with the other meeting's item id: not on our agenda.
      await refused(createComment(db, n.actors.repA, n.networkId, { ...body, subjectId: subject(otherItems[0]) }), 404);
      // Malformed subjects.
      for (const subjectId of [
        items[0],
        meetingId,
        `${meetingId}:`,
        `${meetingId}:x`,
        `${meetingId}:agenda item`,
        `${meetingId.toUpperCase()}:${items[0]}`,
      ])
        await refused(createComment(db, n.actors.repA, n.networkId, { ...body, subjectId }), 404);
      // Longer than any subject id: refused as bad input (400), before anything is looked up.
      await refused(
        createComment(db, n.actors.repA, n.networkId, { ...body, subjectId: `${meetingId}:${'a'.repeat(64)}` }),
        400,
      );
      // Observers read but do not write.
      await refused(createComment(db, n.actors.observer, n.networkId, { ...body, subjectId: subject(items[0]) }), 403);
      expect(
        (await listComments(db, n.actors.observer, n.networkId, 'agenda_item', subject(items[0]))).comments.length,
      ).toBeGreaterThan(0);
      expect(await written()).toEqual(before);
    });

    it('a hidden comment is gone for representatives and shown, marked, to managers and its author; restorable', async () => {
      const c = await createComment(db, n.actors.repB, n.networkId, {
        subjectType: 'agenda_item',
        subjectId: subject(items[1]),
        body: 'Der Flyer ist Geldverschwendung, typisch VHS.',
      });
      await refused(hideComment(db, n.actors.repA, n.networkId, c.id, { reason: 'Ton' }), 403);
      await refused(hideComment(db, n.actors.manager, n.networkId, c.id, { reason: 'x' }), 400);
      const hidden = await hideComment(db, n.actors.manager, n.networkId, c.id, {
        reason: 'Persönlicher Angriff; bitte sachlich bleiben',
      });
      expect(hidden.hidden).toBe(true);
      const forRep = await listComments(db, n.actors.repA, n.networkId, 'agenda_item', subject(items[1]));
      expect(forRep.comments.map((x) => x.id)).not.toContain(c.id);
      for (const who of [n.actors.manager, n.actors.repB]) {
        const seen = (await listComments(db, who, n.networkId, 'agenda_item', subject(items[1]))).comments.find(
          (x) => x.id === c.id,
        );
        expect(seen).toMatchObject({
          hidden: true,
          hiding: { byId: n.users.manager.id, reason: 'Persönlicher Angriff; bitte sachlich bleiben' },
        });
      }
      // The meeting page's counts follow what each person sees.
      expect((await getMeeting(db, n.actors.repA, n.networkId, meetingId)).agendaComments.counts[items[1]] ?? 0).toBe(
        0,
      );
      expect((await getMeeting(db, n.actors.manager, n.networkId, meetingId)).agendaComments.counts[items[1]]).toBe(1);
      // Nobody edits it while hidden (the author neither); the audit log has the act with who and why.
      await refused(editComment(db, n.actors.repB, n.networkId, c.id, { body: 'anders' }), 409);
      const audit = await db.get<{ actor_id: string; data: string }>(
        "SELECT actor_id, data FROM activity WHERE network_id = ? AND kind = 'comment.hidden' ORDER BY id DESC LIMIT 1",
        [n.networkId],
      );
      expect(audit!.actor_id).toBe(n.users.manager.id);
      expect(JSON.parse(audit!.data)).toMatchObject({
        subjectType: 'agenda_item',
        reason: 'Persönlicher Angriff; bitte sachlich bleiben',
      });
      expect(audit!.data).not.toContain('Geldverschwendung');
      await restoreComment(db, n.actors.manager, n.networkId, c.id);
      expect(
        (await listComments(db, n.actors.repA, n.networkId, 'agenda_item', subject(items[1]))).comments.map(
          (x) => x.id,
        ),
      ).toContain(c.id);
    });

    it('a mention of someone outside the network notifies no one; one of a member does, linked to the item', async () => {
      const before = await count(db, 'notifications');
      const c = await createComment(db, n.actors.repA, n.networkId, {
        subjectType: 'agenda_item',
        subjectId: subject(items[2]),
        body: `@[Outsider](${n.users.outsider.id}) @[Other](${other.users.repA.id}) bitte schaut euch das an`,
      });
      expect(await count(db, 'notifications')).toBe(before);
      expect(await count(db, 'comment_mentions WHERE comment_id = ?', [c.id])).toBe(0);
      const d = await createComment(db, n.actors.repA, n.networkId, {
        subjectType: 'agenda_item',
        subjectId: subject(items[2]),
        body: `@[B](${n.users.repB.id}) bringst du die Hausordnung mit?`,
      });
      const note = await db.get<{ href: string; subject_type: string }>(
        "SELECT href, subject_type FROM notifications WHERE comment_id = ? AND user_id = ? AND kind = 'mention'",
        [d.id, n.users.repB.id],
      );
      expect(note).toEqual({
        href: `/networks/${n.networkId}/meetings/${meetingId}?item=${items[2]}#comment-${d.id}`,
        subject_type: 'agenda_item',
      });
      expect(await count(db, 'notifications')).toBe(before + 1);
      // B finds it in "for me" (and the bell counts it), linked to the item's comment; "what changed" has the comment.
      const forB = await getForMe(db, n.actors.repB, n.networkId);
      const mention = forB.needsMe.find((i) => i.source === 'mention');
      expect(mention?.href).toBe(`/networks/${n.networkId}/meetings/${meetingId}?item=${items[2]}#comment-${d.id}`);
      expect(await forMeCount(db, n.actors.repB, n.networkId)).toBeGreaterThanOrEqual(1);
      expect(forB.changes.groups.flatMap((g) => g.items).some((i) => i.kind === 'comment.created')).toBe(true);
    });

    it('an item removed from the agenda keeps its comments, reachable under its last words', async () => {
      const doc = `meeting.${n.networkId}.${meetingId}`;
      // Its words change first: the item is the same (its id stays).
      await writeDocument(
        doc,
        (d) => {
          const first = d.getXmlFragment('agenda').get(0) as Y.XmlElement;
          (first.get(0) as Y.XmlText).insert(first.get(0).length, ' und Frühling');
        },
        { actorId: n.users.manager.id, networkId: n.networkId, reason: 'test' },
        { db },
      );
      const listed = await listComments(db, n.actors.repB, n.networkId, 'agenda_item', subject(items[0]));
      expect(listed.comments.length).toBe(1);
      await writeDocument(
        doc,
        (d) => d.getXmlFragment('agenda').delete(0, 1),
        { actorId: n.users.manager.id, networkId: n.networkId, reason: 'test' },
        { db },
      );
      const page = await getMeeting(db, n.actors.repB, n.networkId, meetingId);
      expect(page.agendaComments.removed).toEqual([
        { itemId: items[0], title: '1. Lesecafé im Winter und Frühling', comments: 1 },
      ]);
      expect(
        (await listComments(db, n.actors.repB, n.networkId, 'agenda_item', subject(items[0]))).comments.length,
      ).toBe(1);
      // Never commented and gone: not found.
      await writeDocument(
        doc,
        (d) => {
          const p = new Y.XmlElement('paragraph');
          p.setAttribute('itemId', 'neverCommented1');
          const t = new Y.XmlText();
          t.insert(0, 'Kurz da');
          p.insert(0, [t]);
          d.getXmlFragment('agenda').push([p]);
        },
        { actorId: n.users.manager.id, networkId: n.networkId, reason: 'test' },
        { db },
      );
      const agenda = await getMeeting(db, n.actors.repB, n.networkId, meetingId);
      expect(agenda.agendaComments.removed.map((r) => r.itemId)).toEqual([items[0]]);
      await writeDocument(
        doc,
        (d) => d.getXmlFragment('agenda').delete(d.getXmlFragment('agenda').length - 1, 1),
        { actorId: n.users.manager.id, networkId: n.networkId, reason: 'test' },
        { db },
      );
      await refused(listComments(db, n.actors.repB, n.networkId, 'agenda_item', subject('neverCommented1')), 404);
    });

    it('items are told apart by their id: in a list, a copy with the same id, an id that is not well-formed', async () => {
      const doc = `meeting.${n.networkId}.${meetingId}`;
      await writeDocument(
        doc,
        (d) => {
          const para = (id: string | null, text: string) => {
            const p = new Y.XmlElement('paragraph');
            if (id) p.setAttribute('itemId', id);
            const t = new Y.XmlText();
            t.insert(0, text);
            p.insert(0, [t]);
            return p;
          };
          const list = new Y.XmlElement('bullet_list');
          const li = new Y.XmlElement('list_item');
          li.insert(0, [para('listItem0001', 'Punkt in der Liste')]);
          list.insert(0, [li]);
          d.getXmlFragment('agenda').push([list, para('listItem0001', 'Kopie'), para('bad id!', 'Kaputt')]);
        },
        { actorId: n.users.manager.id, networkId: n.networkId, reason: 'test' },
        { db },
      );
      await createComment(db, n.actors.repA, n.networkId, {
        subjectType: 'agenda_item',
        subjectId: subject('listItem0001'),
        body: 'Zum Listenpunkt',
      });
      expect(
        await db.get('SELECT title FROM meeting_agenda_items WHERE meeting_id = ? AND item_id = ?', [
          meetingId,
          'listItem0001',
        ]),
      ).toEqual({ title: 'Punkt in der Liste' });
      await refused(
        createComment(db, n.actors.repA, n.networkId, {
          subjectType: 'agenda_item',
          subjectId: `${meetingId}:bad id!`,
          body: 'x',
        }),
        404,
      );
    });

    it('facilitation counts the comments per organisation of their author (deleted ones not, managers not)', async () => {
      const fresh = await scheduleMeeting(db, n.actors.manager, n.networkId, {
        title: 'Moderationstest',
        startsAt: inAnHour(),
        place: 'Saal',
        organisationIds: [n.orgs.a, n.orgs.b, n.orgs.c],
      });
      const [one, two] = await writeMeetingText(
        db,
        { id: fresh.id, networkId: n.networkId, createdBy: n.users.manager.id },
        'agenda',
        ['Punkt eins', 'Punkt zwei'],
      );
      const say = (actor: SeededNetwork['actors'][keyof SeededNetwork['actors']], itemId: string, body: string) =>
        createComment(db, actor, n.networkId, {
          subjectType: 'agenda_item',
          subjectId: agendaSubjectId(fresh.id, itemId),
          body,
        });
      await say(n.actors.repA, one, 'A eins');
      await say(n.actors.repA, two, 'A zwei');
      await say(n.actors.homeA, two, 'A (Heimorganisation) drei');
      await say(n.actors.repB, one, 'B eins');
      const withdrawn = await say(n.actors.repB, two, 'B zurückgezogen');
      await deleteComment(db, n.actors.repB, n.networkId, withdrawn.id);
      await say(n.actors.manager, one, 'Managerin');
      // A comment on the commitment an action item became counts too.
      await transitionMeeting(db, n.actors.manager, n.networkId, fresh.id, { action: 'start' });
      const goal = await createGoal(db, n.actors.repC, n.networkId, { title: 'Flyer', organisationIds: [n.orgs.c] });
      const action = await addActionItem(db, n.actors.repC, n.networkId, fresh.id, {
        text: 'Druckerei anfragen',
        organisationId: n.orgs.c,
        goalId: goal.id,
        unit: 'hours',
        amount: 2,
        dueOn: addDays(today(), 10),
        commit: true,
      });
      await createComment(db, n.actors.repC, n.networkId, {
        subjectType: 'commitment',
        subjectId: action.actionItem.commitmentId,
        body: 'Angebot kommt Montag',
      });
      const page = await getMeeting(db, n.actors.manager, n.networkId, fresh.id);
      const by = Object.fromEntries(page.facilitation.organisations.map((o) => [o.organisationId, o]));
      expect([by[n.orgs.a].comments, by[n.orgs.b].comments, by[n.orgs.c].comments]).toEqual([3, 1, 1]);
      expect(by[n.orgs.a].shares.comments).toBeCloseTo(3 / 5);
      expect(by[n.orgs.b].shares.comments).toBeCloseTo(1 / 5);
    });
  });
}

agendaCommentsContract('SQLite', freshSqlite);
describe.skipIf(!(await available('postgres')))('PostgreSQL', () => {
  agendaCommentsContract('PostgreSQL', freshPostgres);
});
