import type { NextRequest } from 'next/server';
import { z } from 'zod';
import type { Locale, Translate } from '@/lib/i18n';
import { errorResponse } from '@/app/_lib/route';

/**
 * Parses a JSON body with an account schema whose messages are i18n keys
 * (see lib/auth/schemas.ts) and answers 400 in the person's language when it
 * fails. Returns either the data or the Response to send.
 */
export async function parseBody<S extends z.ZodType>(
  req: NextRequest,
  schema: S,
  locale: Locale,
  t: Translate,
): Promise<{ data: z.output<S> } | { response: Response }> {
  let raw: unknown;
  try {
    raw = await req.json();
  } catch {
    return { response: errorResponse(400, 'invalid_json', t('errors.invalidJson')) };
  }
  const parsed = schema.safeParse(raw, locale === 'de' ? { error: z.locales.de().localeError } : undefined);
  if (parsed.success) return { data: parsed.data };
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[issue.path.join('.') || '_'] ??= t(issue.message);
  const details = Object.entries(fields)
    .map(([k, v]) => (k === '_' ? v : `${k}: ${v}`))
    .join('; ');
  return { response: errorResponse(400, 'invalid_input', t('errors.invalidInput', { details }), fields) };
}
