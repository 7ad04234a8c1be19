import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linksIn, smtpSinkReader, startSmtpSink, type SmtpSink } from './smtp-sink';

describe('the SMTP sink', () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink.close();
  });

  it('stores a multipart mail with German text sent over a real socket, readable from the folder alone', async () => {
    const transport = nodemailer.createTransport(sink.url);
    await transport.sendMail({
      from: 'Netzwerkraum <noreply@netzwerkraum.local>',
      to: 'Juergen.Gruber@Example.org',
      subject: 'Einladung: Bildungsnetzwerk Wien-Favoriten – Grüße',
      text: 'Hallo Jürgen,\nbitte öffne https://netz.example.org/invite/abc?x=1&y=2 um beizutreten. ' + 'ß'.repeat(120),
      html: '<p>Hallo Jürgen, <a href="https://netz.example.org/invite/abc?x=1&amp;y=2">beitreten</a></p>',
    });
    const m = await smtpSinkReader(sink.dir).waitFor((x) => x.to === 'juergen.gruber@example.org', 10_000);
    expect(m.subject).toBe('Einladung: Bildungsnetzwerk Wien-Favoriten – Grüße');
    expect(m.from).toBe('noreply@netzwerkraum.local');
    expect(m.text).toContain('Hallo Jürgen,\nbitte öffne');
    expect(m.text).toContain('ß'.repeat(120));
    expect(m.html).toContain('<a href="https://netz.example.org/invite/abc?x=1&amp;y=2">');
    expect(linksIn(m)).toEqual(['https://netz.example.org/invite/abc?x=1&y=2']);
  });

  it('waitFor rejects with the list of received mails when nothing matches', async () => {
    await expect(sink.waitFor((m) => m.to === 'nobody@example.org', 300)).rejects.toThrow(/No matching mail/);
  });

  it('clear forgets stored messages', async () => {
    const transport = nodemailer.createTransport(sink.url);
    await transport.sendMail({ from: 'a@example.org', to: 'b@example.org', subject: 'plain', text: 'x' });
    await sink.waitFor((m) => m.subject === 'plain');
    sink.clear();
    expect(sink.messages()).toEqual([]);
  });
});
