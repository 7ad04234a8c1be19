import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb } from '../db';
import { clientAddress } from './address';
import { verifyPassword } from './password';
import { authSecret } from './secret';
import { sessionVersionValid } from './session-version';
import { recordSuccess, reserveAttempt } from './throttle';

/**
 * The error codes sign-in can end with (next-auth passes them to the page as
 * `error`): wrong credentials (unknown account and wrong password alike) and
 * throttled. The sign-in page translates them.
 */
/** Thrown in the jwt callback when the session version moved on (password change, sign out everywhere, removal). */
class SessionEndedError extends Error {
  static readonly NAME = 'SessionEndedError';
  constructor() {
    super('The session has ended.');
    this.name = SessionEndedError.NAME;
  }
}

export const SIGN_IN_ERROR = { failed: 'CredentialsSignin', throttled: 'throttled' } as const;

/** Sessions are short: a JWT cannot be revoked, so it must not live long. */
export const SESSION_MAX_AGE_S = 8 * 60 * 60;

const ZCredentials = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(1024),
});

interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  locale: string;
  session_version: number;
}

/**
 * Checks email and password. Unknown email and wrong password take the same
 * time and give the same answer (null).
 */
export async function checkCredentials(raw: unknown): Promise<UserRow | null> {
  const parsed = ZCredentials.safeParse(raw);
  if (!parsed.success) return null;
  const db = await getDb();
  const user = await db.get<UserRow>('SELECT * FROM users WHERE email = ?', [parsed.data.email]);
  const ok = await verifyPassword(user?.password_hash, parsed.data.password);
  return ok && user ? user : null;
}

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S, updateAge: 60 * 60 },
    jwt: { maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: '/signin', error: '/signin' },
    providers: [
      CredentialsProvider({
        name: 'Email',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(credentials, req) {
          const email = typeof credentials?.email === 'string' ? credentials.email.trim().toLowerCase() : '';
          const subject = { email, address: clientAddress(req?.headers ?? {}) };
          const db = await getDb();
          // Counted as a failure before the password is checked, atomically, so
          // parallel attempts cannot slip past the limit; a success takes it back.
          const verdict = await reserveAttempt(db, subject, Date.now());
          // A distinct code, so the page can say "wait"; it says nothing about
          // whether the account exists (the counter is per email as typed).
          if (!verdict.allowed) throw new Error(SIGN_IN_ERROR.throttled);
          const user = await checkCredentials(credentials);
          if (!user) return null;
          await recordSuccess(db, subject);
          return { id: user.id, email: user.email, name: user.name, sv: user.session_version };
        },
      }),
    ],
    logger: {
      // An ended session is expected, not an error worth a log line.
      error(code, metadata) {
        const err = metadata as { name?: string; error?: { name?: string } } | undefined;
        if (err?.name === SessionEndedError.NAME || err?.error?.name === SessionEndedError.NAME) return;
        console.error(`[next-auth][error][${code}]`, metadata);
      },
      warn(code) {
        if (code === 'NEXTAUTH_URL') return; // APP_URL is the address; next-auth falls back to the request's host
        console.warn(`[next-auth][warn][${code}]`);
      },
      debug() {},
    },
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.sv = (user as { sv?: number }).sv ?? 1;
          return token;
        }
        // Every use of the session re-checks the session version: password
        // change, "sign out everywhere" and removal end it at once.
        if (typeof token.uid === 'string') {
          // An ended session: throwing makes next-auth clear the session
          // cookie and answer `{}` (signed out) instead of a user-less session.
          if (!(await sessionVersionValid(await getDb(), token.uid, token.sv))) throw new SessionEndedError();
        }
        return token;
      },
      async session({ session, token }) {
        if (token.revoked || typeof token.uid !== 'string') return { ...session, user: undefined };
        // `sv`: the session version this session was checked against just now (realtime tickets carry it).
        return { ...session, user: { ...session.user, id: token.uid, sv: Number(token.sv) } };
      },
    },
  };
}
