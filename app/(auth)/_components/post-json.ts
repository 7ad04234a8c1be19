/** What a JSON POST to our API came back with. */
export type PostResult<T> =
  { ok: true; data: T } | { ok: false; status: number; code: string; message: string; fields: Record<string, string> };

/**
 * POSTs JSON to one of our route handlers and reads the `{ error }` shape of
 * a refusal. A network failure comes back as status 0 with `fallbackMessage`.
 */
export async function postJson<T = unknown>(
  url: string,
  body: unknown,
  fallbackMessage: string,
): Promise<PostResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, code: 'network', message: fallbackMessage, fields: {} };
  }
  const json = (await res.json().catch(() => null)) as
    (T & { error?: { code: string; message: string; fields?: Record<string, string> } }) | null;
  if (res.ok) return { ok: true, data: json as T };
  return {
    ok: false,
    status: res.status,
    code: json?.error?.code ?? 'internal',
    message: json?.error?.message ?? fallbackMessage,
    fields: json?.error?.fields ?? {},
  };
}
