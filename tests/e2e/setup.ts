import type { ApiClient } from '../helpers/api-client';
import { expect, type TestUser } from './fixtures';

/**
 * Building a network for a browser test through the API, as a manager would:
 * each step asserts its answer, so a failed setup says where it failed.
 */

/** Creates a network; returns its id. */
export async function createNetwork(manager: ApiClient, name: string, purpose = 'Gemeinsam mehr erreichen') {
  const net = await manager.post('/api/networks', { name, purpose });
  expect(net.status, net.text).toBe(201);
  return net.json.network.id as string;
}

/** Adds a member organisation; returns its id. */
export async function addOrganisation(manager: ApiClient, networkId: string, name: string, kind = 'ngo') {
  const org = await manager.post(`/api/networks/${networkId}/organisations`, { name, kind });
  expect(org.status, org.text).toBe(201);
  return org.json.organisation.id as string;
}

/** Invites `user` into a role (e.g. `{ role: 'representative', organisationId }`) and accepts as them. */
export async function join(manager: ApiClient, networkId: string, user: TestUser, body: Record<string, unknown>) {
  const inv = await manager.post(`/api/networks/${networkId}/invitations`, body);
  expect(inv.status, inv.text).toBe(201);
  const ok = await user.api.post(`/api/invitations/${inv.json.token}/accept`);
  expect(ok.status, ok.text).toBe(200);
}

/**
 * Three new people — a network manager and two representatives, named
 * `people`, in `locale` when given — and a new network of the two
 * organisations `orgs`, the first person managing it, the second representing
 * the first organisation and the third the second.
 */
export async function partnerNetwork(
  createUser: (o?: Partial<TestUser>) => Promise<TestUser>,
  people: [string, string, string],
  orgs: [string, string],
  locale?: TestUser['locale'],
) {
  const [manager, repA, repB] = await Promise.all(
    people.map((name) => createUser(locale ? { name, locale } : { name })),
  );
  const networkId = await createNetwork(manager.api, `Partners ${Date.now().toString(36)}`);
  const orgA = await addOrganisation(manager.api, networkId, orgs[0]);
  const orgB = await addOrganisation(manager.api, networkId, orgs[1]);
  await join(manager.api, networkId, repA, { role: 'representative', organisationId: orgA });
  await join(manager.api, networkId, repB, { role: 'representative', organisationId: orgB });
  return { manager, repA, repB, networkId, orgA, orgB };
}
