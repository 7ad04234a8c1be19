import type { z } from 'zod';
import { InputError } from '../errors';

/**
 * Parses command input. Route handlers already parse with localised zod
 * messages; this is the command's own guard for every other caller (scripts,
 * the demo seed, tests), refusing with a 400 that names the field.
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new InputError(parsed.error.issues);
}
