import type { Queryable } from '../db/types';
import type { DocName } from '../docs/names';
import { can, type Actor } from '../policies';
import { meetingPolicy } from '../policies/meeting';
import type { Access } from '../realtime/protocol';
import { findMeeting, meetingRecord } from './records';

/**
 * Read or write on a collaborative document for this actor now, or null (no
 * access), or 'unknown' for a meeting document whose meeting does not exist
 * (meeting documents exist only for meetings that exist). The one function
 * the ticket route and the realtime server ask: a meeting's document is
 * decided by the meeting's rules and state (lib/policies/meeting.ts), every
 * other document by the document policy.
 */
export async function documentAccess(q: Queryable, actor: Actor, doc: DocName): Promise<Access | null | 'unknown'> {
  if (doc.kind === 'meeting') {
    if (!can(actor, 'network.read', { type: 'network', networkId: doc.networkId })) return null;
    const m = await findMeeting(q, doc.networkId, doc.meetingId);
    if (!m) return 'unknown';
    const rec = meetingRecord(m);
    if (!meetingPolicy.can(actor, 'readDocument', rec)) return null;
    return meetingPolicy.can(actor, 'writeDocument', rec) ? 'write' : 'read';
  }
  const subject = { type: 'doc', doc } as const;
  if (!can(actor, 'doc.read', subject)) return null;
  return can(actor, 'doc.write', subject) ? 'write' : 'read';
}
