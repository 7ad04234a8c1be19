import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server for tests. The app sends mail to it over a socket,
 * exactly as it would to a production relay; every message is stored as one
 * JSON file in a folder, so a test in another process (a vitest worker, a
 * Playwright worker) can read it back given only the folder path.
 */
export interface SinkMessage {
  /** Envelope recipients, lower-cased, joined with ", " (one recipient is the usual case). */
  to: string;
  recipients: string[];
  /** Envelope sender. */
  from: string;
  /** The From header as written (e.g. `Netzwerkraum <noreply@…>`). */
  fromHeader: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  /** Milliseconds since the epoch. */
  receivedAt: number;
}

export interface SmtpSinkReader {
  /** The folder holding one JSON file per message. */
  dir: string;
  /** Every message received so far, oldest first. */
  messages(): SinkMessage[];
  /** Resolves with the first message (oldest first) that matches; rejects after `timeoutMs`. */
  waitFor(predicate: (m: SinkMessage) => boolean, timeoutMs?: number): Promise<SinkMessage>;
  /** Forgets every stored message. */
  clear(): void;
}

export interface SmtpSink extends SmtpSinkReader {
  port: number;
  /** `smtp://127.0.0.1:<port>`: give it to the app as SMTP_URL. */
  url: string;
  close(): Promise<void>;
}

