import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, uniqueEmail } from '../helpers/api-client';
import { app, client } from '../helpers/app';

/**
 * Exports over HTTP against the real app (web + job runner + SMTP sink): the
 * goal PDF and Markdown in the reader's language, the ledger spreadsheet, an
 * organisation's own archive made by the runner with its mail, the download
 * only for its requester, and the refusal for someone who has left.
 */

const day = () => new Date().toISOString().slice(0, 10);

async function person(name: string, locale?: 'de' | 'en') {
  const c = client();
  const email = uniqueEmail(name.toLowerCase());
  await c.signUpAndSignIn({ email, password: `pw-${name}-Export-2026!`, name });
  if (locale) expect((await c.post('/api/account/locale', { locale })).status).toBeLessThan(300);
  return { c, email };
}

describe('exports over HTTP', () => {
  let manager: ApiClient;
  let rep: { c: ApiClient; email: string };
  let other: ApiClient;
  let leaver: ApiClient;
  let networkId: string;
  let orgA: string;
  let goalId: string;
  const base = () => `/api/networks/${networkId}`;

  beforeAll(async () => {
    manager = (await person('Mara')).c;
    rep = await person('Ruth', 'de');
    other = (await person('Olaf')).c;
    leaver = (await person('Lena')).c;
    const net = await manager.post('/api/networks', { name: 'Exporte über HTTP', purpose: '' });
    networkId = net.json.network.id;
    orgA = (await manager.post(`${base()}/organisations`, { name: 'Alpha Verein', kind: 'ngo' })).json.organisation.id;
    const orgB = (await manager.post(`${base()}/organisations`, { name: 'Beta Verein', kind: 'ngo' })).json.organisation
      .id;
    const join = async (c: ApiClient, role: string, organisationId: string | null) => {
      const inv = await manager.post(`${base()}/invitations`, organisationId ? { role, organisationId } : { role });
      expect((await c.post(`/api/invitations/${inv.json.token}/accept`)).status).toBe(200);
    };
    await join(rep.c, 'representative', orgA);
    await join(other, 'representative', orgB);
    await join(leaver, 'observer', null);
    const g = await rep.c.post(`${base()}/goals`, { title: 'Nachbarschaftsküche für alle' });
    goalId = g.json.goal.id;
    await rep.c.post(`${base()}/ledger`, {
      organisationId: orgA,
      kind: 'give',
      partnerOrganisationId: orgB,
      unit: 'hours',
      amount: 3,
      date: day(),
      description: 'Kochen',
    });
    expect((await leaver.delete(`${base()}/membership`)).status).toBeLessThan(300);
  });

  it('downloads a goal as PDF (its title in the text) and as Markdown, in the reader’s language', async () => {
    const res = await rep.c.raw(`${base()}/goals/${goalId}/export?format=pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain('nachbarschaftskuche-fur-alle.pdf');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await res.arrayBuffer())), {
      mergePages: true,
    });
    expect(text).toContain('Nachbarschaftsküche für alle');
    expect(text).toContain('Versionen');
    const md = await manager.get(`${base()}/goals/${goalId}/export?format=md`);
    expect(md.status).toBe(200);
    expect(md.text).toContain('# Nachbarschaftsküche für alle');
    expect((await manager.get(`${base()}/goals/${goalId}/export?format=doc`)).status).toBe(400);
  });

  it('the ledger as a spreadsheet, with the page’s filters; a bad filter is a 400', async () => {
    const res = await other.raw(`${base()}/ledger/export?format=xlsx&unit=hours`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(String.fromCharCode(bytes[0], bytes[1])).toBe('PK');
    expect((await other.get(`${base()}/ledger/export?format=xlsx&from=yesterday`)).status).toBe(400);
  });

  it('someone who has left is refused with a clear message, not a bare 404', async () => {
    for (const path of [`/goals/${goalId}/export`, '/ledger/export?format=xlsx', '/exports?scope=network']) {
      const res = await leaver.get(`${base()}${path}`);
      expect(res.status, path).toBe(403);
      expect(res.json.error.code).toBe('exports.errors.leftNetwork');
      expect(res.json.error.message).toMatch(/left this network/);
    }
  });

  it('an organisation’s own data: made by the runner, mailed once in German, downloaded only by its requester', async () => {
    const started = await rep.c.post(`${base()}/exports`, { scope: 'organisation', organisationId: orgA });
    expect(started.status, started.text).toBe(202);
    expect((await rep.c.post(`${base()}/exports`, { scope: 'organisation' })).status).toBe(400);
    const id = started.json.export.id as string;
    let ready: { status: string; percent: number; downloadUrl: string } | undefined;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const list = await rep.c.get(`${base()}/exports?scope=organisation&organisationId=${orgA}`);
      ready = list.json.exports.find((e: { id: string }) => e.id === id);
      if (ready?.status === 'ready') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(ready).toMatchObject({ status: 'ready', percent: 100 });
    const mail = await app().smtp.waitFor((m) => m.to === rep.email && /fertig/.test(m.subject), 30_000);
    expect(mail.text).toContain(`/networks/${networkId}/organisations/${orgA}#export`);
    const zip = await rep.c.raw(ready!.downloadUrl);
    expect(zip.status).toBe(200);
    expect(zip.headers.get('content-disposition')).toContain('alpha-verein-data-');
    const body = new Uint8Array(await zip.arrayBuffer());
    expect(String.fromCharCode(body[0], body[1])).toBe('PK');
    // Nobody else: not the manager, not the other organisation.
    expect((await manager.get(ready!.downloadUrl)).status).toBe(404);
    expect((await other.get(ready!.downloadUrl)).status).toBe(404);
    expect((await client().get(ready!.downloadUrl)).status).toBe(401);
    expect(
      app()
        .smtp.messages()
        .filter((m) => m.to === rep.email && /fertig/.test(m.subject)),
    ).toHaveLength(1);
  });
});
