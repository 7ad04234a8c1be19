/**
 * kill -9 at random moments loses no acknowledged update (25 kills here;
 * `npm run chaos` runs 100).
 */
import { describe, expect, it } from 'vitest';
import { CLOSE } from '@/lib/realtime/close-codes';
import { runGracefulShutdown, runKillChaos } from './kill-harness';

const KILLS = Number(process.env.CHAOS_KILLS ?? 25);

describe('realtime durability under kill -9', () => {
  it(`keeps every acknowledged update across ${KILLS} random kills and restarts`, async () => {
    const lines: string[] = [];
    const result = await runKillChaos({ kills: KILLS, log: (l) => lines.push(l) });
    if (result.lossEvents > 0) console.error(lines.join('\n'));
    expect(result.lossEvents).toBe(0);
    expect(result.acksReceived).toBeGreaterThan(KILLS);
    expect(result.finalStored).toBeGreaterThanOrEqual(result.finalAcked);
    // Forward-first: whatever an observer saw and a kill lost came back through the author's resend.
    expect(result.cameBack).toBe(result.seenNotStored);
  }, 900_000);

  it('on SIGTERM flushes, closes sockets with 1012 and exits 0', async () => {
    const result = await runGracefulShutdown();
    expect(result.exitCode).toBe(0);
    expect(result.closeCodes[0]).toBe(CLOSE.SERVICE_RESTART);
    expect(result.stored).toBeGreaterThanOrEqual(result.acked);
  }, 300_000);
});
