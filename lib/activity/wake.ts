import crypto from 'node:crypto';
import http from 'node:http';
import { z } from 'zod';
import { authSecret } from '../auth/secret';
import { env } from '../env';
import type { AccessEffect } from './catalog';

/**
 * Waking listeners after an activity row commits, instead of having them poll.
 *
 * A signal is a doorbell, not the data: it says which network has a new row
 * (and whether the row changes access); the listener then reads the rows it
 * may see from the database, which stays the one source of truth. A lost
 * signal only costs time: every listener still polls as a slow safety net.
 *
 * How a signal travels, decided once per process from the environment:
 * - always **in process** (an EventEmitter-like set of listeners), so a
 *   listener in the process that committed wakes at once;
 * - **scale mode** (`REDIS_URL`): over Redis pub/sub on one channel, to every
 *   web and realtime instance;
 * - **embedded default** (no Redis; the web app under Next.js): a loopback
 *   HTTP nudge to the realtime process (`POST /internal/activity` on
 *   127.0.0.1:REALTIME_PORT, with a token derived from the session secret).
 *   The realtime server hands it to its own in-process listeners.
 */
export interface ActivitySignal {
  /** The activity row's id. */
  id: number;
  networkId: string | null;
  kind: string;
  subjectId: string | null;
  access: AccessEffect;
}

export const ZActivitySignal = z.object({
  id: z.number().int().min(0),
  networkId: z.string().max(200).nullable(),
  kind: z.string().max(100),
  subjectId: z.string().max(200).nullable(),
  access: z.enum(['none', 'network', 'sessions']),
});

export type ActivityListener = (signal: ActivitySignal) => void;

/** Sends a signal to other processes. */
export interface WakeTransport {
  send(signal: ActivitySignal): void;
  /** Starts receiving (called when the first listener subscribes). */
  listen?(deliver: (signal: ActivitySignal) => void): void;
  close(): Promise<void>;
}

export class ActivityWake {
  private readonly listeners = new Set<ActivityListener>();
  private listening = false;

  constructor(private transport: WakeTransport | null = null) {}

  /** Wakes listeners here and in every other process the transport reaches. */
  publish(signal: ActivitySignal): void {
    this.deliver(signal);
    try {
      this.transport?.send(signal);
    } catch (err) {
      console.warn('[activity] sending a wake-up failed:', (err as Error).message);
    }
  }

  /** A signal from another process: wakes only the listeners here. */
  deliver(signal: ActivitySignal): void {
    for (const fn of [...this.listeners]) {
      try {
        fn(signal);
      } catch (err) {
        console.error('[activity] a listener failed', err);
      }
    }
  }

  /** Calls `fn` for every signal; returns the unsubscribe function. */
  subscribe(fn: ActivityListener): () => void {
    this.listeners.add(fn);
    if (!this.listening && this.transport?.listen) {
      this.listening = true;
      this.transport.listen((s) => this.deliver(s));
    }
    return () => void this.listeners.delete(fn);
  }

  /**
   * Gives a bus without a transport one (the realtime server attaches Redis in
   * scale mode). Returns false, changing nothing, when it already has one.
   */
  attach(transport: WakeTransport): boolean {
    if (this.transport) return false;
    this.transport = transport;
    if (this.listeners.size && transport.listen) {
      this.listening = true;
      transport.listen((s) => this.deliver(s));
    }
    return true;
  }

  /** Closes and drops the transport (the listeners stay, in process only). */
  async detach(transport: WakeTransport): Promise<void> {
    if (this.transport !== transport) return;
    this.transport = null;
    this.listening = false;
    await transport.close();
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  async close(): Promise<void> {
    this.listeners.clear();
    await this.transport?.close();
    this.transport = null;
    this.listening = false;
  }
}

/** The Redis channel of scale mode. */
export const WAKE_CHANNEL = 'nwr:activity';

/** Scale mode: one Redis channel for every instance; each ignores its own messages. */
export class RedisWakeTransport implements WakeTransport {
  private readonly instance = crypto.randomUUID();
  private pub: import('ioredis').Redis | null = null;
  private sub: import('ioredis').Redis | null = null;
  private readonly redis: Promise<typeof import('ioredis')>;
  /** Resolves once the subscription is live (after the first listener subscribed). */
  subscribed: Promise<void> = new Promise(() => undefined);

  constructor(
    private readonly url: string,
    private readonly channel = WAKE_CHANNEL,
  ) {
    this.redis = import('ioredis');
  }

  private async connect(): Promise<import('ioredis').Redis> {
    const { Redis } = await this.redis;
    const c = new Redis(this.url, { maxRetriesPerRequest: null, enableOfflineQueue: true, autoResubscribe: true });
    c.on('error', (err) => console.warn('[activity] redis error:', err.message));
    return c;
  }

