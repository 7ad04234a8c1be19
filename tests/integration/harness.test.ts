import { describe, expect, it } from 'vitest';
import { uniqueEmail } from '../helpers/api-client';
import { app, client } from '../helpers/app';

/**
 * The harness itself: the shared app answers, and the API client goes
 * through next-auth's real credentials flow with a cookie jar.
 */
describe('the integration harness', () => {
  it('provides a running app whose health endpoint answers ok', async () => {
    const res = await client().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ ok: true });
    expect(app().realtimeUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
  });

  it('signs a new person in through next-auth and keeps the session cookie until sign-out', async () => {
    const email = uniqueEmail('harness');
    const password = 'ein-langes-Passwort-2026';
    const api = client({ forwardedFor: '10.9.0.1' });
    const signUp = await api.signUp({ email, password, name: 'Harness Person', locale: 'de' });
    expect(signUp.status).toBe(201);

    const signIn = await api.signIn(email, password);
    expect(signIn).toMatchObject({ ok: true });
    expect((await api.session())?.user?.email).toBe(email);

    await api.signOut();
    expect(await api.session()).toBeNull();
  });

  it('reports a failed sign-in with a wrong password and holds no session', async () => {
    const email = uniqueEmail('harness');
    const api = client({ forwardedFor: '10.9.0.2' });
    expect((await api.signUp({ email, password: 'ein-langes-Passwort-2026', name: 'Harness Person' })).status).toBe(
      201,
    );
    const signIn = await api.signIn(email, 'falsches-Passwort-2026');
    expect(signIn.ok).toBe(false);
    expect(signIn.error).toBeTruthy();
    expect(await api.session()).toBeNull();
  });
});
