/**
 * The core realtime suite, run against SQLite and (when available) PostgreSQL
 * storage: sync, durability, acknowledgements, read-only gate, the home
 * system, Origin and ticket checks, permission revocation.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Db } from '@/lib/db';
import { CLOSE } from '@/lib/realtime/close-codes';
import { MESSAGE_ACCESS, MESSAGE_ACK, MESSAGE_REFUSED, REFUSED_READ_ONLY } from '@/lib/realtime/protocol';
import { available, freshPostgres, freshSqlite } from '../helpers/services';
import type { RealtimeServer } from '@/server/server';
import {
  changeRole,
  client,
  createWorld,
  raw,
  removeMember,
  sessionCookie,
  startServer,
  storedDoc,
  synced,
  ticket,
  waitFor,
  type Client,
  type World,
} from './fixtures';

const backends: [string, () => Promise<Db & { drop(): Promise<void> }>, boolean][] = [
  ['SQLite', freshSqlite, true],
  ['PostgreSQL', freshPostgres, await available('postgres')],
];

function syncStep1(doc: Y.Doc): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint8Array(e, Y.encodeStateVector(doc));
  return encoding.toUint8Array(e);
}
function syncMsg(sub: number, update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, sub);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}
const textOf = (d: Y.Doc) => d.getXmlFragment('notes').toString();
const insert = (d: Y.Doc, s: string) => {
  const t = new Y.XmlText();
  t.insert(0, s);
  d.getXmlFragment('notes').push([t]);
};

for (const [label, makeDb, enabled] of backends) {
  describe.skipIf(!enabled)(`realtime server with ${label} storage`, () => {
    let db: Db & { drop(): Promise<void> };
    let server: RealtimeServer;
    let world: World;
    const clients: Client[] = [];

    beforeAll(async () => {
      db = await makeDb();
      world = await createWorld(db);
      server = await startServer(db, { pollMs: 100 });
    });
    afterEach(() => {
      for (const c of clients.splice(0)) c.destroy();
    });
    afterAll(async () => {
      await server?.close();
      await db?.drop();
    });

    const open = async (user: string, doc: string, opts: Parameters<typeof client>[3] = {}) => {
      const c = await client(server, user, doc, opts);
      clients.push(c);
      return c;
    };

    it('several clients converge, also after one disconnects, edits offline and reconnects', async () => {
      const a = await open(world.users.repA, world.docs.commons);
      const b = await open(world.users.repB, world.docs.commons);
      const reader = await open(world.users.observer, world.docs.commons);
      await Promise.all([synced(a), synced(b), synced(reader)]);
      insert(a.doc, 'from-a');
      insert(b.doc, 'from-b');
      await waitFor(() =>
        [a, b, reader].every((c) => textOf(c.doc).includes('from-a') && textOf(c.doc).includes('from-b')),
      );

      b.provider.disconnect();
      insert(b.doc, 'offline-b');
      insert(a.doc, 'while-b-away');
      b.provider.connect();
      await waitFor(
        () =>
          [a, b, reader].every((c) => textOf(c.doc).includes('offline-b') && textOf(c.doc).includes('while-b-away')),
        20_000,
        'convergence after reconnect',
      );
      expect(textOf(a.doc)).toBe(textOf(b.doc));
      expect(textOf(reader.doc)).toBe(textOf(a.doc));
    });

    it('stores accepted updates so a restarted server serves them', async () => {
      const a = await open(world.users.repA, world.docs.orgA);
      await synced(a);
      insert(a.doc, 'survives-restart');
      await waitFor(async () => textOf(await storedDoc(db, world.docs.orgA)).includes('survives-restart'));
      a.destroy();
      await server.close();
      server = await startServer(db, { pollMs: 100 });
      const b = await open(world.users.repB, world.docs.orgA);
      await synced(b);
      await waitFor(() => textOf(b.doc).includes('survives-restart'));
    });

    it('tells an opted-in writer its access and acknowledges with the committed state vector', async () => {
      const a = await open(world.users.repA, world.docs.commons, { ack: true });
      const acks: Map<number, number>[] = [];
      let access = '';
      a.provider.messageHandlers[MESSAGE_ACK] = (_enc, dec) => {
        decoding.readVarUint(dec);
        acks.push(Y.decodeStateVector(decoding.readVarUint8Array(dec)));
      };
      a.provider.messageHandlers[MESSAGE_ACCESS] = (_enc, dec) => {
        access = decoding.readVarString(dec);
      };
      a.provider.disconnect();
      a.provider.connect();
      await synced(a);
      await waitFor(() => access === 'write', 20_000, 'access message');
      // Another writer's change is in the document first.
      const other = await open(world.users.repB, world.docs.commons);
      await synced(other);
      insert(other.doc, 'someone else');
      await waitFor(async () => textOf(await storedDoc(db, world.docs.commons)).includes('someone else'));
      await waitFor(() => textOf(a.doc).includes('someone else'));
      insert(a.doc, 'acked');
      const mine = Y.encodeStateVector(a.doc);
      const clock = Y.decodeStateVector(mine).get(a.doc.clientID)!;
      await waitFor(() => acks.some((sv) => (sv.get(a.doc.clientID) ?? 0) >= clock), 20_000, 'ack');
      // Acknowledged means stored.
      const stored = await storedDoc(db, world.docs.commons);
      expect(Y.getState(stored.store, a.doc.clientID)).toBeGreaterThanOrEqual(clock);
      // The ack reports the client ids the author's updates carried, not every client id of the document.
      expect(acks.every((sv) => !sv.has(other.doc.clientID))).toBe(true);
      other.destroy();
    });

    it("never applies, stores or forwards a reader's updates or non-empty SyncStep2", async () => {
      const writer = await open(world.users.repA, world.docs.orgA);
      await synced(writer);
      // A stock client with read access edits locally: nothing leaves its doc.
      const reader = await open(world.users.repB, world.docs.orgA);
      await synced(reader);
      insert(reader.doc, 'reader-local-edit');

      // A raw reader sends crafted updates, as SyncStep2 and as Update, with ack=1.
      const t = await ticket(db, world.users.observer, world.docs.orgA);
      const r = raw(server, `${world.docs.orgA}?ticket=${t}&ack=1`);
      await r.opened;
      const evil = new Y.Doc();
      insert(evil, 'reader-crafted-update');
      const update = Y.encodeStateAsUpdate(evil);
      r.send(syncMsg(1, update));
      r.send(syncMsg(2, update));
      await waitFor(
        () => r.frames.filter((f) => f[0] === MESSAGE_REFUSED && f[1] === REFUSED_READ_ONLY).length >= 2,
        20_000,
        'refused messages',
      );

      // A marker from the writer arrives everywhere after the reader's attempts: proof of ordering.
      insert(writer.doc, 'writer-after');
      await waitFor(() => textOf(reader.doc).includes('writer-after'));
      await waitFor(async () => textOf(await storedDoc(db, world.docs.orgA)).includes('writer-after'));
      const stored = textOf(await storedDoc(db, world.docs.orgA));
      for (const marker of ['reader-local-edit', 'reader-crafted-update']) {
        expect(stored).not.toContain(marker);
        expect(textOf(writer.doc)).not.toContain(marker);
      }
      expect(Buffer.concat(r.frames).toString('latin1')).not.toContain('reader-local-edit');
      r.ws.close();
    });

    it('never sends a single byte of a home document to another organisation (4403)', async () => {
      const owner = await open(world.users.homeA, world.docs.homeA);
      await synced(owner);
      const marker = `home-secret-${Math.random().toString(36).slice(2)}`;
      insert(owner.doc, marker);
      await waitFor(async () => textOf(await storedDoc(db, world.docs.homeA)).includes(marker));

      for (const user of [world.users.repB, world.users.homeB, world.users.manager, world.users.observer]) {
        const r = raw(server, world.docs.homeA, { headers: { cookie: await sessionCookie(user) } });
        // Early frames a hostile client sends before the verdict must not help either.
        r.ws.once('open', () => r.send(syncStep1(new Y.Doc())));
        const closed = await r.closed;
        expect(closed.code).toBe(CLOSE.FORBIDDEN);
        expect(Buffer.concat(r.frames).toString('latin1')).not.toContain(marker);
        expect(r.frames.length).toBe(0);
      }
      // Nor can anyone get a ticket for it.
      await expect(ticket(db, world.users.repB, world.docs.homeA)).rejects.toMatchObject({ notFound: false });
      await expect(ticket(db, world.users.stranger, world.docs.homeA)).rejects.toMatchObject({ notFound: true });
      // The own organisation's home member reads it.
      const colleague = await open(world.users.repA, world.docs.homeA);
      await waitFor(() => textOf(colleague.doc).includes(marker));
    });

    it('refuses a missing, "null" or foreign Origin with 4403', async () => {
      const cookie = await sessionCookie(world.users.repA);
      for (const origin of [null, 'null', 'http://evil.test', 'http://app.test.evil.test']) {
        const r = raw(server, world.docs.commons, { origin, headers: { cookie } });
        expect((await r.closed).code).toBe(CLOSE.FORBIDDEN);
        expect(r.frames.length).toBe(0);
      }
    });

    it('accepts a ticket once, and refuses reused, expired, foreign-document and made-up tickets with 4401', async () => {
      const good = await ticket(db, world.users.repA, world.docs.commons);
      const first = raw(server, `${world.docs.commons}?ticket=${good}`);
      await waitFor(() => first.frames.length > 0, 20_000, 'first sync');
      first.ws.close();

      const reused = raw(server, `${world.docs.commons}?ticket=${good}`);
      expect((await reused.closed).code).toBe(CLOSE.UNAUTHENTICATED);

      const { mintTicket } = await import('@/lib/realtime/tickets');
      const old = await mintTicket(db, world.users.repA, { doc: world.docs.commons, now: Date.now() - 61_000 });
      const expired = raw(server, `${world.docs.commons}?ticket=${old.ticket}`);
      expect((await expired.closed).code).toBe(CLOSE.UNAUTHENTICATED);

      const forOrg = await ticket(db, world.users.repA, world.docs.orgA);
      const wrongDoc = raw(server, `${world.docs.commons}?ticket=${forOrg}`);
      expect((await wrongDoc.closed).code).toBe(CLOSE.UNAUTHENTICATED);

      const madeUp = raw(server, `${world.docs.commons}?ticket=${'A'.repeat(43)}`);
      expect((await madeUp.closed).code).toBe(CLOSE.UNAUTHENTICATED);

      const none = raw(server, world.docs.commons);
      expect((await none.closed).code).toBe(CLOSE.UNAUTHENTICATED);
      for (const r of [reused, expired, wrongDoc, madeUp, none]) expect(r.frames.length).toBe(0);
    });

    it('lets a valid session cookie stand in for a used ticket (a stock client reconnecting)', async () => {
      const t = await ticket(db, world.users.repA, world.docs.commons);
      const first = raw(server, `${world.docs.commons}?ticket=${t}`);
      await waitFor(() => first.frames.length > 0, 20_000, 'first sync');
      first.ws.close();
      const again = raw(server, `${world.docs.commons}?ticket=${t}`, {
        headers: { cookie: await sessionCookie(world.users.repA) },
      });
      await waitFor(() => again.frames.length > 0, 20_000, 'sync via cookie');
      expect(again.closeInfo).toBeNull();
      again.ws.close();
    });

    it('refuses a session whose version was bumped (signed out everywhere) with 4401', async () => {
      const cookie = await sessionCookie(world.users.homeB, 1);
      await db.run('UPDATE users SET session_version = 2 WHERE id = ?', [world.users.homeB]);
      const r = raw(server, world.docs.homeB, { headers: { cookie } });
      expect((await r.closed).code).toBe(CLOSE.UNAUTHENTICATED);
      await db.run('UPDATE users SET session_version = 1 WHERE id = ?', [world.users.homeB]);
    });

    it('refuses names that are not documents with 4404', async () => {
      const cookie = await sessionCookie(world.users.repA);
      for (const path of [
        'nonsense',
        `commons.${world.networkId}.x`,
        '%E0%A4%A',
        `COMMONS.${world.networkId}`,
        '../etc/passwd',
      ]) {
        const r = raw(server, path, { headers: { cookie } });
        expect((await r.closed).code).toBe(CLOSE.UNKNOWN_DOCUMENT);
      }
    });

    it('closes a removed member within a second; the reconnect is refused; a role change reconnects at the new level', async () => {
      const writer = await open(world.users.repB, world.docs.commons);
      const home = await open(world.users.homeB, world.docs.homeB);
      await Promise.all([synced(writer), synced(home)]);

      // Role change: representative → observer: closed with 4000, back as a reader.
      await changeRole(db, world.networkId, world.users.repB, 'observer', null);
      await waitFor(() => writer.closeCodes.includes(CLOSE.PERMISSIONS_CHANGED), 5_000, 'close after role change');
      await synced(writer);
      const before = textOf(writer.doc);
      insert(writer.doc, 'observer-now');
      const other = await open(world.users.repA, world.docs.commons);
      await synced(other);
      insert(other.doc, 'fence');
      await waitFor(() => textOf(writer.doc).includes('fence'));
      expect(textOf(other.doc)).not.toContain('observer-now');
      expect(before).not.toContain('observer-now');

      // Removal: the home member's socket closes, the reconnect is refused for good.
      await removeMember(db, world.networkId, world.users.homeB);
      await waitFor(() => home.closeCodes.includes(CLOSE.PERMISSIONS_CHANGED), 5_000, 'close after removal');
      await waitFor(() => home.closeCodes.includes(CLOSE.FORBIDDEN), 20_000, 'refused reconnect');
      expect(home.provider.shouldConnect).toBe(false);
    });

    it('closes every socket of a person whose role changed (one decision for all of them), and no one else’s', async () => {
      const { organisation_id: org } = (await db.get<{ organisation_id: string | null }>(
        'SELECT organisation_id FROM memberships WHERE network_id = ? AND user_id = ?',
        [world.networkId, world.users.repA],
      ))!;
      const tabs = await Promise.all(Array.from({ length: 12 }, () => open(world.users.repA, world.docs.commons)));
      const bystander = await open(world.users.observer, world.docs.commons);
      await Promise.all([...tabs, bystander].map((c) => synced(c)));
      try {
        await changeRole(db, world.networkId, world.users.repA, 'observer', null);
        await waitFor(
          () => tabs.every((t) => t.closeCodes.includes(CLOSE.PERMISSIONS_CHANGED)),
          5_000,
          'every tab closed after the role change',
        );
        expect(bystander.closeCodes).not.toContain(CLOSE.PERMISSIONS_CHANGED);
      } finally {
        await changeRole(db, world.networkId, world.users.repA, 'representative', org);
      }
    });
  });
}
