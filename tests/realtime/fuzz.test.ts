/**
 * A short run of the structure-aware fuzzer (tests/realtime/fuzz-harness.ts)
 * against a real server process: no crash, no unloadable document, bounded
 * RSS, and an honest client still converging after every batch. The long run
 * is `npm run fuzz` (docs/realtime.md).
 */
import { describe, expect, it } from 'vitest';
import { runFuzz } from './fuzz-harness';

const FRAMES = Number(process.env.FUZZ_FRAMES ?? 3000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);

describe('realtime server under structure-aware fuzzing', () => {
  it(`survives ${FRAMES} generated and mutated frames (seed ${SEED})`, async () => {
    const lines: string[] = [];
    const result = await runFuzz({ seed: SEED, frames: FRAMES, batch: 1000, workers: 4, log: (l) => lines.push(l) });
    if (result.failures.length) console.error(lines.join('\n'));
    expect(result.failures).toEqual([]);
    expect(result.crashes).toBe(0);
    expect(result.unloadable).toEqual([]);
    expect(result.framesSent).toBe(FRAMES);
    expect(result.batches).toBeGreaterThanOrEqual(3);
    // The hostile frames were refused (not silently accepted).
    expect((result.closes[4002] ?? 0) + (result.closes[4400] ?? 0)).toBeGreaterThan(10);
  }, 600_000);
});
