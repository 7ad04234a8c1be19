import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { translator } from '../../lib/i18n';
import { MESSAGE_ACCESS, MESSAGE_ACK, MESSAGE_REFUSED, REFUSED_READ_ONLY } from '../../lib/realtime/protocol';
import { parseIcs } from '../helpers/ics';
import type { Locator } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { partnerNetwork } from './setup';

/**
 * A meeting from start to end in Chromium, in English and German: a manager
 * schedules it; two organisations co-edit the agenda and take live minutes;
 * an agenda item becomes a proposal, one organisation objects and then
 * consents, the proposal is adopted; an action item becomes a commitment; the
 * minutes are approved by both and locked — a stock y-websocket client's
 * write to them is refused over the socket; the .ics imports. On the way a
 * representative comments on an agenda item, the manager hides it with a
 * reason (gone for the other representative, marked for the manager), and the
 * audit log shows every act with who and why.
 */

const CURSORS = ['.ProseMirror-yjs-cursor'];
/** A form field (not the form: dialogs' forms carry a label too) whose label starts with these words. */
const field = (scope: Locator, label: string) =>
  scope.getByLabel(starts(label)).and(scope.locator('input, textarea, select'));
/** A label that starts with these words (optional fields add “(optional)” to their label). */
const starts = (label: string) => new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

/** Tomorrow at 10:00 as a `datetime-local` value. */
const tomorrowAtTen = () => `${new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)}T10:00`;
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

