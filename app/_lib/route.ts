import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { getSessionUser, type SessionUser } from '@/lib/auth/session';
import { getDb, type Db } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError, InputError } from '@/lib/errors';
import { describeIssues } from '@/lib/core/issues';
import { translator, type Locale, type Translate } from '@/lib/i18n';
import { ForbiddenError } from '@/lib/policies';
import { forgetForMeCounts } from '@/lib/for-me/count-cache';
import { requestLocale } from './locale';

/**
 * Route handlers are thin: parse (zod) → authorize → one command → present.
 * `route` does the parts every handler shares:
 * - state-changing methods must come from our own origin (CSRF: route
 *   handlers have no protection of their own);
 * - the session user is looked up (401 when required and missing);
 * - the JSON body is parsed with the handler's zod schema, errors in the
 *   person's language (400);
 * - AppError and ForbiddenError become 4xx answers with a readable message;
 *   anything else is logged and answered with a generic 500.
 */
export interface RouteContext<B, P> {
  req: NextRequest;
  db: Db;
  user: SessionUser;
  body: B;
  params: P;
  locale: Locale;
  t: Translate;
}

type Params = Record<string, string>;

interface Options<S extends z.ZodType | undefined, P extends Params = Params> {
  body?: S;
  /** Allow signed-out callers (user is then null). */
  anonymous?: boolean;
  /**
   * Permission before validation: runs before the body is read, so a person
   * who may not act at all gets 403/404, never a 400 about their input.
   */
  authorize?: (ctx: { db: Db; user: SessionUser; params: P }) => Promise<void>;
}

export type ApiErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

export function errorResponse(status: number, code: string, message: string, fields?: Record<string, string>) {
  return NextResponse.json<ApiErrorBody>({ error: { code, message, ...(fields ? { fields } : {}) } }, { status });
}

/**
 * True when the request comes from our own pages (or is not a browser's
 * cross-site request): its Origin is APP_URL or the host the request was sent
 * to. X-Forwarded-Host and X-Forwarded-Proto name that host only behind a
 * trusted proxy (`TRUST_PROXY=1`); otherwise anyone could send them, so only
 * the Host header counts.
 */
export function isSameOrigin(req: NextRequest, trustProxy = env().TRUST_PROXY === '1'): boolean {
  const site = req.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return false;
  const origin = req.headers.get('origin');
  if (!origin) return site === 'same-origin' || site === 'none' || !site;
  if (origin === 'null') return false;
  const allowed = new Set([env().appUrl]);
  if (trustProxy) {
    allowed.add(req.nextUrl.origin);
    const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
    const proto = req.headers.get('x-forwarded-proto') ?? req.nextUrl.protocol.replace(':', '');
    if (host) allowed.add(`${proto}://${host}`);
  } else {
    // Next derives nextUrl from forwarded headers too, so only the Host header the client connected with counts.
    const host = req.headers.get('host');
    if (host) for (const proto of ['http', 'https']) allowed.add(`${proto}://${host}`);
  }
  return allowed.has(origin);
}

export function route<S extends z.ZodType | undefined = undefined, P extends Params = Params>(
  opts: Options<S, P>,
  handler: (
    ctx: RouteContext<S extends z.ZodType ? z.output<S> : undefined, P> & { user: SessionUser },
  ) => Promise<Response | unknown>,
) {
  return async (req: NextRequest, routeCtx: { params: Promise<P> }): Promise<Response> => {
    const locale = await requestLocale();
    const t = translator(locale);
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD' && !isSameOrigin(req)) {
        return errorResponse(403, 'bad_origin', t('errors.badOrigin'));
      }
      const user = await getSessionUser();
      if (!user && !opts.anonymous) return errorResponse(401, 'unauthenticated', t('errors.unauthenticated'));

      if (opts.authorize && user) {
        await opts.authorize({ db: await getDb(), user, params: ((await routeCtx.params) ?? {}) as P });
      }
      let body: unknown = undefined;
      if (opts.body) {
        let raw: unknown;
        try {
          raw = await req.json();
        } catch {
          return errorResponse(400, 'invalid_json', t('errors.invalidJson'));
        }
        const parsed = opts.body.safeParse(raw);
        if (!parsed.success) {
          const { fields, details } = describeIssues(parsed.error.issues, t);
          return errorResponse(400, 'invalid_input', t('errors.invalidInput', { details }), fields);
        }
        body = parsed.data;
      }
      const db = await getDb();
      const params = (await routeCtx.params) ?? ({} as P);
      const result = await handler({
        req,
        db,
        user: user as SessionUser,
        body: body as never,
        params,
        locale,
        t,
      });
      // The person changed something: their bell's cached count may be out of date now (lib/for-me/count-cache.ts).
      if (user && req.method !== 'GET' && req.method !== 'HEAD') forgetForMeCounts(user.id);
      if (result instanceof Response) return result;
      return NextResponse.json(result ?? { ok: true });
    } catch (err) {
      return presentError(err, t);
    }
  };
}

export function presentError(err: unknown, t: Translate): Response {
  if (err instanceof InputError) {
    // Bad input found by a command or a query string: the same shape as a bad body.
    const { fields, details } = describeIssues(err.issues, t);
    return errorResponse(400, 'invalid_input', t('errors.invalidInput', { details }), fields);
  }
  if (err instanceof AppError) {
    const message = t(err.key, err.vars);
    return errorResponse(err.status, err.key, message, err.field ? { [err.field]: message } : undefined);
  }
  if (err instanceof ForbiddenError) {
    return err.notFound
      ? errorResponse(404, 'not_found', t('errors.notFound'))
      : errorResponse(403, 'forbidden', t('errors.forbidden'));
  }
  console.error('[api] unexpected error:', err);
  return errorResponse(500, 'internal', t('errors.generic'));
}
