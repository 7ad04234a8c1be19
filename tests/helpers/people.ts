import { expect } from 'vitest';
import { ApiClient, uniqueEmail } from './api-client';
import { client } from './app';

/**
 * People and networks for files under tests/integration, made through the real
 * API of the one running app (tests/helpers/app.ts):
 *
 *   const [manager, rep] = await Promise.all([person('Mara Manager'), person('Anna Alpha')]);
 *   const { networkId, orgs } = await networkWithOrganisations(manager, { name: 'Netz' }, { a: 'Alpha Verein' });
 *   await join(manager, networkId, rep, 'representative', orgs.a);
 */

/** A new person, signed up and signed in, with their own cookie jar (answers in `locale` if given). */
export async function person(name: string, locale?: 'de' | 'en') {
  const c = client(locale ? { locale } : {});
  await c.signUpAndSignIn({
    email: uniqueEmail(name.split(' ')[0].toLowerCase()),
    password: `pw-${name}-Netzwerk-2026!`,
    name,
  });
  return c;
}

/** The same signed-in person, asking for German answers (the language cookie wins over Accept-Language). */
export function german(c: ApiClient): ApiClient {
  const cookie = [
    ...c
      .cookieHeader()
      .split('; ')
      .filter((p) => p && !p.startsWith('nwr-locale=')),
    'nwr-locale=de',
  ].join('; ');
  const de = new ApiClient(c.baseUrl, { locale: 'de' });
  const request = de.request.bind(de);
  de.request = (method, path, body, headers = {}) => request(method, path, body, { cookie, ...headers });
  return de;
}

/** `manager` starts a network and adds organisations (kind `ngo`) under the given keys; returns their ids. */
export async function networkWithOrganisations<K extends string>(
  manager: ApiClient,
  network: { name: string; purpose?: string },
  organisations: Record<K, string>,
): Promise<{ networkId: string; orgs: Record<K, string> }> {
  const net = await manager.post('/api/networks', network);
  expect(net.status, net.text).toBe(201);
  const networkId: string = net.json.network.id;
  const orgs = {} as Record<K, string>;
  for (const [key, name] of Object.entries(organisations) as [K, string][]) {
    const o = await manager.post(`/api/networks/${networkId}/organisations`, { name, kind: 'ngo' });
    expect(o.status, o.text).toBe(201);
    orgs[key] = o.json.organisation.id;
  }
  return { networkId, orgs };
}

/** `manager` invites `who` in a role (for an organisation, or none) and `who` accepts. */
export async function join(
  manager: ApiClient,
  networkId: string,
  who: ApiClient,
  role: string,
  organisationId: string | null,
) {
  const inv = await manager.post(
    `/api/networks/${networkId}/invitations`,
    organisationId ? { role, organisationId } : { role },
  );
  expect(inv.status, inv.text).toBe(201);
  const ok = await who.post(`/api/invitations/${inv.json.token}/accept`);
  expect(ok.status, ok.text).toBe(200);
}
