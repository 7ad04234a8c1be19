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
