/**
 * Meeting documents over real sockets (issue 12): they exist only for
 * meetings that exist; invited organisations' representatives and the
 * moderators write the agenda and live minutes, everyone else reads; once the
 * minutes are published a stock y-websocket client's write is refused (its
 * open socket is closed when the state changes, it comes back read-only, and
 * what it then sends is answered "refused" and never stored). Edits are
 * counted per organisation for facilitation.
 */
import crypto from 'node:crypto';
import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Db } from '@/lib/db';
import { adoptText } from '@/lib/meetings/adopt-text';
import { answerMinutes } from '@/lib/meetings/answer-minutes';
import { getMeeting } from '@/lib/meetings/get-meeting';
import { scheduleMeeting } from '@/lib/meetings/schedule-meeting';
import { transitionMeeting } from '@/lib/meetings/transition-meeting';
import { loadActor } from '@/lib/policies/load-actor';
import { CLOSE } from '@/lib/realtime/close-codes';
import { MESSAGE_ACCESS, MESSAGE_REFUSED, REFUSED_READ_ONLY } from '@/lib/realtime/protocol';
import type { RealtimeServer } from '@/server/server';
import { freshSqlite } from '../helpers/services';
import {
  client,
  createWorld,
  raw,
  sessionCookie,
  startServer,
  storedDoc,
  synced,
  waitFor,
  type Client,
  type World,
} from './fixtures';

const textOf = (d: Y.Doc, root: string) => d.getXmlFragment(root).toString();
const write = (d: Y.Doc, root: string, s: string) => {
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  t.insert(0, s);
  p.insert(0, [t]);
  d.getXmlFragment(root).push([p]);
};