  send(signal: ActivitySignal): void {
    const message = JSON.stringify({ from: this.instance, signal });
    void (async () => {
      this.pub ??= await this.connect();
      await this.pub.publish(this.channel, message);
    })().catch((err) => console.warn('[activity] redis publish failed:', (err as Error).message));
  }

  listen(deliver: (signal: ActivitySignal) => void): void {
    this.subscribed = (async () => {
      this.sub = await this.connect();
      this.sub.on('message', (_channel: string, raw: string) => {
        try {
          const msg = JSON.parse(raw) as { from?: unknown; signal?: unknown };
          if (msg.from === this.instance) return;
          const parsed = ZActivitySignal.safeParse(msg.signal);
          if (parsed.success) deliver(parsed.data);
        } catch {
          // not ours
        }
      });
      await this.sub.subscribe(this.channel);
    })();
    this.subscribed.catch((err) => console.warn('[activity] redis subscribe failed:', (err as Error).message));
  }

  async close(): Promise<void> {
    await Promise.all([this.pub?.quit().catch(() => undefined), this.sub?.quit().catch(() => undefined)]);
    this.pub = this.sub = null;
  }
}

/** The path and header of the embedded default's loopback nudge (served by the realtime server). */
export const WAKE_PATH = '/internal/activity';
export const WAKE_HEADER = 'x-nwr-wake';

/** The nudge's token: derived from the session secret, which both processes share. */
export function wakeToken(secret: string): string {
  return crypto.createHmac('sha256', secret).update('netzwerkraum activity wake-up').digest('base64url');
}

/** Compares a presented token with the expected one in constant time. */
export function wakeTokenValid(presented: string | undefined, secret: string): boolean {
  if (!presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(wakeToken(secret));
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** Embedded default: the web process nudges the realtime process over loopback HTTP (fire and forget). */
export class LoopbackWakeTransport implements WakeTransport {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  private failures = 0;

  constructor(
    private readonly port: number,
    private readonly token: string,
    private readonly host = '127.0.0.1',
  ) {}

  send(signal: ActivitySignal): void {
    const body = JSON.stringify(signal);
    const req = http.request(
      {
        host: this.host,
        port: this.port,
        path: WAKE_PATH,
        method: 'POST',
        agent: this.agent,
        timeout: 2000,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          [WAKE_HEADER]: this.token,
        },
      },
      (res) => {
        res.resume();
        if (res.statusCode === 204) this.failures = 0;
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', (err) => {
      // The realtime process may be restarting: its safety-net poll catches up. Say so once, not per row.
      if (this.failures++ === 0)
        console.warn(`[activity] realtime wake-up not delivered (${err.message}); it polls instead`);
    });
    req.end(body);
  }

  async close(): Promise<void> {
    this.agent.destroy();
  }
}

function defaultTransport(): WakeTransport | null {
  // The web app's server process. The realtime server attaches its own (Redis, or none: it is the one nudged);
  // scripts and tests stay in process (their rows reach long-running listeners through the safety-net poll).
  if (process.env.NEXT_RUNTIME !== 'nodejs') return null;
  const e = env();
  if (e.REDIS_URL) return new RedisWakeTransport(e.REDIS_URL);
  try {
    // A wildcard or named local bind is reached on loopback; a specific address as it is.
    const host = ['0.0.0.0', '::', 'localhost'].includes(e.REALTIME_HOST) ? '127.0.0.1' : e.REALTIME_HOST;
    return new LoopbackWakeTransport(e.REALTIME_PORT, wakeToken(authSecret()), host);
  } catch (err) {
    console.warn('[activity] no realtime wake-up (no session secret):', (err as Error).message);
    return null;
  }
}

const GLOBAL_KEY = Symbol.for('netzwerkraum.activityWake');
type WithWake = typeof globalThis & { [GLOBAL_KEY]?: ActivityWake };

/**
 * The process's one wake-up bus (kept on globalThis: Next.js may load this
 * module once per route bundle, and they must share it). The transport is
 * chosen from the environment on first use.
 */
export function activityWake(): ActivityWake {
  const g = globalThis as WithWake;
  g[GLOBAL_KEY] ??= new ActivityWake(defaultTransport());
  return g[GLOBAL_KEY];
}

/** Replaces the process's bus (the realtime server sets its own transport; tests too). Returns the new one. */
export function setActivityWake(wake: ActivityWake): ActivityWake {
  (globalThis as WithWake)[GLOBAL_KEY] = wake;
  return wake;
}
