/**
 * A time budget for decoding untrusted updates.
 *
 * Crafted Yjs updates can make a decoder loop for a long time (yjs issue 687).
 * The server only ever runs V1 decoding on client bytes, and small updates
 * decode in microseconds, so those stay on the event loop. A large update is
 * first decoded in a worker thread: if that does not finish within the
 * budget, the worker is terminated (and replaced) and the update refused, so
 * no client can stall the event loop that serves every other room.
 *
 * Checks run one at a time in one worker; a refused or crashed worker is
 * replaced on the next check. If no worker can be started at all, the check
 * falls back to "decodable" and the update is validated on the event loop as
 * before (logged once).
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export type DecodeVerdict = 'ok' | 'undecodable' | 'timeout';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Y = require(workerData.yjs);
parentPort.on('message', (m) => {
  let ok = true;
  try { Y.decodeUpdate(m.bytes); } catch { ok = false; }
  parentPort.postMessage({ id: m.id, ok });
});
`;

export class DecodeGuard {
  private worker: Worker | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  private seq = 0;
  private unavailable = false;
  private closed = false;

  constructor(
    /** How long one decode may take in the worker. */
    private readonly budgetMs: number,
    private readonly log: (level: 'warn', msg: string, extra?: unknown) => void,
  ) {}

  /** Decodes `bytes` in the worker within the budget. */
  check(bytes: Uint8Array): Promise<DecodeVerdict> {
    const run = () => this.run(bytes);
    const result = this.chain.then(run, run);
    this.chain = result.catch(() => undefined);
    return result;
  }

  private spawn(): Worker | null {
    if (this.worker) return this.worker;
    if (this.unavailable || this.closed) return null;
    try {
      const yjs = createRequire(import.meta.url).resolve('yjs');
      const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { yjs } });
      w.unref();
      w.on('error', (err) => {
        this.log('warn', 'update decode worker failed; a new one starts with the next large update', err);
        if (this.worker === w) this.worker = null;
      });
      this.worker = w;
      return w;
    } catch (err) {
      this.unavailable = true;
      this.log('warn', 'no worker for decoding large updates; they are validated on the event loop', err);
      return null;
    }
  }

  private run(bytes: Uint8Array): Promise<DecodeVerdict> {
    const w = this.spawn();
    if (!w) return Promise.resolve('ok');
    const id = ++this.seq;
    return new Promise<DecodeVerdict>((resolve) => {
      const finish = (verdict: DecodeVerdict) => {
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('exit', onExit);
        resolve(verdict);
      };
      const onMessage = (m: { id: number; ok: boolean }) => {
        if (m.id === id) finish(m.ok ? 'ok' : 'undecodable');
      };
      const onExit = () => {
        if (this.worker === w) this.worker = null;
        finish('undecodable');
      };
      const timer = setTimeout(() => {
        if (this.worker === w) this.worker = null;
        finish('timeout');
        void w.terminate();
      }, this.budgetMs);
      w.on('message', onMessage);
      w.on('exit', onExit);
      w.postMessage({ id, bytes });
    });
  }

  /** Ends the worker (graceful shutdown, tests). */
  async close(): Promise<void> {
    this.closed = true;
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}
