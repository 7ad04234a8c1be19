/**
 * `@hocuspocus/server@4.7.0` with no extensions (no auth). HOCUS_SQLITE=<file>
 * turns on a minimal persistence through its own hooks: the whole document
 * state is stored (debounced, Hocuspocus' default) and loaded on open.
 */
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { Server } from '@hocuspocus/server';
import { installMetrics } from '../lib/child-metrics';

const { ready } = installMetrics();
const file = process.env.HOCUS_SQLITE;
const db = file ? new Database(file) : null;
if (db) {
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE IF NOT EXISTS docs (name TEXT PRIMARY KEY, data BLOB NOT NULL)');
}
const extensions = db
  ? [
      {
        async onLoadDocument({ documentName, document }: { documentName: string; document: Y.Doc }) {
          const row = db.prepare('SELECT data FROM docs WHERE name = ?').get(documentName) as
            { data: Buffer } | undefined;
          if (row) Y.applyUpdate(document, new Uint8Array(row.data));
          return document;
        },
        async onStoreDocument({ documentName, document }: { documentName: string; document: Y.Doc }) {
          db.prepare(
            'INSERT INTO docs (name, data) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET data = excluded.data',
          ).run(documentName, Buffer.from(Y.encodeStateAsUpdate(document)));
        },
      },
    ]
  : [];

const server = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: false, extensions });
await server.listen();
ready(server.address.port);
