/**
 * Who is connecting, decided at the websocket upgrade: the Origin must be
 * allowed; then either a single-use ticket (`?ticket=`) or the next-auth
 * session cookie identifies the person (either only while its session version
 * is current: `lib/auth/session-version.ts`); then `lib/policies` decides read or
 * write for this document. Every refusal maps to a permanent close code.
 */
import type { IncomingMessage } from 'node:http';
import { decode } from 'next-auth/jwt';
import { sessionVersionValid } from '../lib/auth/session-version';
import type { Db } from '../lib/db/types';
import { parseDocName, docName as canonicalName, type DocName } from '../lib/docs/names';
import { documentAccess } from '../lib/meetings/doc-access';
import { loadActor } from '../lib/policies/load-actor';
import { CLOSE } from '../lib/realtime/close-codes';
import { PARAM_ACK, PARAM_TICKET, type Access } from '../lib/realtime/protocol';
import { consumeTicket } from '../lib/realtime/tickets';

export interface Admission {
  userId: string;
  /** The session version the session or ticket carried (checked now; the watcher closes the socket when it moves on). */
  sessionVersion: number;
  docName: string;
  doc: DocName;
  access: Access;
  wantsAck: boolean;
}

export type AdmissionResult = { ok: true; admission: Admission } | { ok: false; code: number; reason: string };

const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

export interface AuthConfig {
  allowedOrigins: ReadonlySet<string>;
  /** The next-auth secret (for cookie sessions); undefined disables cookie sign-in. */
  secret: string | undefined;
}

/** Origins allowed at the upgrade: APP_URL's origin plus the comma-separated extras. */
export function originsFrom(appUrl: string, extra: string): Set<string> {
  const set = new Set<string>();
  for (const raw of [appUrl, ...extra.split(',')]) {
    const v = raw.trim();
    if (!v) continue;
    try {
      set.add(new URL(v).origin);
    } catch {
      /* ignore malformed entries */
    }
  }
  return set;
}

function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!header) return out;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    const k = part.slice(0, i).trim();
    const v = part.slice(i + 1).trim();
    try {
      out.set(k, decodeURIComponent(v));
    } catch {
      out.set(k, v);
    }
  }
  return out;
}

/** The session token, also when next-auth chunked it into `.0`, `.1`, … cookies. */
function sessionToken(cookies: Map<string, string>): string | undefined {
  for (const name of SESSION_COOKIES) {
    const whole = cookies.get(name);
    if (whole) return whole;
    let joined = '';
    for (let i = 0; cookies.has(`${name}.${i}`); i++) joined += cookies.get(`${name}.${i}`);
    if (joined) return joined;
  }
  return undefined;
}

async function userFromSession(db: Db, token: string, secret: string): Promise<Identified | null> {
  try {
    const jwt = await decode({ token, secret });
    if (!jwt || typeof jwt.uid !== 'string' || jwt.revoked) return null;
    if (typeof jwt.exp === 'number' && jwt.exp * 1000 < Date.now()) return null;
    if (!(await sessionVersionValid(db, jwt.uid, jwt.sv))) return null;
    return { userId: jwt.uid, sessionVersion: Number(jwt.sv) };
  } catch {
    return null;
  }
}

interface Identified {
  userId: string;
  sessionVersion: number;
}

/** Decides read/write for `userId` on `doc` now; null = no access (or, for a meeting's document, no such meeting). */
export async function accessFor(db: Db, userId: string, doc: DocName): Promise<Access | null> {
  const access = await documentAccess(db, await loadActor(db, userId, doc.networkId), doc);
  return access === 'unknown' ? null : access;
}

export async function admit(db: Db, req: IncomingMessage, cfg: AuthConfig): Promise<AdmissionResult> {
  const origin = req.headers.origin;
  if (!origin || origin === 'null' || !cfg.allowedOrigins.has(origin)) {
    return { ok: false, code: CLOSE.FORBIDDEN, reason: 'origin not allowed' };
  }
  let url: URL;
  try {
    url = new URL(req.url ?? '/', 'http://realtime.invalid');
  } catch {
    return { ok: false, code: CLOSE.UNKNOWN_DOCUMENT, reason: 'unknown document' };
  }
  let rawName: string;
  try {
    rawName = decodeURIComponent(url.pathname.replace(/^\/+/, ''));
  } catch {
    return { ok: false, code: CLOSE.UNKNOWN_DOCUMENT, reason: 'unknown document' };
  }
  const doc = parseDocName(rawName);
  if (!doc) return { ok: false, code: CLOSE.UNKNOWN_DOCUMENT, reason: 'unknown document' };
  const docName = canonicalName(doc);

  const ticket = url.searchParams.get(PARAM_TICKET);
  // A ticket admits only while the session version it was minted under is current.
  let who: Identified | null = ticket ? await consumeTicket(db, ticket, docName) : null;
  // No ticket, or a used/expired one (a stock client reconnecting with the same
  // params): the session cookie, when the browser sent one, decides instead.
  if (!who && cfg.secret) {
    const token = sessionToken(parseCookies(req.headers.cookie));
    if (token) who = await userFromSession(db, token, cfg.secret);
  }
  if (!who) return { ok: false, code: CLOSE.UNAUTHENTICATED, reason: 'unauthenticated' };
  const { userId, sessionVersion } = who;

  const access = await documentAccess(db, await loadActor(db, userId, doc.networkId), doc);
  // A meeting's document exists only while its meeting does.
  if (access === 'unknown') return { ok: false, code: CLOSE.UNKNOWN_DOCUMENT, reason: 'no such meeting' };
  if (!access) return { ok: false, code: CLOSE.FORBIDDEN, reason: 'forbidden' };
  return {
    ok: true,
    admission: { userId, sessionVersion, docName, doc, access, wantsAck: url.searchParams.get(PARAM_ACK) === '1' },
  };
}
