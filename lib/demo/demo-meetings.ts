import type { Db } from '../db/types';
import { addDays, today } from '../core/dates';
import { createComment } from '../comments/create-comment';
import { addActionItem } from '../meetings/add-action-item';
import { agendaSubjectId } from '../meetings/agenda-items';
import { adoptText } from '../meetings/adopt-text';
import { answerMinutes } from '../meetings/answer-minutes';
import { closeDecision } from '../meetings/close-decision';
import { writeMeetingText } from '../meetings/minutes';
import { proposeDecision } from '../meetings/propose-decision';
import { scheduleMeeting } from '../meetings/schedule-meeting';
import { transitionMeeting } from '../meetings/transition-meeting';
import { voteDecision } from '../meetings/vote-decision';
import { loadActor } from '../policies/load-actor';

/**
 * Meetings in the demo network: a past one with its agenda, minutes approved
 * and published (locked), two decisions (a consent after an objection was
 * withdrawn, and a text adopted by the manager) and an action item that
 * became a commitment; and an upcoming one with an agenda being prepared.
 *
 * Everything goes through the meeting commands, as people would do it. The
 * past meeting is held on the commands' clock set three weeks back (`held`),
 * so everything it leaves behind — the activity, the votes, the dates the
 * server writes into its decided part — carries the meeting's date, not the
 * day the demo was seeded.
 */
