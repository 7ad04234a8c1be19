import { z } from 'zod';
import { net, page, spec, type LinkContext } from '../spec';

/**
 * Meetings and decisions (lib/meetings, docs/meetings.md). Every act is here:
 * scheduling, changes, start and end, attendance, the answers to the minutes,
 * publication, proposals, votes, closing, texts adopted by a manager,
 * action items. Kinds that change who may write a meeting's document
 * (`access: 'network'`) make the realtime server re-decide that network's
 * sockets at once: published minutes are read-only from that moment.
 */
const id = z.string().min(1).max(200);
const meetingPage = (r: LinkContext) =>
  typeof r.data.meetingId === 'string' ? `${net(r)}/meetings/${r.data.meetingId}` : `${net(r)}/meetings`;
const ownPage = (r: LinkContext) => `${net(r)}/meetings/${r.subjectId}`;
const meeting = { title: z.string() };

export const MEETING_KINDS = {
  'meeting.scheduled': spec({
    payload: z.strictObject({ ...meeting, startsAt: z.number(), organisationIds: z.array(id) }),
    audience: 'members',
    access: 'none',
    link: ownPage,
    example: { title: 'Netzwerktreffen', startsAt: 1790000000000, organisationIds: ['o1', 'o2'] },
  }),
  'meeting.updated': spec({
    payload: z.strictObject({ ...meeting, changed: z.array(z.string()) }),
    audience: 'members',
    access: 'network',
    link: ownPage,
    example: { title: 'Netzwerktreffen', changed: ['startsAt', 'place'] },
  }),
  'meeting.cancelled': spec({
    payload: z.strictObject({ ...meeting, reason: z.string() }),
    audience: 'members',
    access: 'network',
    link: ownPage,
    example: { title: 'Netzwerktreffen', reason: 'Zu wenige können' },
  }),
  'meeting.started': spec({
    payload: z.strictObject(meeting),
    audience: 'members',
    access: 'network',
    link: ownPage,
    example: { title: 'Netzwerktreffen' },
  }),
  'meeting.ended': spec({
    payload: z.strictObject(meeting),
    audience: 'members',
    access: 'network',
    link: ownPage,
    example: { title: 'Netzwerktreffen' },
  }),
  'meeting.attendance_recorded': spec({
    payload: z.strictObject({ ...meeting, organisationId: id, organisationName: z.string(), attended: z.boolean() }),
    audience: 'members',
    access: 'none',
    link: ownPage,
    example: { title: 'Netzwerktreffen', organisationId: 'o1', organisationName: 'Bücherei', attended: true },
  }),
  'meeting.minutes_approved': spec({
    payload: z.strictObject({ ...meeting, organisationId: id, organisationName: z.string() }),
    audience: 'members',
    access: 'none',
    link: ownPage,
    example: { title: 'Netzwerktreffen', organisationId: 'o1', organisationName: 'Bücherei' },
  }),
  'meeting.minutes_objected': spec({
    payload: z.strictObject({ ...meeting, organisationId: id, organisationName: z.string(), objection: z.string() }),
    audience: 'members',
    access: 'none',
    link: ownPage,
    example: {
      title: 'Netzwerktreffen',
      organisationId: 'o1',
      organisationName: 'Bücherei',
      objection: 'Punkt 2 fehlt',
    },
  }),
  'meeting.published': spec({
    payload: z.strictObject(meeting),
    audience: 'members',
    access: 'network',
    link: ownPage,
    example: { title: 'Netzwerktreffen' },
  }),
  'meeting.settings_changed': spec({
    payload: z.strictObject({ representativesMaySchedule: z.boolean() }),
    audience: 'members',
    access: 'none',
    link: page('meetings'),
    example: { representativesMaySchedule: true },
  }),
  'meeting.action_item_added': spec({
    payload: z.strictObject({ meetingId: id, text: z.string(), organisationId: id, organisationName: z.string() }),
    audience: 'members',
    access: 'none',
    link: meetingPage,
    example: { meetingId: 'm1', text: 'Raum buchen', organisationId: 'o1', organisationName: 'Bücherei' },
  }),
  'decision.proposed': spec({
    payload: z.strictObject({ meetingId: id, title: z.string(), method: z.enum(['consent', 'poll']) }),
    audience: 'members',
    access: 'none',
    link: meetingPage,
    example: { meetingId: 'm1', title: 'Gemeinsamer Flyer', method: 'consent' },
  }),
  'decision.voted': spec({
    payload: z.strictObject({
      meetingId: id,
      title: z.string(),
      organisationId: id,
      organisationName: z.string(),
      choice: z.string(),
      objection: z.string(),
    }),
    audience: 'members',
    access: 'none',
    link: meetingPage,
    example: {
      meetingId: 'm1',
      title: 'Gemeinsamer Flyer',
      organisationId: 'o1',
      organisationName: 'Bücherei',
      choice: 'object',
      objection: 'Zu teuer',
    },
  }),
  'decision.objection_withdrawn': spec({
    payload: z.strictObject({ meetingId: id, title: z.string(), organisationId: id, organisationName: z.string() }),
    audience: 'members',
    access: 'none',
    link: meetingPage,
    example: { meetingId: 'm1', title: 'Gemeinsamer Flyer', organisationId: 'o1', organisationName: 'Bücherei' },
  }),
  'decision.closed': spec({
    payload: z.strictObject({
      meetingId: id,
      title: z.string(),
      status: z.enum(['adopted', 'rejected', 'closed']),
      outcome: z.string(),
    }),
    audience: 'members',
    access: 'none',
    link: meetingPage,
    example: { meetingId: 'm1', title: 'Gemeinsamer Flyer', status: 'adopted', outcome: '' },
  }),
  'decision.closed_at_time': spec({
    payload: z.strictObject({
      meetingId: id,
      title: z.string(),
      status: z.enum(['adopted', 'rejected', 'closed']),
      outcome: z.string(),
    }),
    audience: 'members',
    access: 'none',
    link: meetingPage,
    example: { meetingId: 'm1', title: 'Gemeinsamer Flyer', status: 'rejected', outcome: '' },
  }),
  'decision.text_adopted': spec({
    payload: z.strictObject({ meetingId: id, title: z.string(), text: z.string(), reason: z.string() }),
    audience: 'members',
    access: 'none',
    link: meetingPage,
    example: { meetingId: 'm1', title: 'Hausordnung', text: 'Wir teilen den Raum.', reason: 'Einigkeit im Treffen' },
  }),
  'calendar.feed_renewed': spec({
    payload: z.strictObject({}),
    audience: 'self',
    access: 'none',
    link: () => '/account',
    example: {},
  }),
  'calendar.feed_revoked': spec({
    payload: z.strictObject({}),
    audience: 'self',
    access: 'none',
    link: () => '/account',
    example: {},
  }),
} as const;
