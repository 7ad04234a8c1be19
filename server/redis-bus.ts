/**
 * Scale mode: realtime instances exchange committed document updates and
 * local awareness changes over Redis pub/sub, one channel per document.
 *
 * - The instance that accepted an update stores it, THEN publishes it; other
 *   instances apply it with origin `{ kind: 'redis' }`: forwarded to their own
 *   clients, never stored again, never re-published.
 * - A room subscribes before it reads storage, so nothing committed in
 *   between is missed (updates are idempotent).
 * - After the subscriber connection was lost (Redis restart), every loaded
 *   room re-reads storage to converge (`onResync`).
 * - Awareness: each instance publishes only its own clients' changes (linear,
 *   not N² fan-out); entries of a crashed instance expire after 30 s.
 */
import crypto from 'node:crypto';
import { Redis } from 'ioredis';

export type BusHandler = (kind: 'update' | 'awareness', data: Uint8Array) => void;

const KIND_UPDATE = 0;
const KIND_AWARENESS = 1;

export class RedisBus {
  readonly instance = crypto.randomBytes(16);
  private readonly pub: Redis;
  readonly sub: Redis;
  private readonly handlers = new Map<string, BusHandler>();
  private readyOnce = false;

  constructor(
    url: string,
    private readonly prefix: string,
    private readonly log: (level: 'info' | 'warn' | 'error', msg: string, extra?: unknown) => void,
    private readonly onResync: () => void,
  ) {
    const opts = { maxRetriesPerRequest: null, enableOfflineQueue: true, autoResubscribe: true } as const;
    this.pub = new Redis(url, opts);
    this.sub = new Redis(url, opts);
    for (const c of [this.pub, this.sub]) c.on('error', (err) => this.log('warn', 'redis error', err.message));
    this.sub.on('ready', () => {
      if (this.readyOnce) {
        this.log('info', 'redis reconnected: resyncing loaded documents from storage');
        // The re-subscriptions were sent first on this connection: once PING answers, they are active.
        this.sub.ping().then(
          () => this.onResync(),
          () => this.onResync(),
        );
      }
      this.readyOnce = true;
    });
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.onMessage(channel, message));
  }

  private channel(doc: string): string {
    return `${this.prefix}${doc}`;
  }

  private onMessage(channel: Buffer, message: Buffer): void {
    if (message.length < 17) return;
    if (this.instance.equals(message.subarray(1, 17))) return; // our own
    const doc = channel.toString().slice(this.prefix.length);
    const handler = this.handlers.get(doc);
    if (!handler) return;
    const kind = message[0] === KIND_UPDATE ? 'update' : message[0] === KIND_AWARENESS ? 'awareness' : null;
    if (!kind) return;
    try {
      handler(kind, new Uint8Array(message.buffer, message.byteOffset + 17, message.length - 17));
    } catch (err) {
      this.log('error', `applying a redis message for ${doc} failed`, err);
    }
  }

  async subscribe(doc: string, handler: BusHandler): Promise<void> {
    this.handlers.set(doc, handler);
    await this.sub.subscribe(this.channel(doc));
  }

  async unsubscribe(doc: string): Promise<void> {
    this.handlers.delete(doc);
    await this.sub.unsubscribe(this.channel(doc)).catch(() => undefined);
  }

  private publish(doc: string, kind: number, data: Uint8Array): void {
    const msg = Buffer.allocUnsafe(17 + data.length);
    msg[0] = kind;
    this.instance.copy(msg, 1);
    msg.set(data, 17);
    this.pub.publish(this.channel(doc), msg).catch((err) => this.log('warn', 'redis publish failed', err.message));
  }

  publishUpdate(doc: string, update: Uint8Array): void {
    this.publish(doc, KIND_UPDATE, update);
  }

  publishAwareness(doc: string, update: Uint8Array): void {
    this.publish(doc, KIND_AWARENESS, update);
  }

  async close(): Promise<void> {
    this.handlers.clear();
    await Promise.all([this.pub.quit().catch(() => undefined), this.sub.quit().catch(() => undefined)]);
  }
}
