import { hash, verify } from '@node-rs/argon2';

/**
 * Argon2id password hashing (@node-rs/argon2, prebuilt binaries in the npm
 * package). m = 19 MiB, t = 2: about 20–26 ms a hash on our machines. At most
 * four hashes run at once, so a burst of sign-ins cannot exhaust memory.
 */
const OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
const MAX_CONCURRENT = 4;

let running = 0;
const waiting: (() => void)[] = [];

async function limited<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((r) => waiting.push(r));
  running++;
  try {
    return await fn();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

export function hashPassword(password: string): Promise<string> {
  return limited(() => hash(password, OPTIONS));
}

/** A valid hash of a random password: verifying against it costs the same as a real check. */
let dummy: Promise<string> | undefined;

/**
 * Verifies `password` against `stored`; with no stored hash (unknown user) it
 * verifies against a dummy so the answer takes as long either way.
 */
export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  dummy ??= hashPassword(crypto.randomUUID());
  const target = stored ?? (await dummy);
  const ok = await limited(() => verify(target, password).catch(() => false));
  return stored ? ok : false;
}
