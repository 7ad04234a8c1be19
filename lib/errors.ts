import type { z } from 'zod';
import type { MessageKey } from './i18n';

/**
 * An error a person should read: an HTTP status and a message key (translated
 * when presented, in the person's language). Commands throw it for every
 * refusal they can name; anything else is a 500 with a generic message.
 */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 422 | 429,
    readonly key: MessageKey | (string & {}),
    readonly vars: Record<string, string | number> = {},
    /** The input field it is about (a path like `limits.0.perPeriod`): the API names it in `fields`. */
    readonly field?: string,
  ) {
    super(key);
  }
}

/**
 * Input that failed its schema (a command's own guard, a query string): a 400
 * whose answer names every field in the person's language, the same shape as
 * a bad body (`{ code: 'invalid_input', message, fields }`, docs/api.md).
 */
export class InputError extends AppError {
  constructor(readonly issues: readonly z.core.$ZodIssue[]) {
    super(400, 'errors.invalidInput', {
      details: issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; '),
    });
  }
}
