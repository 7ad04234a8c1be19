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
 * replaced on the next check. A worker with nothing to check for `idleMs` ends
 * (the next check starts a new one): large updates and compactions come
 * seldom, and an idle isolate left running still collects its own garbage
 * seconds later, on a core the event loop may need. If no worker can be started at all, the check
 * falls back to "decodable" and the update is validated on the event loop as
 * before (logged once).
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { checkLoadable } from '../lib/realtime/loadable';

export type DecodeVerdict = 'ok' | 'undecodable' | 'timeout';

// 'decode': does it decode (V1)? 'load': the same check as lib/realtime/loadable.ts checkLoadable
// (kept in plain JS here, because the worker runs without the TypeScript loader).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Y = require(workerData.yjs);
function encodedProblem(u) {
  let d;
  try { d = Y.decodeUpdate(u); } catch (e) { return 'does not decode (' + (e && e.message) + ')'; }
  for (const s of d.structs) {
    if (s instanceof Y.Skip) return 'skipped range';
    if (!(s.length > 0)) return 'zero-length struct';
  }
  for (const items of d.ds.clients.values()) for (const r of items) if (!(r.len > 0)) return 'empty deletion';
  return null;
}
function loadProblem(u) {
  const p = encodedProblem(u);
  if (p) return p;
  const doc = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(doc, u);
    if (doc.store.pendingStructs || doc.store.pendingDs) return 'leaves changes pending';
    for (const [client, structs] of doc.store.clients) {
      if (!structs.length || structs[0].id.clock !== 0) return 'client ' + client + ' does not start at clock 0';
      for (let k = 0; k < structs.length; k++) {
        if (!(structs[k].length > 0)) return 'zero-length struct of client ' + client;
        if (k > 0 && structs[k - 1].id.clock + structs[k - 1].length !== structs[k].id.clock) return 'structs of client ' + client + ' not contiguous';
      }
    }
    const again = encodedProblem(Y.encodeStateAsUpdate(doc));
    return again ? 're-encoding ' + again : null;
  } catch (e) {
    return 'does not load (' + (e && e.message) + ')';
  } finally {
    doc.destroy();
  }
}
parentPort.on('message', (m) => {
  if (m.kind === 'load') return parentPort.postMessage({ id: m.id, problem: loadProblem(m.bytes) });
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
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(
    /** How long one decode may take in the worker. */
    private readonly budgetMs: number,
    private readonly log: (level: 'warn', msg: string, extra?: unknown) => void,
    /** How long the worker waits for the next check before it ends. */
    private readonly idleMs = 2_000,
  ) {}

  /** Whether a worker thread is running now (tests). */
  get running(): boolean {
    return this.worker !== null;
  }

  /**
   * Does `bytes` (a snapshot about to replace log rows) load into an empty
   * document and encode again? Null when it does, else the reason. Runs in
   * the worker within `budgetMs` (a timeout counts as "does not load"); on the
   * event loop when no worker can be started.
   */
  checkLoadable(bytes: Uint8Array, budgetMs: number): Promise<string | null> {
    const run = async (): Promise<string | null> => {
      const w = this.spawn();
      if (!w) return checkLoadable(bytes);
      const verdict = await this.ask(w, { kind: 'load', bytes }, budgetMs);
      if (verdict === 'timeout') return `checking took over ${budgetMs} ms`;
      if (verdict === 'exit') return 'the checking worker died';
      return verdict.problem ?? null;
    };
    const result = this.chain.then(run, run);
    this.chain = result.catch(() => undefined);
    return result;
  }

  /** Decodes `bytes` in the worker within the budget. */
  check(bytes: Uint8Array): Promise<DecodeVerdict> {
    const run = () => this.run(bytes);
    const result = this.chain.then(run, run);
    this.chain = result.catch(() => undefined);
    return result;
  }

  private spawn(): Worker | null {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
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

  private async run(bytes: Uint8Array): Promise<DecodeVerdict> {
    const w = this.spawn();
    if (!w) return 'ok';
    const verdict = await this.ask(w, { kind: 'decode', bytes }, this.budgetMs);
    if (verdict === 'timeout') return 'timeout';
    if (verdict === 'exit') return 'undecodable';
    return verdict.ok ? 'ok' : 'undecodable';
  }

  /** One request to the worker; a timeout terminates it (a new one starts with the next request). */
  private ask(
    w: Worker,
    msg: { kind: 'decode' | 'load'; bytes: Uint8Array },
    budgetMs: number,
  ): Promise<{ ok?: boolean; problem?: string | null } | 'timeout' | 'exit'> {
    const id = ++this.seq;
    return new Promise((resolve) => {
      const finish = (verdict: { ok?: boolean; problem?: string | null } | 'timeout' | 'exit') => {
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('exit', onExit);
        resolve(verdict);
      };
      const onMessage = (m: { id: number; ok?: boolean; problem?: string | null }) => {
        if (m.id !== id) return;
        finish(m);
        this.endWhenIdle(w);
      };
      const onExit = () => {
        if (this.worker === w) this.worker = null;
        finish('exit');
      };
      const timer = setTimeout(() => {
        if (this.worker === w) this.worker = null;
        finish('timeout');
        void w.terminate();
      }, budgetMs);
      w.on('message', onMessage);
      w.on('exit', onExit);
      w.postMessage({ id, ...msg });
    });
  }

  /** Ends `w` if no check asks for it within idleMs (the next check clears the timer in spawn). */
  private endWhenIdle(w: Worker): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.worker !== w) return;
      this.worker = null;
      void w.terminate();
    }, this.idleMs);
    this.idleTimer.unref();
  }

  /** Ends the worker (graceful shutdown, tests). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}
