import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { InputError } from '@/lib/errors';
import type { Locale } from '@/lib/i18n';

/**
 * Parses a GET request's query string with a zod schema, with messages in the
 * person's language; a bad filter is a 400 in the same shape as a bad body
 * (`invalid_input` with `fields`).
 */
export function parseQuery<S extends z.ZodType>(req: NextRequest, schema: S, locale: Locale): z.output<S> {
  const raw: Record<string, string> = {};
  for (const [k, v] of req.nextUrl.searchParams) if (v !== '') raw[k] = v;
  void locale; // the words are chosen when the refusal is answered (presentError), in the person's language
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new InputError(parsed.error.issues);
}
