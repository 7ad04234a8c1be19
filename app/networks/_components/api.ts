/**
 * Calls one of our JSON route handlers from a client component. A refusal
 * throws an Error whose message is the API's `error.message` (already in the
 * person's language), so mutations can show it as it is.
 */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

export async function api<T = unknown>(
  method: string,
  url: string,
  body: unknown,
  fallbackMessage: string,
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(fallbackMessage, 0, 'network');
  }
  const json = (await res.json().catch(() => null)) as
    (T & { error?: { code: string; message: string; fields?: Record<string, string> } }) | null;
  if (!res.ok)
    throw new ApiError(
      json?.error?.message ?? fallbackMessage,
      res.status,
      json?.error?.code ?? 'internal',
      json?.error?.fields ?? {},
    );
  return json as T;
}
