import { createCommitment } from '../commitments/create-commitment';
import { transitionCommitment } from '../commitments/transition-commitment';
import { addDays, today } from '../core/dates';
import type { Db } from '../db/types';
import { createGoal } from '../goals/create-goal';
import { rateGoal } from '../goals/rate-goal';
import { recordEntry } from '../ledger/record-entry';
import { respondEntry } from '../ledger/respond-entry';
import { loadActor } from '../policies/load-actor';
import { saveGoalText } from '../goals/save-goal-text';
import { docText, docToYNodes, type DescNode } from '../goals/description-doc';
import * as Y from 'yjs';

/** The shared document's map of goal descriptions (as app/_components/cooperation/goal-text-doc.ts names it). */
const GOALS_ROOT = 'goals';

/** A believable description per goal, in German and English, as paragraphs of the shared text. */
const DESCRIPTIONS: Record<'reading' | 'guidance' | 'language', string[]> = {
  reading: [
    'Jeden zweiten Donnerstag öffnet die Bücherei von 16 bis 19 Uhr ein Lesecafé für Familien: Vorlesen in ' +
      'Deutsch, Türkisch, Arabisch und BKS, Hausaufgabenecke, Tee. Das Jugendzentrum bringt ältere Jugendliche ' +
      'als Lesepatinnen und -paten mit, die Beratungsstelle lädt Familien ein, die sie begleitet, die VHS stellt ' +
      'eine Kursleiterin für die Eltern-Runde.',
    'Every other Thursday, 4 to 7 pm, the library opens a reading café for families: reading aloud in German, ' +
      'Turkish, Arabic and BCS, a homework corner, tea. The youth centre brings older teenagers as reading ' +
      'buddies, the counselling centre invites the families it supports, and the adult school provides a tutor ' +
      "for the parents' circle.",
  ],
  guidance: [
    'Zwei Nachmittage im Monat berät die VHS im Jugendzentrum: Pflichtschulabschluss, Lehre, Deutschkurse. ' +
      'Die Jugendlichen kommen, weil sie den Ort und die Betreuerinnen kennen. Nach drei Monaten entscheiden ' +
      'wir: vertiefen, wiederholen oder beenden.',
    'Two afternoons a month the adult school gives guidance at the youth centre: school-leaving certificate, ' +
      'apprenticeships, German courses. Young people come because they know the place and the youth workers. ' +
      'After three months we decide: deepen, repeat or stop.',
  ],
  language: [
    'Ein Sprachtreff pro Woche an einem Ort statt drei verstreuter Angebote: Konversation mit Ehrenamtlichen ' +
      'in der Bücherei, Kursberatung der VHS vor Ort und eine Sprechstunde der Beratungsstelle für Fragen zu ' +
      'Aufenthalt und Arbeit.',
    'One language meet-up a week in one place instead of three scattered offers: conversation with volunteers ' +
      'at the library, course advice from the adult school on site, and an hour with the counselling centre for ' +
      'questions about residence and work.',
  ],
};

const paragraphs = (texts: string[]): DescNode[] =>
  texts.map((text) => ({ type: 'paragraph', content: [{ delta: [{ insert: text }] }] }));

/**
 * Gives the demo network a little life, so a first visitor sees what the
 * product is for: three shared goals, each with a description in German and
 * English (in the shared document the live editor shows, and as a kept
 * version) and ratings, give-and-take entries (some confirmed, one disputed)
 * and commitments (one delivered with evidence).
 *
 * Everything goes through the same commands people use, acting as the demo
 * representatives, so the data obeys every rule (who may record, who
 * confirms, evidence for delivery) and the activity log tells its story.
 */
