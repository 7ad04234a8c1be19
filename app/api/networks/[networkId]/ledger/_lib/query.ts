import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import type { Locale } from '@/lib/i18n';

/**
 * Parses a GET request's query string with a zod schema, with messages in the
 * person's language; a bad filter is a 400 like a bad body.
 */
export function parseQuery<S extends z.ZodType>(req: NextRequest, schema: S, locale: Locale): z.output<S> {
  const raw: Record<string, string> = {};
  for (const [k, v] of req.nextUrl.searchParams) if (v !== '') raw[k] = v;
  const parsed = schema.safeParse(raw, locale === 'de' ? { error: z.locales.de().localeError } : undefined);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
  throw new AppError(400, 'errors.invalidInput', { details });
}
