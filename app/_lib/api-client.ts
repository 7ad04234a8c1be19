import type { Translate } from '@/lib/i18n';

/**
 * The one way client components talk to our route handlers: JSON in and out,
 * cookies of this origin, and every failure as an `ApiError` in the one shape
 * of docs/api.md (`{ error: { code, message, fields? } }`):
 *
 *   const { goal } = await api.post<{ goal: Goal }>(`/api/networks/${id}/goals`, body);
 *   const page = await api.get<Page>(`/api/networks/${id}/ledger${qs({ unit, limit: 25 })}`);
 *
 * - A refusal (4xx, 500) throws `ApiError` with the server's `message` (already
 *   in the person's language), its `code` (e.g. `cooperation.errors.selfEntry`)
 *   and `fields` (per-field messages, keys are the body's paths: `amount`,
 *   `indicators.0.label`), which `useForm` puts onto the fields.
 * - When the server cannot be reached (offline, connection reset, or a proxy's
 *   502–504 while the app restarts) it throws `Unreachable` (an ApiError with
 *   status 0 and code `unreachable`): the change may be retried or queued.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The request never reached the server, or no answer came back: safe to retry with the same idempotency key. */
export class Unreachable extends ApiError {
  constructor(detail: string) {
    super(0, 'unreachable', detail);
    this.name = 'Unreachable';
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export async function request<T = unknown>(method: Method | (string & {}), url: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch (err) {
    throw new Unreachable(err instanceof Error ? err.message : 'fetch failed');
  }
  const text = await res.text().catch(() => '');
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (res.ok) return json as T;
  if (res.status >= 502 && res.status <= 504) throw new Unreachable(`HTTP ${res.status}`);
  const error = (json as { error?: { code?: unknown; message?: unknown; fields?: unknown } } | null)?.error;
  throw new ApiError(
    res.status,
    typeof error?.code === 'string' ? error.code : 'http',
    typeof error?.message === 'string' ? error.message : `HTTP ${res.status}`,
    error?.fields && typeof error.fields === 'object' ? (error.fields as Record<string, string>) : {},
  );
}

export const api = {
  get: <T = unknown>(url: string) => request<T>('GET', url),
  post: <T = unknown>(url: string, body: unknown = {}) => request<T>('POST', url, body),
  patch: <T = unknown>(url: string, body: unknown) => request<T>('PATCH', url, body),
  put: <T = unknown>(url: string, body: unknown) => request<T>('PUT', url, body),
  delete: <T = unknown>(url: string) => request<T>('DELETE', url),
};

/**
 * What to tell a person about a failed request, in their language: the
 * server's message for a refusal, "cannot reach the server" when it was
 * unreachable, a generic line for anything else.
 */
export function errorText(err: unknown, t: Translate): string {
  if (err instanceof Unreachable) return t('errors.network');
  if (err instanceof ApiError) return err.code === 'http' ? t('errors.generic') : err.message;
  return t('errors.generic');
}

/** A fresh client-made idempotency key (a retried write is stored once). */
export function newKey(): string {
  return crypto.randomUUID();
}

/** A query string from a filter object, leaving out empty values (`?unit=hours&limit=25`, or ''). */
export function qs(params: Record<string, string | number | boolean | undefined | null>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}