for (const locale of ['en', 'de'] as const) {
  test(`a meeting: agenda, live minutes, a decision, an action item, approved and locked minutes (${locale})`, async ({
    createUser,
    signedInPageFor,
    realtimeUrl,
    appUrl,
  }) => {
    test.setTimeout(300_000);
    const t = translator(locale);
    const orgs: [string, string] =
      locale === 'de' ? ['Bücherei Nord', 'Jugendzentrum Süd'] : ['North Library', 'South Youth Centre'];
    const { manager, repA, repB, networkId, orgA } = await partnerNetwork(
      createUser,
      ['Mara Manager', 'Alex Alpha', 'Bea Beta'],
      orgs,
      locale,
    );
    const goal = await repA.api.post(`/api/networks/${networkId}/goals`, {
      title: locale === 'de' ? 'Gemeinsamer Flyer' : 'A shared flyer',
      organisationIds: [orgA],
    });
    expect(goal.status, goal.text).toBe(201);
    const goalTitle: string = goal.json.goal.title;

    // The manager schedules the meeting from the meetings page.
    const m = await signedInPageFor(manager);
    await m.goto(`/networks/${networkId}/meetings`);
    await expect(m.getByRole('heading', { level: 1, name: t('meetings.title') })).toBeVisible();
    await expect(m.getByRole('link', { name: t('ui.nav.meetings'), exact: true })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expect(m.getByText(t('meetings.emptyUpcoming'))).toBeVisible();
    await expectNoAxeViolations(m);
    await m.getByRole('button', { name: t('meetings.schedule.open'), exact: true }).click();
    const dialog = m.getByRole('dialog');
    const title = locale === 'de' ? 'Netzwerktreffen Dezember' : 'Network meeting December';
    await field(dialog, t('meetings.field.title')).fill(title);
    await field(dialog, t('meetings.field.startsAt')).fill(tomorrowAtTen());
    await dialog
      .getByLabel(starts(t('meetings.field.place')))
      .fill(locale === 'de' ? 'Bücherei, Saal 2' : 'Library, room 2');
    await expectNoAxeViolations(m);
    await dialog.getByRole('button', { name: t('meetings.schedule.submit'), exact: true }).click();
    await expect(m).toHaveURL(new RegExp(`/networks/${networkId}/meetings/[0-9a-f-]{36}$`));
    const meetingId = m.url().split('/').pop()!;
    await expect(m.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(m.getByTestId('meeting-state')).toHaveText(t('meetings.state.scheduled'));

    // Both organisations co-edit the agenda live.
    const a = await signedInPageFor(repA);
    const b = await signedInPageFor(repB);
    const agendaOf = (p: typeof a) => p.getByRole('textbox', { name: t('meetings.doc.agendaLabel') });
    const minutesOf = (p: typeof a) => p.getByRole('textbox', { name: t('meetings.doc.minutesLabel') });
    for (const p of [a, b]) await p.goto(`/networks/${networkId}/meetings/${meetingId}`);
    const item = locale === 'de' ? 'Flyer gemeinsam drucken' : 'Print a shared flyer';
    await agendaOf(a).click();
    await a.keyboard.type(item);
    await expect(agendaOf(b)).toContainText(item);
    await agendaOf(b).click();
    await b.keyboard.press('End');
    await b.keyboard.press('Enter');
    await b.keyboard.type(locale === 'de' ? 'Sommerfest' : 'Summer party');
    await expect(agendaOf(a)).toContainText(locale === 'de' ? 'Sommerfest' : 'Summer party');
    await expectNoAxeViolations(b, { exclude: CURSORS });

    // A representative comments on an agenda item, in the discussion beside the agenda.
    const discussion = (p: typeof a) => p.getByTestId('agenda-item').filter({ hasText: item });
    const toggle = (p: typeof a, count: number) =>
      discussion(p).getByRole('button', { name: t('meetings.agendaComments.toggleLabel', { count, item }) });
    await toggle(b, 0).click();
    const remark =
      locale === 'de'
        ? 'Wer zahlt den Druck? Die Bücherei drückt sich ja immer.'
        : 'Who pays for the printing? The library always ducks out.';
    await discussion(b).getByLabel(t('followUp.comments.new')).fill(remark);
    await discussion(b)
      .getByRole('button', { name: t('followUp.comments.submit'), exact: true })
      .click();
    await expect(discussion(b).getByTestId('comment')).toContainText(remark);
    await expect(toggle(b, 1)).toHaveAttribute('aria-expanded', 'true');

    // The manager sees it arrive (live) and hides it, with a reason.
    await toggle(m, 1).click();
    const hiddenOne = discussion(m).getByTestId('comment').filter({ hasText: remark });
    await hiddenOne.getByRole('button', { name: t('followUp.comments.actions', { name: repB.name }) }).click();
    await m.getByRole('menuitem', { name: t('followUp.comments.hide') }).click();
    const hideDialog = m.getByRole('dialog');
    const reason =
      locale === 'de' ? 'Abwertend gegenüber einer Partnerorganisation' : 'Belittles a partner organisation';
    await hideDialog.getByLabel(t('followUp.comments.reason')).fill(reason);
    await hideDialog.getByRole('button', { name: t('followUp.comments.hide'), exact: true }).click();
    // Visible to the manager, marked hidden with who, when and why.
    await expect(hiddenOne).toContainText(reason);
    await expect(hiddenOne).toContainText(remark);
    await expectNoAxeViolations(m, { exclude: CURSORS });
    // Gone for the other representative (a second browser): no count, no words.
    await a.reload();
    await expect(toggle(a, 0)).toBeVisible();
    await toggle(a, 0).click();
    await expect(discussion(a).getByText(t('followUp.comments.empty'))).toBeVisible();
    await expect(a.getByText(remark)).toHaveCount(0);

    // The manager starts the meeting and records who attends.
    await m.reload();
    await m.getByRole('button', { name: t('meetings.start'), exact: true }).click();
    await expect(m.getByTestId('meeting-state')).toHaveText(t('meetings.state.live'));
    for (const name of orgs) {
      await m.getByRole('button', { name: t('meetings.orgs.markAttended', { name }), exact: true }).click();
      await expect(m.getByRole('button', { name: t('meetings.orgs.markAbsent', { name }), exact: true })).toBeVisible();
    }

    // Live minutes from both organisations, with presence.
    await expect(a.getByTestId('meeting-state')).toHaveText(t('meetings.state.live'));
    await expect(minutesOf(a)).toBeVisible();
    await minutesOf(a).click();
    await a.keyboard.type(locale === 'de' ? 'Alle sind da. ' : 'Everyone is here. ');
    await expect(minutesOf(b)).toContainText(locale === 'de' ? 'Alle sind da.' : 'Everyone is here.');
    await minutesOf(b).click();
    await b.keyboard.press('End');
    await b.keyboard.type(locale === 'de' ? 'Beta protokolliert mit.' : 'Beta takes notes too.');
    await expect(minutesOf(a)).toContainText(locale === 'de' ? 'Beta protokolliert mit.' : 'Beta takes notes too.');
    await expect(a.locator('aside').getByText('Bea Beta').first()).toBeVisible();

    // An agenda item becomes a proposal.
    await a.getByRole('button', { name: t('meetings.propose.open'), exact: true }).click();
    const pd = a.getByRole('dialog');
    await field(pd, t('meetings.propose.agendaItem')).selectOption({ label: item });
    await expect(field(pd, t('meetings.propose.titleField'))).toHaveValue(item);
    await expectNoAxeViolations(a, { exclude: CURSORS });
    await pd.getByRole('button', { name: t('meetings.propose.submit'), exact: true }).click();
    const decisionB = b.getByTestId('decision').filter({ hasText: item });
    await expect(decisionB).toBeVisible();

    // B objects, then withdraws the objection (consents); A consents; voting twice is not offered any more.
    await decisionB.getByRole('button', { name: t('meetings.decision.object'), exact: true }).click();
    const od = b.getByRole('dialog');
    await field(od, t('meetings.decision.objection')).fill(locale === 'de' ? 'Zu teuer' : 'Too expensive');
    await od.getByRole('button', { name: t('meetings.decision.objectSubmit'), exact: true }).click();
    await expect(decisionB).toContainText(locale === 'de' ? 'Einwand: Zu teuer' : 'objection: Too expensive');
    await expect(decisionB.getByRole('button', { name: t('meetings.decision.consent'), exact: true })).toHaveCount(0);
    await decisionB.getByRole('button', { name: t('meetings.decision.withdraw'), exact: true }).click();
    await expect(decisionB.getByRole('button', { name: t('meetings.decision.withdraw'), exact: true })).toHaveCount(0);
    const decisionA = a.getByTestId('decision').filter({ hasText: item });
    await decisionA.getByRole('button', { name: t('meetings.decision.consent'), exact: true }).click();
    const decisionM = m.getByTestId('decision').filter({ hasText: item });
    await decisionM.getByRole('button', { name: t('meetings.decision.close'), exact: true }).click();
    await expect(decisionM.locator('[data-status]')).toHaveText(t('meetings.decision.status.adopted'));
    await expect(decisionA.locator('[data-status]')).toHaveText(t('meetings.decision.status.adopted'));
    // The server wrote it into the decided part of the minutes, live in every browser.
    await expect(b.getByRole('textbox', { name: t('meetings.doc.decisionsLabel') })).toContainText(item);

    // An action item becomes A's commitment, linked to the meeting.
    await a.getByRole('button', { name: t('meetings.actions.add'), exact: true }).click();
    const ad = a.getByRole('dialog');
    const task = locale === 'de' ? 'Druckerei anfragen' : 'Ask the printer';
    await field(ad, t('meetings.actions.text')).fill(task);
    await ad.getByRole('combobox', { name: t('meetings.actions.goal') }).fill(goalTitle.slice(0, 8));
    await ad.getByRole('option', { name: goalTitle }).click();
    await field(ad, t('meetings.actions.amount')).fill('3');
    await field(ad, t('meetings.actions.dueOn')).fill(inDays(14));
    await ad.getByRole('button', { name: t('meetings.actions.submit'), exact: true }).click();
    await expect(a.getByTestId('action-items')).toContainText(task);
    await expect(m.getByTestId('action-items')).toContainText(orgs[0]);

    // The manager ends the meeting; both organisations approve the minutes; they are published and locked.
    await m.getByRole('button', { name: t('meetings.end.open'), exact: true }).click();
    await m
      .getByRole('dialog')
      .getByRole('button', { name: t('meetings.end.confirm'), exact: true })
      .click();
    await expect(m.getByTestId('meeting-state')).toContainText(orgs[0]);
    for (const p of [a, b]) {
      await expect(p.getByRole('button', { name: t('meetings.approve.approve'), exact: true })).toBeVisible();
      await p.getByRole('button', { name: t('meetings.approve.approve'), exact: true }).click();
      await expect(p.getByRole('button', { name: t('meetings.approve.approve'), exact: true })).toHaveCount(0);
    }
    await m.reload();
    await expect(m.locator('[data-status="published"]').first()).toBeVisible();
    await expect(m.getByTestId('doc-access')).toHaveText(t('meetings.doc.readOnly'));
    await expect(m.getByText(t('meetings.facilitation.title'))).toBeVisible();
    await expectNoAxeViolations(m, { exclude: CURSORS });

    // A stock y-websocket client that ignores the page: its write to the locked minutes is refused over the socket.
    const docName = `meeting.${networkId}.${meetingId}`;
    const ticket = await repA.api.post('/api/realtime/ticket', { doc: docName });
    expect(ticket.status, ticket.text).toBe(200);
    expect(ticket.json.access).toBe('read');
    const origin = new URL(appUrl).origin;
    const ydoc = new Y.Doc();
    const provider = new WebsocketProvider(realtimeUrl, docName, ydoc, {
      params: { ticket: ticket.json.ticket, ack: '1' },
      disableBc: true,
      WebSocketPolyfill: class extends WebSocket {
        constructor(address: string | URL, protocols?: string | string[]) {
          super(address, protocols, { origin });
        }
      } as never,
    });
    const refused: number[] = [];
    // Our extra messages this client asked for (ack=1) or is told anyway: read, not needed here (a stock provider
    // logs "Unable to compute message" for a type it has no handler for).
    provider.messageHandlers[MESSAGE_ACK] = () => undefined;
    provider.messageHandlers[MESSAGE_ACCESS] = () => undefined;
    provider.messageHandlers[MESSAGE_REFUSED] = (_e, dec) => {
      refused.push(decoding.readVarUint(dec));
    };
    try {
      await expect.poll(() => provider.synced, { timeout: 20_000 }).toBe(true);
      expect(ydoc.getXmlFragment('minutes').toString()).toContain(
        locale === 'de' ? 'Alle sind da.' : 'Everyone is here.',
      );
      const p = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      text.insert(0, 'Rewritten by a stock client');
      p.insert(0, [text]);
      ydoc.getXmlFragment('minutes').push([p]);
      await expect.poll(() => refused.includes(REFUSED_READ_ONLY), { timeout: 20_000 }).toBe(true);
    } finally {
      provider.destroy();
      ydoc.destroy();
    }
    await b.reload();
    await expect(minutesOf(b)).toContainText(locale === 'de' ? 'Beta protokolliert mit.' : 'Beta takes notes too.');
    await expect(minutesOf(b)).not.toContainText('Rewritten by a stock client');

    // On a phone: nothing wider than the screen, still accessible (the meeting and the list).
    await m.setViewportSize({ width: 390, height: 844 });
    for (const path of [`/networks/${networkId}/meetings/${meetingId}`, `/networks/${networkId}/meetings`]) {
      await m.goto(path);
      await expect(m.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await m.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await expectNoAxeViolations(m, { exclude: CURSORS });
    }

    // The .ics imports: parsed with its own time zone, it says the meeting's title, place and instant.
    const ics = await repB.api.get(`/api/networks/${networkId}/meetings/${meetingId}/ics`);
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    const cal = parseIcs(ics.text);
    const meeting = (await repB.api.get(`/api/networks/${networkId}/meetings/${meetingId}`)).json.meeting;
    expect(cal.events).toHaveLength(1);
    expect(cal.events[0]).toMatchObject({ SUMMARY: title, start: meeting.startsAt, end: meeting.endsAt });
    expect(cal.events[0].LOCATION).toBe(locale === 'de' ? 'Bücherei, Saal 2' : 'Library, room 2');

    // The audit log (the activity page) shows each act of the meeting with who did it (and why, where there is a why).
    await m.setViewportSize({ width: 1366, height: 900 });
    await m.goto(`/networks/${networkId}/activity`);
    const log = m.getByTestId('activity-list');
    for (const line of [
      t('activity.meeting.scheduled', { actor: manager.name, title }),
      t('activity.comment.created', { actor: repB.name, subjectType: 'agenda_item', title: item }),
      t('activity.comment.hidden', {
        actor: manager.name,
        authorName: repB.name,
        subjectType: 'agenda_item',
        title: item,
        reason,
      }),
      t('activity.meeting.started', { actor: manager.name, title }),
      t('activity.decision.proposed', { actor: repA.name, title: item, method: 'consent' }),
      t('activity.decision.voted', {
        actor: repB.name,
        organisationName: orgs[1],
        title: item,
        choice: 'object',
        objection: locale === 'de' ? 'Zu teuer' : 'Too expensive',
      }),
      t('activity.decision.objection_withdrawn', { actor: repB.name, organisationName: orgs[1], title: item }),
      t('activity.decision.closed', { actor: manager.name, title: item, status: 'adopted' }),
      t('activity.meeting.action_item_added', { actor: repA.name, text: task, organisationName: orgs[0] }),
      t('activity.meeting.minutes_approved', { actor: repA.name, title, organisationName: orgs[0] }),
      t('activity.meeting.published', { actor: repB.name, title }),
    ])
      await expect(log.getByText(line, { exact: true })).toBeVisible();
    // The agenda: the words of its item are in the log with the comment, and its link leads to the item's discussion.
    await log
      .getByText(t('activity.comment.created', { actor: repB.name, subjectType: 'agenda_item', title: item }))
      .click();
    await expect(m).toHaveURL(new RegExp(`/meetings/${meetingId}\\?item=`));
    await expect(discussion(m).getByTestId('comment').filter({ hasText: remark })).toBeVisible();
  });
}
