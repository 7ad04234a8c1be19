import type { NextRequest } from 'next/server';
import { z } from 'zod';
import type { Locale, Translate } from '@/lib/i18n';
import { errorResponse } from '@/app/_lib/route';
import { describeIssues } from '@/lib/core/issues';

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
  void locale;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { data: parsed.data };
  const { fields, details } = describeIssues(parsed.error.issues, t);
  return { response: errorResponse(400, 'invalid_input', t('errors.invalidInput', { details }), fields) };
}
