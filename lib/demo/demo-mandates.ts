import { createCommitment } from '../commitments/create-commitment';
import { recordEntry } from '../ledger/record-entry';
import { addDays, today } from '../core/dates';
import type { Db } from '../db/types';
import { decideHomeApproval } from '../mandates/decide-home-approval';
import { setApprovalDays } from '../mandates/set-approval-days';
import { setCapacity } from '../mandates/set-capacity';
import { createMandate } from '../mandates/set-mandate';
import { loadActor } from '../policies/load-actor';

const HOUR = 3_600_000;

/**
 * Mandates, capacity and home approvals for the demo network (after its
 * goals and commitments): the youth centre, the adult education centre and
 * the library give their representatives room to decide; one commitment
 * waits for home, three were decided (one declined), and one gift in the
 * ledger waits for the library's home (its mandate covers gifts), so "Home
 * and network" and the decision paths have something true to show.
 *
 * Through the same commands people use; only the times of the requests and
 * decisions are moved into the past afterwards, as if they had happened then.
 */
export async function seedDemoMandates(db: Db, networkId: string, now = Date.now()): Promise<void> {
  const people = await db.all<{ email: string; user_id: string; organisation_id: string | null }>(
    `SELECT u.email, m.user_id, m.organisation_id FROM memberships m JOIN users u ON u.id = m.user_id
      WHERE m.network_id = ?`,
    [networkId],
  );
  const who = async (email: string) => {
    const p = people.find((x) => x.email === email);
    if (!p) throw new Error(`demo person missing: ${email}`);
    return { id: p.user_id, actor: await loadActor(db, p.user_id, networkId), orgId: p.organisation_id as string };
  };
  const goal = async (prefix: string) => {
    const g = await db.get<{ id: string }>('SELECT id FROM goals WHERE network_id = ? AND title LIKE ?', [
      networkId,
      `${prefix}%`,
    ]);
    if (!g) throw new Error(`demo goal missing: ${prefix}`);
    return g.id;
  };
  const sabine = await who('sabine.hofer@example.org'); // manager
  const emre = await who('emre.yilmaz@example.org'); // youth centre
  const lena = await who('lena.bauer@example.org'); // youth centre
  const markus = await who('markus.steiner@example.org'); // youth centre, home
  const andrea = await who('andrea.novak@example.org'); // adult education centre
  const petra = await who('petra.wimmer@example.org'); // adult education centre, home
  const katharina = await who('katharina.leitner@example.org'); // library
  const julia = await who('julia.pichler@example.org'); // library, home
  const reading = await goal('Lesecafé');
  const guidance = await goal('Bildungsberatung');
  const day = today(now);

  await setApprovalDays(db, sabine.actor, networkId, { approvalDays: 7 });

  await createMandate(db, markus.actor, networkId, {
    organisationId: markus.orgId,
    validFrom: addDays(day, -30),
    validUntil: addDays(day, 150),
    limits: [
      { unit: 'hours', perCommitment: 10, perPeriod: 30, period: 'month' },
      { unit: 'money_eur', perCommitment: 200, perPeriod: 500, period: 'quarter' },
      { unit: 'space', perCommitment: 4, perPeriod: 8, period: 'month' },
    ],
    scopeNote:
      'Betreuung und Begleitung der Jugendlichen, Räume am Abend. Geld nur für Material, nie für Personal. / ' +
      'Supervision and accompanying young people, rooms in the evening. Money only for materials, never for staff.',
  });
  await createMandate(db, petra.actor, networkId, {
    organisationId: petra.orgId,
    representativeId: andrea.id,
    validFrom: addDays(day, -60),
    validUntil: addDays(day, 300),
    limits: [
      { unit: 'hours', perCommitment: 20, perPeriod: 40, period: 'month' },
      { unit: 'expertise_days', perCommitment: 1, perPeriod: 3, period: 'quarter' },
    ],
    goalIds: [guidance, reading],
    scopeNote: 'Kursleitung und Beratung für die beiden Ziele, die der Vorstand beschlossen hat.',
    disclosure: 'limits',
  });
  await createMandate(db, julia.actor, networkId, {
    organisationId: julia.orgId,
    validFrom: addDays(day, -10),
    validUntil: addDays(day, 80),
    limits: [
      { unit: 'space', perCommitment: 6, perPeriod: 12, period: 'month' },
      { unit: 'hours', perCommitment: 5, perPeriod: 15, period: 'month' },
    ],
    goalIds: [reading],
    scopeNote:
      'Bis zur Budgetklausur im Frühjahr: nur das Lesecafé, auch für Leistungen in Geben und Nehmen. / ' +
      'Until the budget meeting in spring: only the reading café, gifts in the ledger included.',
    coversGifts: true,
  });

  await setCapacity(db, markus.actor, networkId, {
    organisationId: markus.orgId,
    unit: 'hours',
    period: 'month',
    amount: 40,
    note: 'Zwei Jugendarbeiter*innen je fünf Stunden die Woche',
  });
  await setCapacity(db, markus.actor, networkId, {
    organisationId: markus.orgId,
    unit: 'money_eur',
    period: 'quarter',
    amount: 1500,
  });
  await setCapacity(db, petra.actor, networkId, {
    organisationId: petra.orgId,
    unit: 'hours',
    period: 'month',
    amount: 60,
  });
  await setCapacity(db, julia.actor, networkId, {
    organisationId: julia.orgId,
    unit: 'space',
    period: 'month',
    amount: 16,
  });
  await setCapacity(db, julia.actor, networkId, {
    organisationId: julia.orgId,
    unit: 'hours',
    period: 'month',
    amount: 20,
    note: 'Nur außerhalb der Öffnungszeiten',
  });

  /** Moves a request (and its decision) into the past: asked `askedHoursAgo`, decided `tookHours` later. */
  const backdate = async (commitmentId: string, askedHoursAgo: number, tookHours: number | null) => {
    const asked = now - askedHoursAgo * HOUR;
    await db.run('UPDATE home_approvals SET requested_at = ?, decided_at = ? WHERE commitment_id = ?', [
      asked,
      tookHours === null ? null : asked + tookHours * HOUR,
      commitmentId,
    ]);
  };

  // Within the library's mandate: committed at once.
  await createCommitment(db, katharina.actor, networkId, {
    organisationId: katharina.orgId,
    goalId: reading,
    unit: 'space',
    amount: 4,
    dueOn: addDays(day, 20),
    note: 'Der Lesesaal an vier Abenden',
    commit: true,
  });
  // Beyond it (8 rooms in one commitment): the library's home approved after a day.
  const rooms = await createCommitment(db, katharina.actor, networkId, {
    organisationId: katharina.orgId,
    goalId: reading,
    unit: 'space',
    amount: 8,
    dueOn: addDays(day, 45),
    note: 'Beide Veranstaltungsräume für das Sommerfest',
    commit: true,
  });
  await decideHomeApproval(db, julia.actor, networkId, rooms.id, {
    decision: 'approve',
    reason: 'Das Sommerfest ist uns wichtig.',
  });
  await backdate(rooms.id, 70, 22);
  // The youth centre asked for money for staff: declined after six days.
  const money = await createCommitment(db, lena.actor, networkId, {
    organisationId: lena.orgId,
    goalId: reading,
    unit: 'money_eur',
    amount: 350,
    dueOn: addDays(day, 30),
    note: 'Honorar für eine Vorleserin',
    commit: true,
  });
  await decideHomeApproval(db, markus.actor, networkId, money.id, {
    decision: 'decline',
    reason:
      'Nicht in diesem Quartal: Das Budget für Honorare ist verplant. / Not this quarter: the fee budget is spent.',
  });
  await backdate(money.id, 14 * 24, 6 * 24);
  // The adult education centre: 25 hours is more than one commitment may carry; approved after 30 hours.
  const course = await createCommitment(db, andrea.actor, networkId, {
    organisationId: andrea.orgId,
    goalId: guidance,
    unit: 'hours',
    amount: 25,
    dueOn: addDays(day, 50),
    note: 'Ein ganzer Beratungskurs für Jugendliche',
    commit: true,
  });
  await decideHomeApproval(db, petra.actor, networkId, course.id, { decision: 'approve' });
  await backdate(course.id, 5 * 24, 30);
  // Still waiting: the youth centre offered 16 hours of supervision, beyond the 10 one commitment may carry.
  const evenings = await createCommitment(db, emre.actor, networkId, {
    organisationId: emre.orgId,
    goalId: reading,
    unit: 'hours',
    amount: 16,
    dueOn: addDays(day, 35),
    note: 'Betreuung an allen Lesecafé-Abenden bis zum Sommer',
    commit: true,
  });
  await backdate(evenings.id, 3 * 24 + 5, null);
  // The library's mandate covers gifts in the ledger: two librarians for the youth centre's reading night are
  // 8 hours in one entry, more than the 5 it allows. The entry waits for the library's home since yesterday.
  const night = await recordEntry(db, katharina.actor, networkId, {
    organisationId: katharina.orgId,
    kind: 'give',
    partnerOrganisationId: emre.orgId,
    unit: 'hours',
    amount: 8,
    date: addDays(day, -1),
    goalId: reading,
    description:
      'Zwei Bibliothekarinnen haben die Lesenacht im Jugendzentrum begleitet. / ' +
      'Two librarians accompanied the reading night at the youth centre.',
  });
  const askedAt = now - 20 * HOUR;
  await db.run('UPDATE home_approvals SET requested_at = ? WHERE entry_id = ?', [askedAt, night.id]);
  await db.run('UPDATE ledger_entries SET created_at = ? WHERE id = ?', [askedAt, night.id]);
}
