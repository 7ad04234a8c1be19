'use client';

/**
 * The cooperation screens' way to the API: JSON in and out, the server's
 * message (already in the person's language) on refusal, a distinct error
 * when the server cannot be reached (the caller may queue the change).
 */
export class ApiRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

/** The request never reached the server (offline, server down). */
export class Unreachable extends Error {}

export async function api<T = unknown>(url: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method ?? 'GET',
      headers:
        init.body !== undefined
          ? { 'content-type': 'application/json', accept: 'application/json' }
          : { accept: 'application/json' },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
      credentials: 'same-origin',
    });
  } catch {
    throw new Unreachable('unreachable');
  }
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) {
    // 5xx from a proxy while the app restarts counts as unreachable: the change may be retried.
    if (res.status >= 502 && res.status <= 504) throw new Unreachable(`HTTP ${res.status}`);
    const err = (json as { error?: { code: string; message: string; fields?: Record<string, string> } } | null)?.error;
    throw new ApiRefusal(res.status, err?.code ?? 'http', err?.message ?? `HTTP ${res.status}`, err?.fields);
  }
  return json as T;
}

/** A fresh client-generated idempotency key. */
export function newKey(): string {
  return crypto.randomUUID();
}

/** Query-string from a filter object, leaving out empty values. */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}
