import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { env } from '../env';

/**
 * Outgoing mail.
 *
 * - With `SMTP_URL` set (e.g. `smtp://user:pass@mail.example.org:587`), every
 *   message goes out over SMTP through nodemailer.
 * - Without it (the embedded default), nothing leaves the machine: each
 *   message is written as a complete RFC 822 file to
 *   `DATA_DIR/outbox/<timestamp>-<id>.eml` (open it with any mail program),
 *   and one line `[mail] to … subject …` plus every link in the text is
 *   printed to the console, so a person running the app locally can follow a
 *   reset or invitation link straight from the terminal.
 *
 * Commands do not call `sendMail`: they enqueue the mail in their own
 * transaction (`enqueueMail`, lib/mail/queue.ts) and the job runner sends it
 * (`deliverMail`, lib/mail/deliver.ts; docs/jobs.md says what is guaranteed).
 *
 * Callers pass plain `text`. When they do not pass `html`, an HTML part is made
 * from the text (escaped, links made clickable). A caller that builds its own
 * `html` must put user-provided values through `escapeHtml` (names, network
 * names, messages): never concatenate them raw.
 */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Extra headers (List-Unsubscribe, List-Unsubscribe-Post); each value is made one line. */
  headers?: Record<string, string>;
  /**
   * The Message-ID header, `<…@…>`. The job runner derives it from the job's
   * idempotency key (`messageIdFor`), so a mail sent again after a crash is
   * the same message to every mail program; the outbox folder writes it to one
   * file per id, so a repeat replaces instead of adding.
   */
  messageId?: string;
}

/** The Message-ID of the mail a job with this idempotency key sends: the same key, the same id. */
export function messageIdFor(key: string, from = env().MAIL_FROM): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'netzwerkraum.local';
  return `<${crypto.createHash('sha256').update(key).digest('hex').slice(0, 32)}@${domain}>`;
}

let transport: { key: string; transporter: Transporter } | undefined;

function smtpTransport(url: string): Transporter {
  if (transport?.key !== url) transport = { key: url, transporter: nodemailer.createTransport(url) };
  return transport.transporter;
}

/** Escapes text for use inside HTML element content or a quoted attribute. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const LINK = /\bhttps?:\/\/[^\s<>"']+/g;

/** Every http(s) link in a text, in order. */
export function linksIn(text: string): string[] {
  return [...text.matchAll(LINK)].map((m) => m[0].replace(/[.,;:!?)]+$/, ''));
}

/**
 * A simple HTML rendering of a plain-text mail: everything escaped, http(s)
 * links clickable, paragraphs kept. Only links we find by pattern become
 * anchors, so no other markup can get in.
 */
export function textToHtml(text: string): string {
  const paragraphs = text.split(/\n{2,}/).map((para) => {
    let out = '';
    let last = 0;
    for (const m of para.matchAll(LINK)) {
      const url = m[0].replace(/[.,;:!?)]+$/, '');
      out += escapeHtml(para.slice(last, m.index));
      out += `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;
      last = (m.index ?? 0) + url.length;
    }
    out += escapeHtml(para.slice(last));
    return `<p>${out.replace(/\n/g, '<br>\n')}</p>`;
  });
  return `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">\n${paragraphs.join('\n')}\n</body></html>`;
}

/** Header values must be one line: a newline would let a value add headers. */
function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').trim();
}

/**
 * Sends one message (SMTP when `SMTP_URL` is set, else the outbox folder; see
 * above). Resolves when the SMTP server accepted it or the file is written;
 * rejects when that failed.
 */
export async function sendMail(mail: Mail): Promise<void> {
  const e = env();
  const message = {
    from: e.MAIL_FROM,
    to: oneLine(mail.to),
    subject: oneLine(mail.subject),
    text: mail.text,
    html: mail.html ?? textToHtml(mail.text),
    ...(mail.messageId ? { messageId: mail.messageId } : {}),
    ...(mail.headers
      ? { headers: Object.fromEntries(Object.entries(mail.headers).map(([k, v]) => [oneLine(k), oneLine(v)])) }
      : {}),
  };
  if (e.SMTP_URL) {
    await smtpTransport(e.SMTP_URL).sendMail(message);
    return;
  }
  await writeToOutbox(message, path.join(e.dataDir, 'outbox'));
}

/** Writes the message as a `.eml` file into `dir`; returns the file's path. */
export async function writeToOutbox(
  message: {
    from: string;
    to: string;
    subject: string;
    text: string;
    html?: string;
    messageId?: string;
    headers?: Record<string, string>;
  },
  dir: string,
): Promise<string> {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const info = await composer.sendMail(message);
  await fs.mkdir(dir, { recursive: true });
  // With a Message-ID, one file per id: a repeat (a job run again after a crash) replaces it.
  const name = message.messageId
    ? `mail-${message.messageId.replace(/[^A-Za-z0-9]/g, '').slice(0, 32)}`
    : `${new Date().toISOString().replace(/[:.]/g, '-')}-${crypto.randomUUID().slice(0, 8)}`;
  const file = path.join(dir, `${name}.eml`);
  await fs.writeFile(file, info.message as Buffer, { mode: 0o600 });
  const links = linksIn(message.text);
  console.log(
    `[mail] to ${message.to} subject "${message.subject}" (saved to ${file})` +
      links.map((l) => `\n[mail]   link: ${l}`).join(''),
  );
  return file;
}