/** Reads the messages a sink (possibly in another process) stored in `dir`. */
export function smtpSinkReader(dir: string): SmtpSinkReader {
  const messages = (): SinkMessage[] => {
    let files: string[];
    try {
      files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
    } catch {
      return [];
    }
    return files
      .sort()
      .map((f) => {
        try {
          return JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as SinkMessage;
        } catch {
          return null; // removed meanwhile
        }
      })
      .filter((m): m is SinkMessage => m !== null);
  };
  return {
    dir,
    messages,
    async waitFor(predicate, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages().find(predicate);
        if (found) return found;
        if (Date.now() > deadline) {
          const seen = messages().map((m) => `  to ${m.to}: ${m.subject}`);
          throw new Error(
            `No matching mail arrived within ${timeoutMs} ms. Received so far:\n${seen.join('\n') || '  (none)'}`,
          );
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    clear() {
      for (const f of fs.readdirSync(dir)) if (f.endsWith('.json')) fs.rmSync(path.join(dir, f), { force: true });
    },
  };
}

/**
 * Starts an SMTP server on 127.0.0.1 (a free port) that accepts every
 * message without authentication or TLS and stores it in `dir` (a fresh temp
 * folder when omitted).
 */
export async function startSmtpSink(
  opts: {
    dir?: string;
    /**
     * Called for each RCPT TO before it is answered; the answer waits for it
     * (tests hold a conversation open there to kill the sender mid-send).
     */
    onRcptTo?: (address: string) => Promise<void> | void;
  } = {},
): Promise<SmtpSink> {
  const dir = opts.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'nwr-mail-'));
  fs.mkdirSync(dir, { recursive: true });
  let seq = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 10 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      Promise.resolve(opts.onRcptTo?.(address.address)).then(
        () => callback(),
        (err: Error) => callback(err),
      );
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', callback);
      stream.on('end', () => {
        try {
          const parsed = parseMessage(Buffer.concat(chunks));
          const recipients = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
          const mailFrom = session.envelope.mailFrom;
          const message: SinkMessage = {
            to: recipients.join(', '),
            recipients,
            from: mailFrom ? mailFrom.address.toLowerCase() : '',
            fromHeader: parsed.headers['from'] ?? '',
            subject: parsed.headers['subject'] ?? '',
            text: parsed.text,
            html: parsed.html,
            headers: parsed.headers,
            receivedAt: Date.now(),
          };
          const name = `${String(Date.now()).padStart(15, '0')}-${String(seq++).padStart(6, '0')}-${crypto.randomBytes(3).toString('hex')}`;
          const tmp = path.join(dir, `${name}.tmp`);
          fs.writeFileSync(tmp, JSON.stringify(message, null, 2));
          fs.renameSync(tmp, path.join(dir, `${name}.json`)); // readers never see half a file
          callback();
        } catch (err) {
          callback(err as Error);
        }
      });
    },
  });
  server.on('error', (err) => console.error('[smtp-sink]', err.message));
  const port = await new Promise<number>((resolve, reject) => {
    server.listen(0, '127.0.0.1', () => {
      const addr = server.server.address();
      if (addr && typeof addr === 'object') resolve(addr.port);
      else reject(new Error('smtp sink: no port'));
    });
  });
  return {
    ...smtpSinkReader(dir),
    port,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The http(s) links in a message's text (and HTML, as a fallback), in order. */
export function linksIn(m: Pick<SinkMessage, 'text' | 'html'>): string[] {
  const re = /https?:\/\/[^\s"'<>)\]]+/g;
  const fromText = m.text.match(re) ?? [];
  if (fromText.length) return fromText;
  return (m.html.match(re) ?? []).map((u) => u.replace(/&amp;/g, '&'));
}

// ---------------------------------------------------------------------------
// A small MIME reader: enough for what nodemailer writes (single part or
// multipart/alternative|mixed, 7bit/8bit/quoted-printable/base64, UTF-8,
// RFC 2047 encoded words in headers).

interface Part {
  headers: Record<string, string>;
  text: string;
  html: string;
}

function parseMessage(raw: Buffer): Part {
  const source = raw.toString('latin1'); // byte-preserving; decoded per part below
  const split = source.search(/\r?\n\r?\n/);
  const headerBlock = split === -1 ? source : source.slice(0, split);
  const body = split === -1 ? '' : source.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers = parseHeaders(headerBlock);
  const out: Part = { headers, text: '', html: '' };
  collect(headers, body, out);
  return out;
}

function parseHeaders(block: string): Record<string, string> {
  const headers: Record<string, string> = {};
  const unfolded = block.replace(/\r?\n[ \t]+/g, ' ');
  for (const line of unfolded.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i <= 0) continue;
    const name = line.slice(0, i).trim().toLowerCase();
    const value = decodeWords(Buffer.from(line.slice(i + 1).trim(), 'latin1').toString('utf8'));
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  return headers;
}

function param(header: string, name: string): string | undefined {
  const m = header.match(new RegExp(`${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i'));
  return m ? (m[1] ?? m[2]) : undefined;
}

function collect(headers: Record<string, string>, body: string, out: Part): void {
  const type = (headers['content-type'] ?? 'text/plain').toLowerCase();
  if (type.startsWith('multipart/')) {
    const boundary = param(headers['content-type'] ?? '', 'boundary');
    if (!boundary) return;
    const sections = body.split(`--${boundary}`);
    for (const section of sections.slice(1)) {
      if (section.startsWith('--')) break; // closing boundary
      const s = section.replace(/^\r?\n/, '');
      const split = s.search(/\r?\n\r?\n/);
      const partHeaders = parseHeaders(split === -1 ? s : s.slice(0, split));
      const partBody =
        split === -1
          ? ''
          : s
              .slice(split)
              .replace(/^\r?\n\r?\n/, '')
              .replace(/\r?\n$/, '');
      collect(partHeaders, partBody, out);
    }
    return;
  }
  if (/attachment/i.test(headers['content-disposition'] ?? '')) return;
  const charset = (param(headers['content-type'] ?? '', 'charset') ?? 'utf-8').toLowerCase();
  const bytes = decodeTransfer(body, (headers['content-transfer-encoding'] ?? '7bit').toLowerCase());
  const text = charset === 'utf-8' || charset === 'utf8' ? bytes.toString('utf8') : bytes.toString('latin1');
  const normalised = text.replace(/\r\n/g, '\n');
  if (type.startsWith('text/html')) out.html ||= normalised;
  else if (type.startsWith('text/plain')) out.text ||= normalised;
}

function decodeTransfer(body: string, encoding: string): Buffer {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64');
  if (encoding === 'quoted-printable') {
    const soft = body.replace(/=\r?\n/g, '');
    const bytes: number[] = [];
    for (let i = 0; i < soft.length; i++) {
      const c = soft[i];
      if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
        bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
        i += 2;
      } else bytes.push(soft.charCodeAt(i) & 0xff);
    }
    return Buffer.from(bytes);
  }
  return Buffer.from(body, 'latin1');
}

/** RFC 2047: `=?UTF-8?Q?Gr=C3=BC=C3=9Fe?=` and `=?UTF-8?B?…?=`. */
function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[bBqQ]\?[^?]*\?=)\s+(?==\?)/g, '$1') // whitespace between encoded words is dropped
    .replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (_m, charset: string, enc: string, data: string) => {
      const bytes =
        enc.toLowerCase() === 'b'
          ? Buffer.from(data, 'base64')
          : decodeTransfer(data.replace(/_/g, ' '), 'quoted-printable');
      return /^utf-?8$/i.test(charset) ? bytes.toString('utf8') : bytes.toString('latin1');
    });
}
