import { addDays, today } from '../core/dates';
import type { Db } from '../db/types';
import { setManagementMandate } from '../management/set-management-mandate';
import { loadActor } from '../policies/load-actor';
import { answerReadinessCheck } from '../readiness/answer-check';
import type { QuestionId } from '../readiness/questions';
import { shareReadinessCheck } from '../readiness/share-check';

const DAY = 86_400_000;
type Scores = Record<QuestionId, [number, string]>;
const answers = (s: Scores) =>
  (Object.entries(s) as [QuestionId, [number, string]][]).map(([question, [score, note]]) => ({
    question,
    score,
    note,
  }));

/**
 * The demo's Netzwerk-Checks and management mandate, so the readiness page,
 * its trend, the report for the home board and the mandate's warning show
 * believable content on a first visit:
 * - the youth centre answered the check in spring (long decision paths, a
 *   hierarchical board: "invest with care" bordering on "against") and again
 *   now (paths shortened by a mandate for the representatives);
 * - the adult education centre answered once and shares its summary;
 * - the steering group gave the network management a mandate, extended once,
 *   that ends in three weeks (the overview warns).
 * Everything through the product's own commands.
 */
export async function seedDemoReadiness(db: Db, networkId: string, now = Date.now()): Promise<void> {
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
  const markus = await who('markus.steiner@example.org'); // youth centre, home member
  const emre = await who('emre.yilmaz@example.org'); // youth centre, representative
  const petra = await who('petra.wimmer@example.org'); // adult education centre, home member
  const sabine = await who('sabine.hofer@example.org'); // network manager
  const andrea = await who('andrea.novak@example.org'); // adult education centre, representative
  const day = today(now);

  // One organisation's answers to the check, `daysAgo` days ago, by one of its people.
  const answerCheck = (by: Awaited<ReturnType<typeof who>>, daysAgo: number, scores: Scores) =>
    answerReadinessCheck(
      db,
      by.actor,
      networkId,
      by.orgId,
      { answeredOn: addDays(day, -daysAgo), answers: answers(scores) },
      now - daysAgo * DAY,
    );

  await answerCheck(markus, 150, {
    alone: [1, 'Die Jugendlichen am Abend erreichen wir allein nicht.'],
    occasional: [3, 'Für Räume brauchen wir die Bücherei nur ab und zu.'],
    selfInterest: [2, ''],
    longPaths: [5, 'Jede Zusage über 20 Stunden muss in den Vorstand, der tagt alle zwei Monate.'],
    hierarchy: [4, 'Die Geschäftsführung entscheidet fast alles selbst.'],
    direction: [2, ''],
    noTime: [4, 'Zwei Teilzeitstellen, Sommerbetrieb: kaum Luft für Netzwerktreffen.'],
  });
  await answerCheck(emre, 0, {
    alone: [1, ''],
    occasional: [2, 'Das Lesecafé läuft jede Woche: wir brauchen die anderen laufend.'],
    selfInterest: [1, ''],
    longPaths: [3, 'Seit dem Mandat bis 40 Stunden im Monat entscheiden wir das meiste selbst.'],
    hierarchy: [3, 'Der Vorstand lässt uns mehr Raum als im Frühjahr.'],
    direction: [2, ''],
    noTime: [4, 'Die Zeit bleibt knapp; wir gehen nur zu jedem zweiten Treffen.'],
  });
  const vhs = await answerCheck(petra, 20, {
    alone: [2, 'Kurse können wir allein, Familien erreichen nicht.'],
    occasional: [2, ''],
    selfInterest: [1, ''],
    longPaths: [2, 'Die Direktorin entscheidet innerhalb einer Woche.'],
    hierarchy: [2, ''],
    direction: [3, 'Die Richtung für Bildungsberatung steht; der Weg dorthin nicht.'],
    noTime: [2, ''],
  });
  await shareReadinessCheck(db, andrea.actor, networkId, petra.orgId, vhs.id, { shared: true }, now - 19 * DAY);

  const mandate = {
    givenBy: 'Steuerungsgruppe der vier Partner (Beschluss im Jänner) / the partners’ steering group',
    authority:
      'Termine und Tagesordnungen festlegen, Ausgaben bis 500 EUR je Anlass, Partner zu Gesprächen einladen. ' +
      'Neue Mitglieder und Ausgaben darüber entscheidet die Steuerungsgruppe.',
    tasks: [
      'Netzwerktreffen vorbereiten und moderieren',
      'Protokolle und Entscheidungen festhalten',
      'Geben und Nehmen und die Zusagen im Blick behalten',
      'Förderanträge koordinieren',
    ],
    validFrom: addDays(day, -340),
    note: '',
  };
  // One version of the mandate, set `daysAgo` days ago.
  const mandateVersion = (
    daysAgo: number,
    version: { hours: number; euros: number; validUntil: string; note?: string },
  ) =>
    setManagementMandate(
      db,
      sabine.actor,
      networkId,
      {
        ...mandate,
        resources: [
          { unit: 'hours', amount: version.hours, per: 'month' },
          { unit: 'money_eur', amount: version.euros, per: 'year' },
        ],
        validUntil: version.validUntil,
        note: version.note ?? '',
      },
      now - daysAgo * DAY,
    );
  await mandateVersion(340, { hours: 15, euros: 6000, validUntil: addDays(day, -160) });
  await mandateVersion(170, {
    hours: 20,
    euros: 8000,
    validUntil: addDays(day, 21),
    note: 'Verlängert und aufgestockt nach der Halbjahresbilanz.',
  });
}
