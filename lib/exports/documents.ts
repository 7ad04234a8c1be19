import * as Y from 'yjs';
import { parseDocName, type DocName } from '../docs/names';
import type { Queryable } from '../db/types';
import { fragmentToDoc } from '../goals/description-doc';
import { DOC_ROOTS } from '../realtime/doc-schema';
import { docMarkdown, mdLine } from './markdown';

/**
 * The collaborative documents of a network, read from what the realtime
 * server stored (the latest snapshot plus the log rows after it: the same
 * state a new browser would get) and rendered as Markdown, one file per
 * document. Nothing here opens a socket or takes the document's lock: an
 * export is a read.
 */

const toU8 = (b: Uint8Array | Buffer) => (b instanceof Uint8Array ? b : new Uint8Array(b));

/** Every stored document name of a network (any kind), sorted. */
export async function listNetworkDocs(q: Queryable, networkId: string): Promise<DocName[]> {
  const like = (prefix: string) => `${prefix}.${networkId}%`;
  const rows = await q.all<{ doc: string }>(
    `SELECT doc FROM yjs_snapshots WHERE doc LIKE ? OR doc LIKE ? OR doc LIKE ? OR doc LIKE ?
     UNION SELECT DISTINCT doc FROM yjs_updates WHERE doc LIKE ? OR doc LIKE ? OR doc LIKE ? OR doc LIKE ?`,
    [...['commons', 'org', 'home', 'meeting'].map(like), ...['commons', 'org', 'home', 'meeting'].map(like)],
  );
  return rows
    .map((r) => r.doc)
    .sort()
    .map(parseDocName)
    .filter((d): d is DocName => d !== null && d.networkId === networkId);
}

/** A stored document as a Y.Doc (empty when nothing was stored). The caller destroys it. */
export async function loadStoredDoc(q: Queryable, name: string): Promise<Y.Doc> {
  const snap = await q.get<{ data: Uint8Array; upto_id: number | string }>(
    'SELECT data, upto_id FROM yjs_snapshots WHERE doc = ?',
    [name],
  );
  const rows = await q.all<{ data: Uint8Array }>('SELECT data FROM yjs_updates WHERE doc = ? AND id > ? ORDER BY id', [
    name,
    snap ? Number(snap.upto_id) : 0,
  ]);
  const doc = new Y.Doc({ gc: true });
  doc.transact(() => {
    if (snap) Y.applyUpdate(doc, toU8(snap.data));
    for (const r of rows) Y.applyUpdate(doc, toU8(r.data));
  });
  return doc;
}

export interface DocWords {
  /** The document's title line, e.g. "Shared notes" or "Alpha e.V. — home notes". */
  title: string;
  /** The heading of one root (`notes`, `profile`, …) in the reader's language. */
  root: (root: string) => string;
  /** A goal's title by id (commons `goals` map), or null when unknown. */
  goalTitle: (goalId: string) => string | null;
}

/** One document as Markdown: its title, then each root that has content, under its heading. */
export function renderDocMarkdown(name: DocName, doc: Y.Doc, words: DocWords): string {
  const parts: string[] = [`# ${mdLine(words.title)}`];
  for (const [root, type] of Object.entries(DOC_ROOTS[name.kind])) {
    if (type === 'xml') {
      const md = docMarkdown(fragmentToDoc(doc.getXmlFragment(root))).trim();
      if (md) parts.push(`## ${mdLine(words.root(root))}`, md);
    } else if (type === 'map' && root === 'goals') {
      const goals = doc.getMap<unknown>(root);
      const sections: string[] = [];
      for (const goalId of [...goals.keys()].sort()) {
        const frag = goals.get(goalId);
        if (!(frag instanceof Y.XmlFragment)) continue;
        const md = docMarkdown(fragmentToDoc(frag)).trim();
        if (md) sections.push(`### ${mdLine(words.goalTitle(goalId) ?? goalId)}`, md);
      }
      if (sections.length) parts.push(`## ${mdLine(words.root(root))}`, ...sections);
    }
  }
  if (parts.length === 1) parts.push(`_${mdLine(words.root('_empty'))}_`);
  return parts.join('\n\n') + '\n';
}
