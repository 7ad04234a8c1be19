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
 * Everything goes through the meeting commands, as people would do it. Only
 * the past meeting's time is then moved back three weeks (the commands refuse
 * scheduling in the past, as they should), the way time would have passed.
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

  // The past meeting, held and approved.
  const past = await scheduleMeeting(
    db,
    sabine.actor,
    networkId,
    {
      title: 'Netzwerktreffen Herbst / Autumn network meeting',
      startsAt: new Date(now + 3_600_000).toISOString(),
      durationMinutes: 120,
      place: 'Stadtbücherei, Veranstaltungsraum',
      onlineUrl: 'https://meet.example.org/bildungsnetz',
      organisationIds: [emre.orgId, andrea.orgId, katharina.orgId],
    },
    now,
  );
  await writeMeetingText(db, past, 'agenda', [
    '1. Lesecafé: Termine im Winter / Reading café: winter dates',
    '2. Gemeinsamer Flyer / A shared flyer',
    '3. Raumregeln / House rules',
  ]);
  await transitionMeeting(db, sabine.actor, networkId, past.id, { action: 'start' }, now);
  for (const org of [emre.orgId, andrea.orgId, katharina.orgId])
    await transitionMeeting(
      db,
      sabine.actor,
      networkId,
      past.id,
      { action: 'attendance', organisationId: org, attended: true },
      now,
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
      closesAt: new Date(now + 2 * 3_600_000).toISOString(),
    },
    now,
  );
  await voteDecision(
    db,
    andrea.actor,
    networkId,
    past.id,
    flyer.id,
    { action: 'object', objection: 'Wer zahlt den Druck? / Who pays for printing?' },
    now,
  );
  await voteDecision(db, andrea.actor, networkId, past.id, flyer.id, { action: 'withdrawObjection' }, now);
  await voteDecision(db, emre.actor, networkId, past.id, flyer.id, { action: 'consent' }, now);
  await voteDecision(db, katharina.actor, networkId, past.id, flyer.id, { action: 'consent' }, now);
  await closeDecision(db, sabine.actor, networkId, past.id, flyer.id, now);
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
    now,
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
      now,
    );
  await transitionMeeting(db, sabine.actor, networkId, past.id, { action: 'end' }, now);
  for (const p of [emre, andrea, katharina])
    await answerMinutes(db, p.actor, networkId, past.id, { answer: 'approve' }, now);
  // Three weeks ago, as time would have it.
  const shift = 21 * 86_400_000 + 3_600_000;
  await db.run(
    `UPDATE meetings SET starts_at = starts_at - ?, ends_at = ends_at - ?, started_at = started_at - ?, ended_at = ended_at - ?,
       published_at = published_at - ?, created_at = created_at - ? WHERE id = ?`,
    [shift, shift, shift, shift, shift, shift + 86_400_000, past.id],
  );
  await db.run(
    'UPDATE decisions SET closes_at = closes_at - ?, created_at = created_at - ?, closed_at = closed_at - ? WHERE meeting_id = ?',
    [shift, shift, shift, past.id],
  );

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
