import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { resetEnvCache } from '../env';
import { startSmtpSink, type SmtpSink } from '@/tests/helpers/smtp-sink';
import { escapeHtml, linksIn, messageIdFor, sendMail, textToHtml } from './index';

let dataDir: string;
let smtp: SmtpSink;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nwr-mail-test-'));
  smtp = await startSmtpSink();
});
afterAll(async () => {
  await smtp.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  delete process.env.SMTP_URL;
  delete process.env.DATA_DIR;
  resetEnvCache();
});
afterEach(() => {
  vi.restoreAllMocks();
});

function useEnv(vars: Record<string, string>) {
  delete process.env.SMTP_URL;
  Object.assign(process.env, vars);
  resetEnvCache();
}

describe('sendMail without SMTP_URL', () => {
  it('writes a complete .eml into DATA_DIR/outbox and prints the recipient, subject and links', async () => {
    useEnv({ DATA_DIR: dataDir });
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
    await sendMail({
      to: 'ada@example.org',
      subject: 'Willkommen, Grüße',
      text: 'Open https://netz.example/invite/abc123 to join.',
    });
    const outbox = path.join(dataDir, 'outbox');
    const files = fs.readdirSync(outbox).filter((f) => f.endsWith('.eml'));
    expect(files).toHaveLength(1);
    const raw = fs.readFileSync(path.join(outbox, files[0]), 'utf8');
    expect(raw).toMatch(/^To: ada@example\.org$/m);
    expect(raw).toMatch(/^Subject: /m);
    expect(raw).toContain('https://netz.example/invite/abc123');
    expect(lines.join('\n')).toContain('[mail] to ada@example.org subject "Willkommen, Grüße"');
    expect(lines.join('\n')).toContain('link: https://netz.example/invite/abc123');
  });
});

describe('a mail with a Message-ID (sent by the job runner)', () => {
  it('is one file in the outbox folder however often it is written, and keeps its id over SMTP', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nwr-mail-id-'));
    useEnv({ DATA_DIR: dir });
    vi.spyOn(console, 'log').mockImplementation(() => {});
    const messageId = messageIdFor('mail:invitation:42');
    expect(messageId).toMatch(/^<[0-9a-f]{32}@netzwerkraum\.local>$/);
    expect(messageIdFor('mail:invitation:42')).toBe(messageId);
    expect(messageIdFor('mail:invitation:43')).not.toBe(messageId);
    const mail = { to: 'ada@example.org', subject: 'Einladung', text: 'x', messageId };
    await sendMail(mail);
    await sendMail(mail);
    const files = fs.readdirSync(path.join(dir, 'outbox'));
    expect(files).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, 'outbox', files[0]), 'utf8')).toContain(`Message-ID: ${messageId}`);
    fs.rmSync(dir, { recursive: true, force: true });

    useEnv({ DATA_DIR: dataDir, SMTP_URL: smtp.url });
    await sendMail({ ...mail, to: 'id@example.org' });
    expect((await smtp.waitFor((m) => m.to === 'id@example.org')).headers['message-id']).toBe(messageId);
  });
});

describe('sendMail with SMTP_URL', () => {
  it('delivers over SMTP with a plain-text and an escaped HTML part, one-line headers', async () => {
    useEnv({ DATA_DIR: dataDir, SMTP_URL: smtp.url });
    await sendMail({
      to: 'bob@example.org',
      subject: 'Hello\r\nBcc: victim@example.org',
      text: 'From <script>alert(1)</script>: see https://netz.example/a?b=1&c=2.',
    });
    const m = await smtp.waitFor((x) => x.to === 'bob@example.org');
    expect(m.recipients).toEqual(['bob@example.org']);
    expect(m.subject).toBe('Hello Bcc: victim@example.org');
    expect(m.headers.bcc).toBeUndefined();
    expect(m.text).toContain('<script>alert(1)</script>');
    expect(m.html).not.toContain('<script>');
    expect(m.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(m.html).toContain('<a href="https://netz.example/a?b=1&amp;c=2">');
  });
});

describe('the HTML rendering of a text mail', () => {
  it('escapes everything and turns only http(s) links into anchors', () => {
    const html = textToHtml('Hi "you" & <img src=x onerror=alert(1)>\n\njavascript:alert(1) https://ok.example/x.');
    expect(html).not.toMatch(/<img|href="javascript/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<a href="https://ok.example/x">https://ok.example/x</a>.');
    expect(escapeHtml(`'"<>&`)).toBe('&#39;&quot;&lt;&gt;&amp;');
    expect(linksIn('a https://x.example/1, and http://y.example/2)')).toEqual([
      'https://x.example/1',
      'http://y.example/2',
    ]);
  });
});
