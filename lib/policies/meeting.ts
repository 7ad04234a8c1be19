import { isActiveRep, isManager, representsOneOf, type ActorMembership } from './actor';
import { definePolicy, type AbilitiesOf } from './define';

export const MEETING_STATUSES = ['scheduled', 'live', 'approval', 'published', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** What the meeting rules look at (a row of `meetings` with its organisations). */
export interface MeetingRecord {
  networkId: string;
  /** Undefined: asked of the network, before a meeting exists (scheduling). */
  status?: MeetingStatus;
  /** Who scheduled it (moderates it with the managers while a representative). */
  createdBy?: string;
  invitedOrgIds?: readonly string[];
  attendedOrgIds?: readonly string[];
  /** The network's setting: any active representative may schedule meetings. */
  representativesMaySchedule?: boolean;
}

const inState =
  (...states: MeetingStatus[]) =>
  (r: MeetingRecord) =>
    r.status === undefined || states.includes(r.status);

/** Managers, and the representative who scheduled the meeting while they are one. */
const moderates = (m: ActorMembership, r: MeetingRecord, userId: string) =>
  isManager(m) || (isActiveRep(m) && !!r.createdBy && r.createdBy === userId);

const invited = (m: ActorMembership, r: MeetingRecord) => representsOneOf(m, r.invitedOrgIds ?? []);

/**
 * A meeting of the network: scheduled, its agenda co-edited, held with live
 * minutes, its minutes approved by the organisations that attended, then
 * published and locked. The collaborative document `meeting.<networkId>.<id>`
 * is opened by these rules (`readDocument`, `writeDocument`), decided by the
 * realtime server per connection from the meeting's state.
 */
export const meetingPolicy = definePolicy({
  subject: 'meeting',
  describe:
    'A meeting: title, time, place or link, invited organisations; its agenda and minutes (a collaborative document), attendance and approval',
  networkOf: (r: MeetingRecord) => r.networkId,
  actions: {
    schedule: {
      who: 'Network managers; active representatives too when the network allows it (a network setting)',
      allow: (m, r) => isManager(m) || (!!r.representativesMaySchedule && isActiveRep(m)),
    },
    read: { who: 'Every member', allow: () => true },
    moderate: {
      who: 'Network managers and the representative who scheduled it (change, start, end, attendance, close a vote)',
      allow: (m, r, a) => moderates(m, r, a.userId),
      when: inState('scheduled', 'live', 'approval'),
    },
    readDocument: { who: 'Every member (agenda and minutes)', allow: () => true },
    writeDocument: {
      who: 'Moderators and active representatives of invited organisations while the meeting is scheduled or live; while the minutes wait for approval only moderators (to answer objections); once published nobody (locked)',
      allow: (m, r, a) =>
        (moderates(m, r, a.userId) && inState('scheduled', 'live', 'approval')(r)) ||
        (invited(m, r) && inState('scheduled', 'live')(r)),
      refusal: 'read-only',
    },
    propose: {
      who: 'Moderators and active representatives of invited organisations, before or during the meeting',
      allow: (m, r, a) => moderates(m, r, a.userId) || invited(m, r),
      when: inState('scheduled', 'live'),
    },
    approveMinutes: {
      who: 'Active representatives of the organisations that attended, while the minutes wait for approval',
      allow: (m, r) => representsOneOf(m, r.attendedOrgIds ?? []),
      when: inState('approval'),
    },
    addActionItem: {
      who: 'Active representatives of invited organisations (the item becomes their organisation’s commitment)',
      allow: (m, r) => invited(m, r),
      when: inState('live', 'approval', 'published'),
    },
    adoptText: {
      who: 'Network managers (moderation: a text adopted as decided, with a reason, written into the minutes)',
      allow: (m) => isManager(m),
      when: inState('live', 'approval'),
    },
    settings: { who: 'Network managers (who may schedule meetings)', allow: (m) => isManager(m) },
  },
});

export type MeetingAbilities = AbilitiesOf<typeof meetingPolicy>;
