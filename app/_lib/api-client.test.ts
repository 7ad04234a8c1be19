import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '@/lib/i18n';
import { api, ApiError, errorText, qs, Unreachable } from './api-client';

/** A real HTTP server answering like our route handlers (and like a proxy while the app restarts). */
let server: http.Server;
let base = '';
const seen: { method?: string; body: string; type?: string }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method, body, type: req.headers['content-type'] });
      const send = (status: number, payload: unknown, type = 'application/json') => {
        res.writeHead(status, { 'content-type': type });
        res.end(typeof payload === 'string' ? payload : JSON.stringify(payload));
      };
      if (req.url === '/ok') return send(201, { goal: { id: 'g1' } });
      if (req.url === '/refused')
        return send(400, {
          error: {
            code: 'invalid_input',
            message: 'Bitte prüfen Sie Ihre Eingabe',
            fields: { amount: 'Die Menge muss größer als null sein.' },
          },
        });
      if (req.url === '/conflict')
        return send(409, { error: { code: 'cooperation.errors.selfEntry', message: 'Nein.' } });
      if (req.url === '/proxy') return send(503, '<html>Service Unavailable</html>', 'text/html');
      if (req.url === '/html404') return send(404, '<html>not here</html>', 'text/html');
      send(500, { error: { code: 'internal', message: 'Etwas ist schiefgegangen.' } });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('the API client', () => {
  it('sends JSON and returns the answer', async () => {
    await expect(api.post(`${base}/ok`, { title: 'Sprachtreff' })).resolves.toEqual({ goal: { id: 'g1' } });
    expect(seen.at(-1)).toMatchObject({ method: 'POST', body: '{"title":"Sprachtreff"}', type: 'application/json' });
  });

  it('turns a refusal into an ApiError with the code, the message and the field messages of docs/api.md', async () => {
    const err = await api.patch(`${base}/refused`, { amount: -1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).not.toBeInstanceOf(Unreachable);
    expect(err).toMatchObject({
      status: 400,
      code: 'invalid_input',
      message: 'Bitte prüfen Sie Ihre Eingabe',
      fields: { amount: 'Die Menge muss größer als null sein.' },
    });
    const conflict = await api.delete(`${base}/conflict`).catch((e: unknown) => e);
    expect(conflict).toMatchObject({ status: 409, code: 'cooperation.errors.selfEntry', fields: {} });
  });

  it('counts a proxy answering 503 while the app restarts, and a closed port, as unreachable (safe to retry)', async () => {
    await expect(api.post(`${base}/proxy`, {})).rejects.toBeInstanceOf(Unreachable);
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const err = await api.get(`http://127.0.0.1:${port}/x`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Unreachable);
    expect((err as ApiError).status).toBe(0);
  });

  it('tells a person what happened in their language, never a raw status', async () => {
    const t = translator('de');
    expect(errorText(await api.get(`${base}/conflict`).catch((e: unknown) => e), t)).toBe('Nein.');
    expect(errorText(await api.get(`${base}/proxy`).catch((e: unknown) => e), t)).toBe(t('errors.network'));
    expect(errorText(await api.get(`${base}/html404`).catch((e: unknown) => e), t)).toBe(t('errors.generic'));
    expect(errorText(new TypeError('boom'), t)).toBe(t('errors.generic'));
  });

  it('builds a query string without empty values', () => {
    expect(qs({ unit: 'hours', q: '', goalId: null, limit: 25, due: undefined })).toBe('?unit=hours&limit=25');
    expect(qs({})).toBe('');
  });
});