export async function seedDemoMeetings(db: Db, networkId: string, now = Date.now()): Promise<void> {
  const people = await db.all<{ email: string; user_id: string; organisation_id: string | null }>(
    `SELECT u.email, m.user_id, m.organisation_id FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.network_id = ?`,
    [networkId],
  );
  const who = async (email: string) => {
    const p = people.find((x) => x.email === email);
    if (!p) throw new Error(`demo person missing: ${email}`);
    return { actor: await loadActor(db, p.user_id, networkId), orgId: p.organisation_id as string };
  };
  const sabine = await who('sabine.hofer@example.org'); // manager
  const emre = await who('emre.yilmaz@example.org'); // youth centre
  const andrea = await who('andrea.novak@example.org'); // adult education centre
  const katharina = await who('katharina.leitner@example.org'); // library
  const goal = await db.get<{ id: string }>(
    "SELECT id FROM goals WHERE network_id = ? AND title LIKE 'Lesecafé%' ORDER BY created_at LIMIT 1",
    [networkId],
  );
  const day = today(now);

  // The past meeting, on the commands' clock (see above): scheduled a day ahead, held three weeks ago at
  // 17:00 (Vienna in winter) for two hours, the minutes approved the next day.
  const held = Date.parse(`${addDays(day, -21)}T16:00:00Z`);
  const at = (minutes: number) => held + minutes * 60_000;
  const past = await scheduleMeeting(
    db,
    sabine.actor,
    networkId,
    {
      title: 'Netzwerktreffen Herbst / Autumn network meeting',
      startsAt: new Date(held).toISOString(),
      durationMinutes: 120,
      place: 'Stadtbücherei, Veranstaltungsraum',
      onlineUrl: 'https://meet.example.org/bildungsnetz',
      organisationIds: [emre.orgId, andrea.orgId, katharina.orgId],
    },
    at(-24 * 60),
  );
  await writeMeetingText(db, past, 'agenda', [
    '1. Lesecafé: Termine im Winter / Reading café: winter dates',
    '2. Gemeinsamer Flyer / A shared flyer',
    '3. Raumregeln / House rules',
  ]);
  await transitionMeeting(db, sabine.actor, networkId, past.id, { action: 'start' }, at(0));
  for (const org of [emre.orgId, andrea.orgId, katharina.orgId])
    await transitionMeeting(
      db,
      sabine.actor,
      networkId,
      past.id,
      { action: 'attendance', organisationId: org, attended: true },
      at(0),
    );
  await writeMeetingText(db, past, 'minutes', [
    'Anwesend / Present: Jugendzentrum, VHS, Stadtbücherei.',
    'Lesecafé: jeden zweiten Donnerstag ab Jänner / every other Thursday from January.',
  ]);
  const flyer = await proposeDecision(
    db,
    katharina.actor,
    networkId,
    past.id,
    {
      agendaItem: '2. Gemeinsamer Flyer / A shared flyer',
      title: 'Wir drucken einen gemeinsamen Flyer / We print a shared flyer',
      body: '500 Stück, zweisprachig / 500 copies, bilingual.',
      method: 'consent',
      closesAt: new Date(at(90)).toISOString(),
    },
    at(20),
  );
  await voteDecision(
    db,
    andrea.actor,
    networkId,
    past.id,
    flyer.id,
    { action: 'object', objection: 'Wer zahlt den Druck? / Who pays for printing?' },
    at(30),
  );
  await voteDecision(db, andrea.actor, networkId, past.id, flyer.id, { action: 'withdrawObjection' }, at(35));
  await voteDecision(db, emre.actor, networkId, past.id, flyer.id, { action: 'consent' }, at(40));
  await voteDecision(db, katharina.actor, networkId, past.id, flyer.id, { action: 'consent' }, at(45));
  await closeDecision(db, sabine.actor, networkId, past.id, flyer.id, at(50));
  await adoptText(
    db,
    sabine.actor,
    networkId,
    past.id,
    {
      title: 'Raumregeln / House rules',
      text: 'Wer den Raum nutzt, räumt ihn bis 21 Uhr auf. / Whoever uses the room tidies it by 9 pm.',
      reason: 'Alle stimmten im Treffen zu / everyone agreed in the meeting',
    },
    at(60),
  );
  if (goal)
    await addActionItem(
      db,
      katharina.actor,
      networkId,
      past.id,
      {
        text: 'Druckerei anfragen / Ask the printer',
        organisationId: katharina.orgId,
        goalId: goal.id,
        unit: 'hours',
        amount: 2,
        dueOn: addDays(day, 10),
        commit: true,
      },
      at(70),
    );
  await transitionMeeting(db, sabine.actor, networkId, past.id, { action: 'end' }, at(120));
  for (const p of [emre, andrea, katharina])
    await answerMinutes(db, p.actor, networkId, past.id, { answer: 'approve' }, at(24 * 60));

  // The upcoming meeting, its agenda being prepared.
  const upcoming = await scheduleMeeting(
    db,
    sabine.actor,
    networkId,
    {
      title: 'Netzwerktreffen Winter / Winter network meeting',
      startsAt: `${addDays(day, 9)}T17:00`,
      durationMinutes: 90,
      place: 'Jugendzentrum, großer Saal',
      organisationIds: [emre.orgId, andrea.orgId, katharina.orgId],
    },
    now,
  );
  const [, languageMeetUp] = await writeMeetingText(db, upcoming, 'agenda', [
    '1. Rückblick Lesecafé / Looking back at the reading café',
    '2. Sprachtreff: wer macht mit? / Language meet-up: who joins?',
  ]);

  // The agenda item is discussed before the meeting, in both languages (mention mails taken out: nobody reads example.org).
  const lena = await who('lena.bauer@example.org'); // youth centre, English
  const andreaName = (await db.get<{ name: string }>('SELECT name FROM users WHERE id = ?', [andrea.actor.userId]))
    ?.name;
  const subjectId = agendaSubjectId(upcoming.id, languageMeetUp);
  const comments = [
    await createComment(db, andrea.actor, networkId, {
      subjectType: 'agenda_item',
      subjectId,
      body: 'Die VHS kann **Kursraum 3** am Dienstagabend zur Verfügung stellen, 18–20 Uhr. Wir bräuchten aus jeder Organisation eine Person, die mitmoderiert.',
    }),
    await createComment(db, lena.actor, networkId, {
      subjectType: 'agenda_item',
      subjectId,
      body: `The youth centre can join every other Tuesday. @[${andreaName ?? 'Andrea Novak'}](${andrea.actor.userId}) could we start in February? That leaves time for posters in the park and at school.`,
    }),
  ];
  for (const c of comments) await db.run('DELETE FROM jobs WHERE idempotency_key LIKE ?', [`mail:mention:${c.id}:%`]);
}
