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

/** A network of two organisations named `names`, with `a` representing the first and `b` the second. */
export async function twoOrganisationNetwork(
  manager: TestUser,
  a: TestUser,
  b: TestUser,
  names: [string, string],
  prefix: string,
) {
  const networkId = await createNetwork(manager.api, `${prefix} ${Date.now().toString(36)}`);
  const orgA = await addOrganisation(manager.api, networkId, names[0]);
  const orgB = await addOrganisation(manager.api, networkId, names[1]);
  await join(manager.api, networkId, a, { role: 'representative', organisationId: orgA });
  await join(manager.api, networkId, b, { role: 'representative', organisationId: orgB });
  return { networkId, orgA, orgB };
}