export async function seedDemoCooperation(db: Db, networkId: string, now = Date.now()): Promise<void> {
  const people = await db.all<{ email: string; user_id: string; organisation_id: string | null }>(
    `SELECT u.email, m.user_id, m.organisation_id FROM memberships m JOIN users u ON u.id = m.user_id
      WHERE m.network_id = ?`,
    [networkId],
  );
  const who = async (email: string) => {
    const p = people.find((x) => x.email === email);
    if (!p) throw new Error(`demo person missing: ${email}`);
    return { actor: await loadActor(db, p.user_id, networkId), orgId: p.organisation_id as string };
  };
  const emre = await who('emre.yilmaz@example.org'); // youth centre
  const andrea = await who('andrea.novak@example.org'); // adult education centre
  const amira = await who('amira.haddad@example.org'); // counselling NGO
  const katharina = await who('katharina.leitner@example.org'); // library
  const day = today(now);

  const reading = await createGoal(db, katharina.actor, networkId, {
    title: 'Lesecafé für Familien / Family reading café',
    whyTogether:
      'Die Bücherei hat Räume und Bücher, das Jugendzentrum erreicht die Jugendlichen, die Beratung kennt die ' +
      'Familien, die VHS bringt Kursleiterinnen mit. Allein erreicht keine von uns diese Familien.',
    status: 'active',
    targetDate: addDays(day, 120),
    indicators: [{ label: 'Familien pro Monat / families a month', unit: '', target: 40, current: 12 }],
    organisationIds: [emre.orgId, amira.orgId, andrea.orgId],
  });
  const guidance = await createGoal(db, andrea.actor, networkId, {
    title: 'Bildungsberatung im Jugendzentrum / Learning guidance at the youth centre',
    whyTogether: 'Die VHS berät, das Jugendzentrum hat das Vertrauen der Jugendlichen.',
    status: 'pilot',
    // A pilot asks "deepen, repeat or stop?" on its review date: a few days ahead, so the demo shows it coming.
    reviewOn: addDays(day, 4),
    targetDate: addDays(day, 60),
    organisationIds: [emre.orgId],
  });
  const language = await createGoal(db, amira.actor, networkId, {
    title: 'Gemeinsamer Sprachtreff / A shared language meet-up',
    whyTogether: 'Sprachkurse, Räume und Beratung an einem Ort, statt an drei.',
    status: 'proposed',
    organisationIds: [katharina.orgId, andrea.orgId],
  });

  // Every goal has a description: in the shared document (what the live editor shows) and as its kept version.
  const shared = new Y.Doc();
  const goalsMap = shared.getMap<Y.XmlFragment>(GOALS_ROOT);
  const texts: [typeof reading, keyof typeof DESCRIPTIONS, typeof katharina][] = [
    [reading, 'reading', katharina],
    [guidance, 'guidance', andrea],
    [language, 'language', amira],
  ];
  for (const [goal, key] of texts) {
    const frag = new Y.XmlFragment();
    goalsMap.set(goal.id, frag);
    frag.insert(0, docToYNodes(paragraphs(DESCRIPTIONS[key])));
  }
  await db.run('INSERT INTO yjs_updates (doc, data, created_at) VALUES (?, ?, ?)', [
    `commons.${networkId}`,
    Buffer.from(Y.encodeStateAsUpdate(shared)),
    now,
  ]);
  for (const [goal, key, author] of texts) {
    const descriptionDoc = paragraphs(DESCRIPTIONS[key]);
    await saveGoalText(db, author.actor, networkId, goal.id, { description: docText(descriptionDoc), descriptionDoc });
  }

  // Ratings on all three goals; on the reading café three organisations, one of which sees it differently.
  await rateGoal(db, amira.actor, networkId, reading.id, {
    organisationId: amira.orgId,
    attractive: 5,
    concrete: 4,
    flexible: 5,
    comment: 'Unsere Familien fragen seit Langem danach. / Our families have been asking for this.',
  });
  await rateGoal(db, andrea.actor, networkId, guidance.id, {
    organisationId: andrea.orgId,
    attractive: 4,
    concrete: 4,
    flexible: 3,
    comment: 'Zwei Nachmittage sind machbar. / Two afternoons are feasible.',
  });
  await rateGoal(db, emre.actor, networkId, guidance.id, {
    organisationId: emre.orgId,
    attractive: 5,
    concrete: 3,
    flexible: 4,
    comment: 'Die Jugendlichen brauchen das dringend. / Our young people need this badly.',
  });
  await rateGoal(db, katharina.actor, networkId, language.id, {
    organisationId: katharina.orgId,
    attractive: 4,
    concrete: 2,
    flexible: 4,
    comment: 'Gute Idee, aber wer moderiert? / Good idea, but who hosts it?',
  });
  await rateGoal(db, andrea.actor, networkId, language.id, {
    organisationId: andrea.orgId,
    attractive: 3,
    concrete: 3,
    flexible: 3,
  });

  await rateGoal(db, katharina.actor, networkId, reading.id, {
    organisationId: katharina.orgId,
    attractive: 5,
    concrete: 4,
    flexible: 4,
    comment: 'Passt genau zu unserem Auftrag.',
  });
  await rateGoal(db, emre.actor, networkId, reading.id, {
    organisationId: emre.orgId,
    attractive: 4,
    concrete: 2,
    flexible: 3,
    comment: 'Schön, aber wer betreut die Jugendlichen am Abend?',
  });

  const rooms = await recordEntry(db, katharina.actor, networkId, {
    organisationId: katharina.orgId,
    kind: 'give',
    partnerOrganisationId: emre.orgId,
    unit: 'space',
    amount: 4,
    date: addDays(day, -20),
    description: 'Veranstaltungsraum an vier Abenden',
    goalId: reading.id,
  });
  await respondEntry(db, emre.actor, networkId, rooms.id, { response: 'confirm' });
  const hours = await recordEntry(db, andrea.actor, networkId, {
    organisationId: andrea.orgId,
    kind: 'give',
    partnerOrganisationId: emre.orgId,
    unit: 'hours',
    amount: 12,
    date: addDays(day, -10),
    description: 'Bildungsberatung, zwei Nachmittage',
    goalId: guidance.id,
  });
  await respondEntry(db, emre.actor, networkId, hours.id, { response: 'confirm' });
  const contacts = await recordEntry(db, amira.actor, networkId, {
    organisationId: amira.orgId,
    kind: 'share',
    partnerOrganisationId: katharina.orgId,
    unit: 'contacts',
    amount: 15,
    date: addDays(day, -5),
    description: 'Familien, die am Lesecafé interessiert sind',
    goalId: reading.id,
  });
  await respondEntry(db, katharina.actor, networkId, contacts.id, {
    response: 'dispute',
    comment: 'Wir haben bisher acht Kontakte bekommen, nicht fünfzehn.',
  });
  await recordEntry(db, emre.actor, networkId, {
    organisationId: emre.orgId,
    kind: 'give',
    partnerOrganisationId: andrea.orgId,
    unit: 'hours',
    amount: 3,
    date: addDays(day, -2),
    description: 'Jugendliche zur Kursinfo begleitet',
  });

  const commitment = await createCommitment(db, andrea.actor, networkId, {
    organisationId: andrea.orgId,
    goalId: guidance.id,
    unit: 'hours',
    amount: 12,
    dueOn: day,
    note: 'Zwei Beratungsnachmittage im Jugendzentrum',
    commit: true,
  });
  await transitionCommitment(db, andrea.actor, networkId, commitment.id, {
    action: 'deliver',
    evidenceEntryIds: [hours.id],
  });
  await createCommitment(db, emre.actor, networkId, {
    organisationId: emre.orgId,
    goalId: reading.id,
    unit: 'hours',
    amount: 8,
    dueOn: addDays(day, 30),
    note: 'Betreuung der Jugendlichen an den Lesecafé-Abenden',
    commit: true,
  });
}
