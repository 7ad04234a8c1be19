import { expect } from 'vitest';
import { AppError } from '@/lib/errors';
import { ForbiddenError } from '@/lib/policies';

/**
 * Expects the promise to fail as the API would answer: a policy refusal with
 * 403 or 404 (not-found), or an AppError with this status (and message key,
 * when given).
 */
export async function refused(p: Promise<unknown>, status: number, key?: string): Promise<void> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, 'expected a refusal').toBeTruthy();
  if (err instanceof ForbiddenError) {
    expect(err.notFound ? 404 : 403).toBe(status);
    return;
  }
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).status).toBe(status);
  if (key) expect((err as AppError).key).toBe(key);
}