describe('meeting documents over the socket', () => {
  let db: Db & { drop(): Promise<void> };
  let server: RealtimeServer;
  let world: World;
  let meetingId: string;
  let name: string;
  const open: Client[] = [];
  const actor = (userId: string) => loadActor(db, userId, world.networkId);
  const connect = async (userId: string, docName = name, opts: { ack?: boolean } = {}) => {
    const c = await client(server, userId, docName, opts);
    open.push(c);
    return c;
  };

  beforeAll(async () => {
    db = await freshSqlite();
    world = await createWorld(db);
    server = await startServer(db);
    const m = await scheduleMeeting(db, await actor(world.users.manager), world.networkId, {
      title: 'Socket meeting',
      startsAt: new Date(Date.now() + 3_600_000).toISOString(),
      place: 'Saal',
      organisationIds: [world.orgA],
    });
    meetingId = m.id;
    name = m.doc;
  });
  afterAll(async () => {
    for (const c of open) c.destroy();
    await server?.close();
    await db?.drop();
  });

  it('a meeting that does not exist has no document (4404), in this network or another', async () => {
    const r = raw(server, `meeting.${world.networkId}.${crypto.randomUUID()}`, {
      headers: { cookie: await sessionCookie(world.users.manager) },
    });
    expect(await r.closed).toEqual({ code: CLOSE.UNKNOWN_DOCUMENT, reason: 'no such meeting' });
    expect(server.rooms.size).toBe(0);
    // The meeting named under a network the person is no member of: refused before anything is looked up.
    const other = raw(server, `meeting.${world.otherNetworkId}.${meetingId}`, {
      headers: { cookie: await sessionCookie(world.users.manager) },
    });
    expect((await other.closed).code).toBe(CLOSE.FORBIDDEN);
    const stranger = raw(server, name, { headers: { cookie: await sessionCookie(world.users.stranger) } });
    expect((await stranger.closed).code).toBe(CLOSE.FORBIDDEN);
  });

  it('the invited organisation and the moderator co-edit the agenda; others read only', async () => {
    const repA = await connect(world.users.repA);
    const manager = await connect(world.users.manager);
    const repB = await connect(world.users.repB); // B is not invited
    const observer = await connect(world.users.observer);
    await Promise.all([repA, manager, repB, observer].map((c) => synced(c)));
    write(repA.doc, 'agenda', '1. Welcome (A)');
    write(manager.doc, 'agenda', '2. Shared flyer (manager)');
    write(repB.doc, 'agenda', 'B was here');
    write(observer.doc, 'agenda', 'observer was here');
    await waitFor(
      () => textOf(repA.doc, 'agenda').includes('Shared flyer') && textOf(manager.doc, 'agenda').includes('Welcome'),
    );
    await waitFor(async () => textOf(await storedDoc(db, name), 'agenda').includes('Shared flyer'));
    const stored = textOf(await storedDoc(db, name), 'agenda');
    expect(stored).not.toContain('B was here');
    expect(stored).not.toContain('observer was here');
    expect(textOf(observer.doc, 'agenda')).toContain('Welcome');
    // Facilitation: A's edits are counted for A (the manager has no organisation).
    await waitFor(
      async () =>
        !!(await db.get('SELECT units FROM meeting_edits WHERE meeting_id = ? AND organisation_id = ?', [
          meetingId,
          world.orgA,
        ])),
      20_000,
      'edit tally',
    );
    // …and A's agenda item is A's (the manager's counts for nobody: no organisation).
    const page = await getMeeting(db, await actor(world.users.observer), world.networkId, meetingId);
    const byOrg = Object.fromEntries(page.facilitation.organisations.map((o) => [o.organisationId, o.agendaItems]));
    expect(byOrg[world.orgA]).toBe(1);
    const tally = await db.all<{ organisation_id: string }>(
      'SELECT organisation_id FROM meeting_edits WHERE meeting_id = ?',
      [meetingId],
    );
    expect(tally.map((r) => r.organisation_id)).toEqual([world.orgA]);
    for (const c of [repB, observer]) c.destroy();
  });

  it('the decided part is written by the server only: a client touching it is refused (4423), a server-written decision arrives live', async () => {
    const repA = await connect(world.users.repA);
    await synced(repA);
    write(repA.doc, 'decisions', 'Decided by a client');
    await waitFor(() => repA.closeCodes.includes(CLOSE.DOCUMENT_LOCKED), 20_000, 'refused: locked part');
    repA.destroy();
    const watcher = await connect(world.users.observer);
    await synced(watcher);
    const manager = await actor(world.users.manager);
    await transitionMeeting(db, manager, world.networkId, meetingId, { action: 'start' });
    await adoptText(db, manager, world.networkId, meetingId, {
      title: 'House rules',
      text: 'We share the room.',
      reason: 'Everyone agreed',
    });
    await waitFor(
      () => textOf(watcher.doc, 'decisions').includes('We share the room.'),
      20_000,
      'server write arrives',
    );
    expect(textOf(await storedDoc(db, name), 'decisions')).not.toContain('Decided by a client');
  });

  it('published minutes are locked: the open socket is closed, and a stock client’s write is refused', async () => {
    const manager = await actor(world.users.manager);
    const repA = await connect(world.users.repA, name, { ack: true });
    const refused: number[] = [];
    let access = '';
    repA.provider.messageHandlers[MESSAGE_REFUSED] = (_enc, dec) => {
      refused.push(decoding.readVarUint(dec));
    };
    repA.provider.messageHandlers[MESSAGE_ACCESS] = (_enc, dec) => {
      access = decoding.readVarString(dec);
    };
    await synced(repA);
    await waitFor(() => access === 'write', 20_000, 'write access while live');
    write(repA.doc, 'minutes', 'Live minute by A');
    await waitFor(async () => textOf(await storedDoc(db, name), 'minutes').includes('Live minute by A'));

    await transitionMeeting(db, manager, world.networkId, meetingId, {
      action: 'attendance',
      organisationId: world.orgA,
      attended: true,
    });
    await transitionMeeting(db, manager, world.networkId, meetingId, { action: 'end' });
    // While the minutes wait for approval, A reads only: its socket was closed and came back read-only.
    await waitFor(() => repA.closeCodes.includes(CLOSE.PERMISSIONS_CHANGED), 20_000, 'close on state change');
    await answerMinutes(db, await actor(world.users.repA), world.networkId, meetingId, { answer: 'approve' });
    await waitFor(
      () => repA.provider.wsconnected && repA.provider.synced && access === 'read',
      20_000,
      'back read-only',
    );

    write(repA.doc, 'minutes', 'Rewritten after publication');
    await waitFor(() => refused.includes(REFUSED_READ_ONLY), 20_000, 'refused over the socket');
    // The moderator cannot write the published minutes either.
    const mod = await connect(world.users.manager);
    await synced(mod);
    write(mod.doc, 'minutes', 'Manager after publication');
    const reader = await connect(world.users.observer);
    await synced(reader);
    await new Promise((r) => setTimeout(r, 300));
    const stored = textOf(await storedDoc(db, name), 'minutes');
    expect(stored).toContain('Live minute by A');
    expect(stored).not.toContain('Rewritten after publication');
    expect(stored).not.toContain('Manager after publication');
    expect(textOf(reader.doc, 'minutes')).not.toContain('Rewritten');
  });
});
