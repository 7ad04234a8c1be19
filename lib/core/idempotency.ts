import { z } from 'zod';

/**
 * Client-generated key that makes a retried write land once: a command that
 * takes one stores it with the row (unique per network) and answers a retry
 * with the row already written.
 */
export const ZIdempotencyKey = z
  .string()
  .trim()
  .min(8)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/);
