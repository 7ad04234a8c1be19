/**
 * Collaborative document names. Documents are partitioned by who may write
 * them, because any peer that may write a Yjs document can change all of it:
 *
 * - `commons.<networkId>`            every member organisation writes
 * - `org.<networkId>.<orgId>`        that organisation writes, other members read
 * - `home.<networkId>.<orgId>`       that organisation only; nobody else may read
 * - `meeting.<networkId>.<meetingId>` live minutes (reserved for meetings)
 *
 * This is the only place that parses a document name. Ids are the lower-case
 * UUIDs the data layer makes; anything else is refused.
 */
export type DocName =
  | { kind: 'commons'; networkId: string }
  | { kind: 'org'; networkId: string; orgId: string }
  | { kind: 'home'; networkId: string; orgId: string }
  | { kind: 'meeting'; networkId: string; meetingId: string };

const ID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const PATTERN = new RegExp(`^(commons)\\.(${ID})$|^(org|home|meeting)\\.(${ID})\\.(${ID})$`);

/** Parses a document name; returns null for anything that is not exactly one of the four forms. */
export function parseDocName(name: string): DocName | null {
  if (typeof name !== 'string' || name.length > 200) return null;
  const m = PATTERN.exec(name);
  if (!m) return null;
  if (m[1] === 'commons') return { kind: 'commons', networkId: m[2] };
  const [kind, networkId, other] = [m[3], m[4], m[5]];
  if (kind === 'meeting') return { kind: 'meeting', networkId, meetingId: other };
  return { kind: kind as 'org' | 'home', networkId, orgId: other };
}

/** The canonical name of a document. */
export function docName(d: DocName): string {
  switch (d.kind) {
    case 'commons':
      return `commons.${d.networkId}`;
    case 'org':
    case 'home':
      return `${d.kind}.${d.networkId}.${d.orgId}`;
    case 'meeting':
      return `meeting.${d.networkId}.${d.meetingId}`;
  }
}
